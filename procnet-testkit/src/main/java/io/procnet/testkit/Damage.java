package io.procnet.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Objects;
import java.util.SplittableRandom;

/**
 * How to damage a recorded fixture: a recipe that makes {@link Damaged} copies of it from a
 * generator. Each copy gets 1 to {@link #edits(int) n} edits (4 unless said otherwise), each one
 * of
 * <ul>
 *   <li>a bit flipped, a random byte, a telling byte, or a run of 2 to 16 random bytes, and</li>
 *   <li>for {@link #text() text}, the first character of a field (after a blank or a separator)
 *       made a sign, a separator, a blank, a digit...; for {@link #binary binary}, a 16- or 32-bit
 *       field at its alignment set to a telling word (or nudged by up to 4: a length a few bytes
 *       short, or too long), or an edge value ({@code 0}, {@code -1}, {@code 0x7F..0x80},
 *       {@code 0xFFFF_FFFF}, {@code Long.MIN_VALUE}..., give or take one) written as 2, 4 or 8
 *       bytes anywhere.</li>
 * </ul>
 * Telling bytes are those that structure the kind of input: for text {@code \n}, blanks,
 * {@code : - + ( ) " , = [ ] * % . /}, digits, hex letters, NUL and the start of a UTF-8
 * sequence; for binary 0 to 4, 10, 16, 20, {@code 0x7F}, {@code 0x80}, {@code 0xFF}. Telling words
 * are values where length checks change their answer: around a small header, and around the sign
 * of 16 and 32 bits; a format adds its own sizes with {@link #words(int...)}.
 *
 * <p>Immutable and thread-safe.
 */
public final class Damage {
    private static final byte[] TEXT_BYTES = {'\n', ' ', '\t', ':', '-', '+', '(', ')', '"', ',', '=', '[', ']', '*',
        '%', '.', '/', '0', '9', 'F', 'f', 'x', 0, (byte) 0x80, (byte) 0xC3};
    private static final byte[] BINARY_BYTES = {0, 1, 2, 3, 4, 10, 16, 20, (byte) 0x7F, (byte) 0x80, (byte) 0xFF};
    private static final int[] WORDS = {0, 1, 3, 4, 5, 8, 15, 16, 17, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000,
        0xFFFFFFFF};
    /** Values that break arithmetic on lengths, counts, offsets and pointers. */
    private static final long[] EDGES = {
        0, 1, 2, -1, -2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 0x1_0000_0000L
    };
    /** The longest run of random bytes one edit writes. */
    private static final int LONGEST_RUN = 16;

    private final boolean text;
    private final ByteOrder order;
    private final int edits;
    private final int[] words;

    private Damage(boolean text, ByteOrder order, int edits, int[] words) {
        this.text = text;
        this.order = order;
        this.edits = edits;
        this.words = words;
    }

    /**
     * Damage aimed at text: at the characters that structure it and at the starts of its fields.
     *
     * @return the recipe, with 1 to 4 edits per copy
     */
    public static Damage text() {
        return new Damage(true, ByteOrder.BIG_ENDIAN, 4, WORDS);
    }

    /**
     * Damage aimed at binary structures: at the bytes and the 16-, 32- and 64-bit fields that frame
     * them, written in {@code order}.
     *
     * @param order the byte order of the structure's fields
     * @return the recipe, with 1 to 4 edits per copy
     */
    public static Damage binary(ByteOrder order) {
        return new Damage(false, Objects.requireNonNull(order, "order"), 4, WORDS);
    }

    /**
     * This recipe with 1 to {@code most} edits per copy.
     *
     * @param most the most edits of one copy, at least 1
     * @return a new recipe
     */
    public Damage edits(int most) {
        if (most < 1) {
            throw new IllegalArgumentException("most edits " + most + " < 1");
        }
        return new Damage(text, order, most, words);
    }

    /**
     * This recipe with {@code more} telling words besides its own: the sizes of the format's
     * headers and structures, and the values either side of them. Only binary recipes write words;
     * a text recipe keeps them and writes none.
     *
     * @param more 16- or 32-bit values (a 16-bit field takes the low 16 bits)
     * @return a new recipe
     */
    public Damage words(int... more) {
        int[] all = Arrays.copyOf(words, words.length + more.length);
        System.arraycopy(more, 0, all, words.length, more.length);
        return new Damage(text, order, edits, all);
    }

    /**
     * A damaged copy of {@code original}, its edits anywhere in it.
     *
     * @param random the generator of the edits: the same state gives the same copy
     * @param original the fixture; not changed
     * @return the copy (the same bytes when {@code original} is empty)
     */
    public Damaged copy(SplittableRandom random, byte[] original) {
        return copy(random, original, 0, original.length);
    }

    /**
     * A damaged copy of {@code original}, its edits all at or after {@code from} and before
     * {@code to}; those that would reach further are cut there.
     *
     * @param random the generator of the edits: the same state gives the same copy
     * @param original the fixture; not changed
     * @param from the first byte that may change
     * @param to the end of the bytes that may change, {@code from..original.length}
     * @return the copy (the same bytes when {@code from == to})
     */
    public Damaged copy(SplittableRandom random, byte[] original, int from, int to) {
        if (from < 0 || from > to || to > original.length) {
            throw new IllegalArgumentException("range [" + from + ", " + to + ") outside 0.." + original.length);
        }
        Edits e = new Edits(original, from, to);
        int count = 1 + random.nextInt(edits);
        for (int i = 0; i < count && from < to; i++) {
            edit(e, random);
        }
        return e.done();
    }

