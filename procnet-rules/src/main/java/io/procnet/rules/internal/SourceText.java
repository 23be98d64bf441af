package io.procnet.rules.internal;

import io.procnet.rules.RuleFileException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The text of a rule file, as given and as repaired, with the position of any index in it.
 *
 * <p>The one repair: the original's own example writes a regex in a double-quoted string,
 * {@code "/--port\s+(3000|5173)/i"}, where {@code \s} is an escape YAML (and JSON) does not
 * know, so a strict parser, the original's included, rejects the file. A backslash before a
 * character that is not an escape is kept as a backslash: the parser reports where, and the
 * backslash is doubled there. Positions are still those of the file as written. Not thread-safe.
 */
final class SourceText {
    /** Repairs made at most, so a file full of stray backslashes cannot make the parse loop long. */
    static final int MAX_REPAIRS = 1000;

    private final String name;
    private final String original;
    private final boolean surrogates;
    private final int[] lineStarts;
    private final StringBuilder repaired;
    /** Indexes in the repaired text of the backslashes inserted, ascending (parsers fail left to right). */
    private final List<Integer> inserted = new ArrayList<>();

    /** @param name the file as the user named it, for messages */
    SourceText(String name, String original) {
        this.name = name;
        this.original = original;
        this.repaired = new StringBuilder(original);
        this.surrogates = original.chars().anyMatch(c -> Character.isSurrogate((char) c));
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < original.length(); i++) {
            if (original.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The text to parse. */
    String text() {
        return repaired.toString();
    }

    /**
     * Doubles the backslash at {@code backslash} (an index into {@link #text()}), if there is
     * one and the repairs are not used up; returns whether it did.
     */
    boolean repairEscapeAt(int backslash) {
        if (inserted.size() >= MAX_REPAIRS || backslash < 0 || backslash >= repaired.length()
                || repaired.charAt(backslash) != '\\'
                || (!inserted.isEmpty() && backslash <= inserted.get(inserted.size() - 1))) {
            return false;
        }
        repaired.insert(backslash, '\\');
        inserted.add(backslash);
        return true;
    }

    /**
     * The index of the last backslash at or shortly before {@code index} in {@link #text()}, or
     * -1: parsers report an unknown escape at the backslash or a character or two after it.
     */
    int backslashBefore(int index) {
        for (int i = Math.min(index, repaired.length() - 1); i >= 0 && i >= index - 2; i--) {
            if (repaired.charAt(i) == '\\') {
                return i;
            }
        }
        return -1;
    }

    /** The index in {@link #text()} of the character a YAML parser counts as code point {@code codePoints}. */
    int indexOfCodePoint(int codePoints) {
        if (!surrogates || codePoints <= 0) {
            return Math.max(0, codePoints);
        }
        String text = text();
        return text.offsetByCodePoints(0, Math.min(codePoints, text.codePointCount(0, text.length())));
    }

    /** An error at the character at {@code index} in {@link #text()}. */
    RuleFileException errorAt(int index, String problem) {
        Position position = position(index);
        return new RuleFileException(name, position.line(), position.column(), problem);
    }

    /** An error of the file as a whole. */
    RuleFileException error(String problem) {
        return new RuleFileException(name, problem);
    }

    /** Line and column in the file as written of the character at {@code index} in {@link #text()}. */
    Position position(int index) {
        int before = 0;
        while (before < inserted.size() && inserted.get(before) < index) {
            before++;
        }
        int at = Math.max(0, Math.min(original.length(), index - before));
        int line = Arrays.binarySearch(lineStarts, at);
        if (line < 0) {
            line = -line - 2;
        }
        return new Position(line + 1, at - lineStarts[line] + 1);
    }
}
