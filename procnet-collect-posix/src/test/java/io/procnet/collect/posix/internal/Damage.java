package io.procnet.collect.posix.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Damaged copies of a recorded fixture for the decoders' property tests: bits flipped, bytes
 * overwritten with random or telling values, runs of garbage, and, aimed at the structure, the
 * first character of a text field made a sign, a separator or a blank, or a 16- or 32-bit binary
 * field set to a value length checks turn on. Each fixture's copies come from a generator seeded by
 * {@link #SEED} and the fixture's name, so a run is repeatable and a failure names the copy
 * ({@link Copy#toString()}: the seed and every change) that reproduces it. Start from another seed
 * with {@code -Dprocnet.damage.seed=N}, and draw more copies with {@code -Dprocnet.damage.copies=N}.
 *
 * <p>A harness of our own on plain JUnit, not jqwik: from 1.10 on, jqwik's maintainers ask that
 * AI coding agents not use it, and these tests were written by one.
 */
public final class Damage {
    /** The seed of every run unless {@code -Dprocnet.damage.seed} says otherwise. */
    public static final long SEED = Long.getLong("procnet.damage.seed", 20261201L);
    /** Copies per fixture: enough to reach every field of the small fixtures many times over, in about a second. */
    public static final int COPIES = Integer.getInteger("procnet.damage.copies", 1000);

    /** What the damage aims at: the characters that structure text, or the fields that frame binary. */
    public enum Kind {
        TEXT(new byte[] {'\n', ' ', '\t', ':', '-', '+', '(', ')', '"', ',', '=', '[', ']', '*', '%', '.', '/', '0',
                '9', 'F', 'f', 'x', 0, (byte) 0x80, (byte) 0xC3}),
        BINARY(new byte[] {0, 1, 2, 3, 4, 10, 16, 20, (byte) 0x7F, (byte) 0x80, (byte) 0xFF});

        private final byte[] telling;

        Kind(byte[] telling) {
            this.telling = telling;
        }
    }

    /** 16- and 32-bit values where length checks change their answer: around a header, a structure, the sign. */
    private static final int[] TELLING_WORDS = {0, 1, 3, 4, 5, 8, 15, 16, 17, 19, 20, 21, 71, 72, 73, 76, 87, 88, 89,
        92, 0x7FFF, 0x8000, 0xFFFF, 0x7FFFFFFF, 0x80000000, 0xFFFFFFFF};

    private Damage() {
    }

    /** One damaged copy of a fixture. */
    public static final class Copy {
        private final byte[] bytes;
        private final BitSet touched;
        private final String description;

        private Copy(byte[] bytes, BitSet touched, String description) {
            this.bytes = bytes;
            this.touched = touched;
            this.description = description;
        }

        /** The damaged bytes; not to be changed. */
        public byte[] bytes() {
            return bytes;
        }

        /** Whether any byte in {@code [from, to)} differs from the original (positions outside the copy are ignored). */
        public boolean touched(int from, int to) {
            int first = touched.nextSetBit(Math.max(0, from));
            return first >= 0 && first < to;
        }

        @Override
        public String toString() {
            return description;
        }
    }

    /** {@code count} copies of {@code original}, each with one to four changes. */
    public static List<Copy> copies(String name, byte[] original, Kind kind, int count) {
        SplittableRandom random = new SplittableRandom(SEED ^ name.hashCode());
        List<Copy> copies = new ArrayList<>(count);
        for (int n = 0; n < count; n++) {
            byte[] bytes = original.clone();
            StringBuilder description = new StringBuilder(name).append(" copy ").append(n)
                    .append(" (-Dprocnet.damage.seed=").append(SEED).append("):");
            int changes = 1 + random.nextInt(4);
            for (int c = 0; c < changes && bytes.length > 0; c++) {
                change(bytes, kind, random, description);
            }
            BitSet touched = new BitSet(bytes.length);
            for (int i = 0; i < bytes.length; i++) {
                if (bytes[i] != original[i]) {
                    touched.set(i);
                }
            }
            copies.add(new Copy(bytes, touched, description.toString()));
        }
        return copies;
    }

    private static void change(byte[] bytes, Kind kind, SplittableRandom random, StringBuilder description) {
        int at = random.nextInt(bytes.length);
        switch (random.nextInt(kind == Kind.BINARY ? 6 : 5)) { // binary: two chances in six of a field
            case 0 -> {
                int bit = random.nextInt(8);
                bytes[at] ^= (byte) (1 << bit);
                description.append(" flip bit ").append(bit).append(" at ").append(at).append(';');
            }
            case 1 -> {
                bytes[at] = (byte) random.nextInt(256);
                description.append(" byte ").append(bytes[at] & 0xFF).append(" at ").append(at).append(';');
            }
            case 2 -> {
                bytes[at] = kind.telling[random.nextInt(kind.telling.length)];
                description.append(" byte ").append(bytes[at] & 0xFF).append(" at ").append(at).append(';');
            }
            case 3 -> {
                int run = Math.min(2 + random.nextInt(15), bytes.length - at);
                for (int i = at; i < at + run; i++) {
                    bytes[i] = (byte) random.nextInt(256);
                }
                description.append(' ').append(run).append(" random bytes at ").append(at).append(';');
            }
            default -> {
                if (kind == Kind.TEXT) {
                    fieldStart(bytes, at, kind, random, description);
                } else {
                    word(bytes, at, random, description);
                }
            }
        }
    }

    /** The first character of a field (after a blank or a separator) made a sign, a separator, a blank... */
    private static void fieldStart(byte[] bytes, int from, Kind kind, SplittableRandom random,
                                   StringBuilder description) {
        int at = from;
        while (at > 0 && at < bytes.length && !isSeparator(bytes[at - 1])) {
            at++;
        }
        if (at < bytes.length) {
            bytes[at] = kind.telling[random.nextInt(kind.telling.length)];
            description.append(" byte ").append(bytes[at] & 0xFF).append(" at ").append(at).append(';');
        }
    }

    private static boolean isSeparator(byte b) {
        return b == ' ' || b == '\n' || b == '\t' || b == ':' || b == ',' || b == '(' || b == '=';
    }

    /** A 16- or 32-bit field in the host's order, at its alignment (a length, a type, a count), set or nudged. */
    private static void word(byte[] bytes, int from, SplittableRandom random, StringBuilder description) {
        int size = random.nextBoolean() ? 2 : 4;
        int at = Math.max(0, Math.min(from, bytes.length - size)) & -size;
        if (at + size > bytes.length) {
            return;
        }
        ByteBuffer field = ByteBuffer.wrap(bytes).order(ByteOrder.nativeOrder());
        int old = size == 2 ? field.getShort(at) & 0xFFFF : field.getInt(at);
        int value = random.nextBoolean() ? TELLING_WORDS[random.nextInt(TELLING_WORDS.length)]
                : old + random.nextInt(9) - 4; // a length a few bytes short, or too long
        if (size == 2) {
            field.putShort(at, (short) value);
        } else {
            field.putInt(at, value);
        }
        description.append(' ').append(size * 8).append("-bit ").append(value).append(" at ").append(at).append(';');
    }
}
