package io.procnet.rules.internal;

import io.procnet.rules.RuleFileException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The text of a rule file, as given and as repaired, with the position of any index in it.
 *
 * <p>The one repair: the original's own example writes a regex in a double-quoted string,
 * {@code "/--port\s+(3000|5173)/i"}, where {@code \s} is an escape YAML (and JSON) does not
 * know, so a strict parser, the original's included, rejects the file. A backslash before a
 * character that is not an escape is kept as a backslash: the parser reports where, and the
 * backslash is doubled there. Positions are still those of the file as written. Not thread-safe.
 *
 * <p><b>Positions</b> are those an editor shows, the same for YAML and JSON, whatever each
 * parser counts (SnakeYAML counts code points, Jackson UTF-16 units, and each breaks lines its
 * own way):
 * <ul>
 * <li>lines and columns count from 1;</li>
 * <li>a line ends at LF, CR LF or a lone CR; YAML 1.1 also breaks lines at NEL, LS and PS,
 *     which editors show inside a line, so here they are characters of the line;</li>
 * <li>a column counts characters, that is Unicode code points ({@link String#codePointCount}):
 *     a tab is one (editors show it 2 to 8 wide, as each is set; that it is one character does
 *     not vary), an accented letter written as one code point is one, a CJK ideograph is one
 *     (though shown twice as wide), an emoji beyond the BMP is one although Java holds it as
 *     a surrogate pair of two {@code char}s (and Jackson counts it twice), and a combining
 *     accent is a character of its own (one code point, though drawn over the letter before);</li>
 * <li>a byte order mark at the start of the file is no character: the text after it starts at
 *     1:1 (the readers drop it before parsing, {@link #decode} before counting).</li>
 * </ul>
 */
public final class SourceText {
    /** Repairs made at most, so a file full of stray backslashes cannot make the parse loop long. */
    static final int MAX_REPAIRS = 1000;

    private static final int[] NONE = {};

    private final String name;
    private final String original;
    /** Indexes in {@link #original} where lines start: 0, and after each LF, CR LF or lone CR. */
    private final int[] lineStarts;
    /** Indexes in {@link #original} of the second half of each surrogate pair, ascending; usually none. */
    private final int[] pairEnds;
    private final StringBuilder repaired;
    /** Indexes in the repaired text of the backslashes inserted, ascending (parsers fail left to right). */
    private final List<Integer> inserted = new ArrayList<>();
    /** Code point indexes in the repaired text of the characters beyond the BMP; made on first need. */
    private int[] beyondBmp;

    /** @param name the file as the user named it, for messages */
    SourceText(String name, String original) {
        this.name = name;
        this.original = original;
        this.repaired = new StringBuilder(original);
        int[] starts = new int[16];
        int lines = 1;
        int[] pairs = NONE;
        int pairCount = 0;
        for (int i = 0; i < original.length(); i++) {
            char c = original.charAt(i);
            if (c == '\n' || c == '\r' && !original.startsWith("\n", i + 1)) {
                starts = lines < starts.length ? starts : Arrays.copyOf(starts, 2 * lines);
                starts[lines++] = i + 1;
            } else if (Character.isLowSurrogate(c) && i > 0 && Character.isHighSurrogate(original.charAt(i - 1))) {
                pairs = pairCount < pairs.length ? pairs : Arrays.copyOf(pairs, 2 * pairCount + 4);
                pairs[pairCount++] = i;
            }
        }
        this.lineStarts = Arrays.copyOf(starts, lines);
        this.pairEnds = Arrays.copyOf(pairs, pairCount);
    }

    /**
     * The text of a rule file's bytes, which must be UTF-8.
     *
     * @param name the file as the user named it, for messages
     * @throws RuleFileException at the line and column of the first character that is not UTF-8
     */
    public static String decode(byte[] bytes, String name) throws RuleFileException {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length); // UTF-8 never gives more chars than bytes
        CoderResult result = decoder.decode(in, out, true);
        String text = out.flip().toString();
        if (result.isError()) {
            String before = text.startsWith("\uFEFF") ? text.substring(1) : text;
            throw new SourceText(name, before).errorAt(before.length(), "not UTF-8 text (byte 0x"
                    + Integer.toHexString(bytes[in.position()] & 0xFF) + ")");
        }
        return text;
    }

    /** The text to parse. */
    String text() {
        return repaired.toString();
    }

    /**
     * Doubles the backslash at {@code backslash} (an index into {@link #text()}), if there is
     * one after the last one doubled (the one put in and the one written) and the repairs are
     * not used up; returns whether it did.
     */
    boolean repairEscapeAt(int backslash) {
        if (inserted.size() >= MAX_REPAIRS || backslash < 0 || backslash >= repaired.length()
                || repaired.charAt(backslash) != '\\'
                || (!inserted.isEmpty() && backslash <= inserted.get(inserted.size() - 1) + 1)) {
            return false;
        }
        repaired.insert(backslash, '\\');
        inserted.add(backslash);
        beyondBmp = null;
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

    /**
     * The index in {@link #text()} of the character a YAML parser counts as code point
     * {@code codePoint} (counted from 0); the end of the text for one beyond it.
     */
    int indexOfCodePoint(int codePoint) {
        if (beyondBmp == null) {
            beyondBmp = beyondBmp(repaired);
        }
        int index = Math.max(0, codePoint);
        return Math.min(repaired.length(), index + countBelow(beyondBmp, index));
    }

    private static int[] beyondBmp(CharSequence text) {
        int[] found = new int[16];
        int count = 0;
        int codePoint = 0;
        for (int i = 0; i < text.length(); i++, codePoint++) {
            if (Character.isHighSurrogate(text.charAt(i)) && i + 1 < text.length()
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                found = count < found.length ? found : Arrays.copyOf(found, 2 * count);
                found[count++] = codePoint;
                i++;
            }
        }
        return Arrays.copyOf(found, count);
    }

    /** An error at the character at {@code index} in {@link #text()}. */
    RuleFileException errorAt(int index, String problem) {
        Position position = position(index);
        return new RuleFileException(name, position.line(), position.column(), problem);
    }

    /**
     * Line and column in the file as written (see the class comment) of the character at
     * {@code index} in {@link #text()}; the end of the text for an index beyond it, and the pair's
     * for one inside a surrogate pair.
     */
    Position position(int index) {
        int before = Collections.binarySearch(inserted, index);
        int at = Math.max(0, Math.min(original.length(), index - (before < 0 ? -before - 1 : before)));
        int line = Arrays.binarySearch(lineStarts, at);
        if (line < 0) {
            line = -line - 2;
        }
        int start = lineStarts[line];
        return new Position(line + 1, at - start - (countBelow(pairEnds, at + 1) - countBelow(pairEnds, start)) + 1);
    }

    /** How many of the ascending, distinct {@code values} are below {@code limit}. */
    private static int countBelow(int[] values, int limit) {
        int found = Arrays.binarySearch(values, limit);
        return found < 0 ? -found - 1 : found;
    }
}
