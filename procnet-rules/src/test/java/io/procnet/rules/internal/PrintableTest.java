package io.procnet.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PrintableTest {

    @Test
    void controlCharactersAreEscaped() {
        assertThat(Printable.of("a\tb\nc\rd\u001be\u00e9")).isEqualTo("a\\tb\\nc\\rd\\u001be\u00e9");
    }

    @Test
    void longTextsAreCutToEightyCharacters() {
        String eighty = "x".repeat(Printable.MAX_LENGTH);
        assertThat(Printable.of(eighty)).isEqualTo(eighty);
        assertThat(Printable.of(eighty + "y")).isEqualTo(eighty + "...");
        assertThat(Printable.of("x".repeat(79) + "\n")).isEqualTo("x".repeat(79) + "\\n"); // escaped, not cut
        assertThat(Printable.of("x".repeat(79) + "\ny")).isEqualTo("x".repeat(79) + "\\n...");
        assertThat(Printable.of("\n".repeat(40))).isEqualTo("\\n".repeat(40));
    }
}