    private void edit(Edits e, SplittableRandom random) {
        int at = e.from + random.nextInt(e.to - e.from);
        byte[] telling = text ? TEXT_BYTES : BINARY_BYTES;
        switch (random.nextInt(text ? 5 : 6)) { // binary: two chances in six of a field
            case 0 -> {
                int bit = random.nextInt(8);
                e.put(at, (byte) (e.bytes[at] ^ 1 << bit));
                e.describe("flip bit " + bit + " at " + at);
            }
            case 1 -> {
                e.put(at, (byte) random.nextInt(256));
                e.describe("byte " + (e.bytes[at] & 0xFF) + " at " + at);
            }
            case 2 -> {
                e.put(at, telling[random.nextInt(telling.length)]);
                e.describe("byte " + (e.bytes[at] & 0xFF) + " at " + at);
            }
            case 3 -> {
                int run = Math.min(2 + random.nextInt(LONGEST_RUN - 1), e.to - at);
                for (int i = at; i < at + run; i++) {
                    e.put(i, (byte) random.nextInt(256));
                }
                e.describe(run + " random bytes at " + at);
            }
            case 4 -> {
                if (text) {
                    fieldStart(e, at, random);
                } else {
                    word(e, at, random);
                }
            }
            default -> edge(e, at, random);
        }
    }

    /** The first character of a field, at or after {@code from}, made a telling one. */
    private static void fieldStart(Edits e, int from, SplittableRandom random) {
        int at = from;
        while (at > 0 && at < e.to && !isSeparator(e.bytes[at - 1])) {
            at++;
        }
        if (at < e.to) {
            e.put(at, TEXT_BYTES[random.nextInt(TEXT_BYTES.length)]);
            e.describe("byte " + (e.bytes[at] & 0xFF) + " at " + at);
        }
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == ':' || b == ',' || b == '(' || b == '=';
    }

    /** A 16- or 32-bit field at its alignment (a length, a type, a count) set to a telling word, or nudged. */
    private void word(Edits e, int from, SplittableRandom random) {
        int size = random.nextBoolean() ? 2 : 4;
        int at = Math.max(0, Math.min(from, e.to - size)) & -size;
        if (at < e.from) {
            at += size;
        }
        if (at + size > e.to) {
            return;
        }
        ByteBuffer field = ByteBuffer.wrap(e.bytes).order(order);
        int old = size == 2 ? field.getShort(at) & 0xFFFF : field.getInt(at);
        int value = random.nextBoolean() ? words[random.nextInt(words.length)]
                : old + random.nextInt(9) - 4; // a length a few bytes short, or too long
        for (int i = 0; i < size; i++) {
            e.put(at + i, byteOf(value, size, i));
        }
        e.describe(size * 8 + "-bit " + (size == 2 ? value & 0xFFFF : value) + " at " + at);
    }

    /** An edge value, give or take one, as 2, 4 or 8 bytes anywhere (cut at the end of the range). */
    private void edge(Edits e, int at, SplittableRandom random) {
        long value = EDGES[random.nextInt(EDGES.length)] + random.nextInt(3) - 1;
        int width = 2 << random.nextInt(3);
        for (int i = 0; i < width && at + i < e.to; i++) {
            e.put(at + i, byteOf(value, width, i));
        }
        e.describe(width + " bytes 0x" + Long.toHexString(width == 8 ? value : value & (1L << 8 * width) - 1)
                + " at " + at);
    }

    /** Byte {@code i} of the {@code width} low bytes of {@code value}, in this recipe's order. */
    private byte byteOf(long value, int width, int i) {
        int shift = order == ByteOrder.LITTLE_ENDIAN ? i : width - 1 - i;
        return (byte) (value >>> 8 * shift);
    }

    @Override
    public String toString() {
        return (text ? "text" : "binary " + order) + " damage, 1 to " + edits + " edits";
    }

    /** A copy being edited: its bytes, the positions written and what was done. */
    private static final class Edits {
        final byte[] original;
        final byte[] bytes;
        final int from;
        final int to;
        final BitSet written = new BitSet();
        final StringBuilder description = new StringBuilder();

        Edits(byte[] original, int from, int to) {
            this.original = original;
            this.bytes = original.clone();
            this.from = from;
            this.to = to;
        }

        void put(int at, byte value) {
            bytes[at] = value;
            written.set(at);
        }

        void describe(String edit) {
            description.append(description.length() == 0 ? "" : "; ").append(edit);
        }

        /** The copy, touched where it differs: a byte written with its own value is no change. */
        Damaged done() {
            for (int i = written.nextSetBit(0); i >= 0; i = written.nextSetBit(i + 1)) {
                if (bytes[i] == original[i]) {
                    written.clear(i);
                }
            }
            return new Damaged(bytes, written, description.length() == 0 ? "no edit" : description.toString());
        }
    }
}
