package io.procnet.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class TokenCheckTest {
    private final TokenCheck check = new TokenCheck("s3cret");

    @Test
    void theTokenMatches() {
        assertThat(check.matches("s3cret")).isTrue();
    }

    @Test
    void anotherTokenOfTheSameLengthDoesNot() {
        assertThat(check.matches("s3creT")).isFalse();
        assertThat(check.matches("xxxxxx")).isFalse();
    }

    @Test
    void prefixesExtensionsAndOtherLengthsDoNot() {
        assertThat(check.matches("s3cre")).isFalse();
        assertThat(check.matches("s3crett")).isFalse();
        assertThat(check.matches(" s3cret")).isFalse();
        assertThat(check.matches("")).isFalse();
        assertThat(check.matches(null)).isFalse();
    }

    @Test
    void aBlankTokenIsACallerMistake() {
        assertThatThrownBy(() -> new TokenCheck(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void generatedTokensAre43UrlSafeCharactersAndDiffer() {
        Set<String> tokens = new HashSet<>();
        for (int i = 0; i < 20; i++) {
            String token = TokenCheck.generate();
            assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]+");
            assertThat(new TokenCheck(token).matches(token)).isTrue();
            tokens.add(token);
        }
        assertThat(tokens).hasSize(20);
    }
}
