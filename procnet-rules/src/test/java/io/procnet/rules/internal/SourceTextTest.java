package io.procnet.rules.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Positions as an editor shows them, after repairs too; the file-level tables are in RuleFileErrorPositionsTest. */
class SourceTextTest {

    private static SourceText source(String text) {
        return new SourceText("rules.yaml", text);
    }

    @Test
    void positionsSkipTheRepairsAndCountLinesFromOne() {
        SourceText source = source("ab\n\"\\s\" x\n");
        assertThat(source.repairEscapeAt(4)).isTrue();
        assertThat(source.text()).isEqualTo("ab\n\"\\\\s\" x\n");
        assertThat(source.position(0)).isEqualTo(new Position(1, 1));
        assertThat(source.position(4)).isEqualTo(new Position(2, 2)); // the backslash put in: where the one written is
        assertThat(source.position(5)).isEqualTo(new Position(2, 2)); // the backslash written
        assertThat(source.position(6)).isEqualTo(new Position(2, 3));
        assertThat(source.position(9)).isEqualTo(new Position(2, 6)); // the x, one column left of where it is now
        assertThat(source.position(11)).isEqualTo(new Position(3, 1)); // the end
        assertThat(source.position(99)).isEqualTo(new Position(3, 1));
        assertThat(source.position(-1)).isEqualTo(new Position(1, 1));
    }

    @Test
    void aBackslashIsRepairedOnceAndOnlyInOrder() {
        SourceText source = source("\\s \\d \\w");
        assertThat(source.repairEscapeAt(0)).isTrue(); // a backslash first in the text
        assertThat(source.repairEscapeAt(0)).isFalse(); // the one put in
        assertThat(source.repairEscapeAt(1)).isFalse(); // the one written: repaired already
        assertThat(source.repairEscapeAt(4)).isTrue();
        assertThat(source.text()).isEqualTo("\\\\s \\\\d \\w");
        assertThat(source.repairEscapeAt(9)).isFalse(); // not a backslash
        assertThat(source.repairEscapeAt(-1)).isFalse();
        assertThat(source.repairEscapeAt(10)).isFalse(); // beyond the text
        assertThat(source.repairEscapeAt(8)).isTrue();
    }

    @Test
    void repairsAreBounded() {
        SourceText source = source("\\".repeat(SourceText.MAX_REPAIRS + 1));
        for (int i = 0; i < SourceText.MAX_REPAIRS; i++) {
            assertThat(source.repairEscapeAt(2 * i + 1)).isTrue();
        }
        assertThat(source.repairEscapeAt(2 * SourceText.MAX_REPAIRS + 1)).isFalse();
    }

    @Test
    void theBackslashBeforeAnEscapeIsAtItOrUpToTwoCharactersBefore() {
        SourceText source = source("ab\\cdef");
        assertThat(source.backslashBefore(2)).isEqualTo(2);
        assertThat(source.backslashBefore(3)).isEqualTo(2);
        assertThat(source.backslashBefore(4)).isEqualTo(2);
        assertThat(source.backslashBefore(5)).isEqualTo(-1);
        assertThat(source.backslashBefore(1)).isEqualTo(-1);
        assertThat(source.backslashBefore(99)).isEqualTo(-1);
        assertThat(source("\\s").backslashBefore(1)).isEqualTo(0);
        assertThat(source("\\s").backslashBefore(0)).isEqualTo(0);
        assertThat(source("abc\\").backslashBefore(4)).isEqualTo(3); // at the end of the text
        assertThat(source("a\\\\b").backslashBefore(3)).isEqualTo(2); // the last of two
    }

    @Test
    void codePointsBecomeCharsBeyondTheBmp() {
        SourceText source = source("a\uD83D\uDE00b\uD83D\uDE01c");
        assertThat(source.indexOfCodePoint(-1)).isEqualTo(0);
        assertThat(source.indexOfCodePoint(0)).isEqualTo(0);
        assertThat(source.indexOfCodePoint(1)).isEqualTo(1);
        assertThat(source.indexOfCodePoint(2)).isEqualTo(3);
        assertThat(source.indexOfCodePoint(3)).isEqualTo(4);
        assertThat(source.indexOfCodePoint(4)).isEqualTo(6);
        assertThat(source.indexOfCodePoint(5)).isEqualTo(7); // the end
        assertThat(source.indexOfCodePoint(99)).isEqualTo(7);
        assertThat(source("abc").indexOfCodePoint(99)).isEqualTo(3);
        assertThat(source("\uD83D").indexOfCodePoint(1)).isEqualTo(1); // a lone half is a code point
    }

    @Test
    void codePointsFollowTheRepairs() {
        SourceText source = source("\\s\uD83D\uDE00x");
        assertThat(source.indexOfCodePoint(3)).isEqualTo(4); // the x, before the repair
        assertThat(source.repairEscapeAt(0)).isTrue();
        assertThat(source.indexOfCodePoint(3)).isEqualTo(3); // the emoji, now one further
        assertThat(source.indexOfCodePoint(4)).isEqualTo(5); // the x
    }

    @Test
    void manyLinesAndManyEmojiCountToo() {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 40; i++) {
            text.append("\uD83D\uDE00".repeat(i)).append(i % 2 == 0 ? "\n" : "\r\n");
        }
        text.append("\uD83D\uDE00\uD83D\uDE00x");
        SourceText source = source(text.toString());
        assertThat(source.position(text.length() - 1)).isEqualTo(new Position(41, 3));
        int codePoints = text.codePointCount(0, text.length());
        assertThat(source.indexOfCodePoint(codePoints - 1)).isEqualTo(text.length() - 1);
    }

    @Test
    void loneSurrogatesAreCharactersOfTheirOwn() {
        assertThat(source("\uDE00\uD83Dx").position(2)).isEqualTo(new Position(1, 3));
        assertThat(source("\uD83D\uD83D\uDE00x").position(3)).isEqualTo(new Position(1, 3));
        assertThat(source("\uD83D\uDE00x").position(1)).isEqualTo(new Position(1, 1)); // inside the pair: the pair
        assertThat(source("\uD83D\uDE00x").position(2)).isEqualTo(new Position(1, 2));
        assertThat(source("a\n\uD83D\uDE00\uD83D\uDE00x").position(3)).isEqualTo(new Position(2, 1));
        assertThat(source("a\n\uD83D\uDE00\uD83D\uDE00x").position(6)).isEqualTo(new Position(2, 3));
    }

    @Test
    void linesEndAtLfCrLfOrCr() {
        SourceText source = source("a\nb\r\nc\rd\r");
        assertThat(source.position(2)).isEqualTo(new Position(2, 1));
        assertThat(source.position(5)).isEqualTo(new Position(3, 1));
        assertThat(source.position(7)).isEqualTo(new Position(4, 1));
        assertThat(source.position(9)).isEqualTo(new Position(5, 1));
    }
}
