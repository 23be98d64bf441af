package io.procnet.collect.windows.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random trials for the decoders' property tests, on plain JUnit: each trial gets its own
 * generator from the seed, the property's name and the trial's number, so a failure names what
 * reproduces it. The seed is fixed, so every build runs the same trials;
 * {@code -Dprocnet.trials.seed=N} runs others and {@code -Dprocnet.trials.scale=F} F times as many.
 */
final class Trials {
    static final long SEED = Long.getLong("procnet.trials.seed", 0x5EED_2026_1201L);
    static final double SCALE = Double.parseDouble(System.getProperty("procnet.trials.scale", "1"));

    /** Values that break arithmetic on lengths, counts, offsets and pointers. */
    private static final long[] EDGES = {
        0, 1, 2, -1, -2, 0x7F, 0x80, 0xFF, 0x7FFF, 0x8000, 0xFFFF, 0x7FFF_FFFFL, 0x8000_0000L, 0xFFFF_FFFFL,
        Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 1, Long.MIN_VALUE + 1, 0x1_0000_0000L
    };

    private Trials() {
    }

    /** One trial of a property. */
    @FunctionalInterface
    interface Trial {
        void run(SplittableRandom random);
    }

    /** Runs {@code trials} (times the scale) trials of {@code property}. */
    static void run(String property, int trials, Trial trial) {
        int count = Math.max(1, (int) Math.round(trials * SCALE));
        for (int i = 0; i < count; i++) {
            long seed = SEED ^ property.hashCode() * 0x9E37_79B9_7F4A_7C15L ^ i * 0xC2B2_AE3D_27D4_EB4FL;
            try {
                trial.run(new SplittableRandom(seed));
            } catch (AssertionError | RuntimeException e) {
                throw new AssertionError(property + " failed in trial " + i + " of " + count + " (-Dprocnet.trials.seed="
                        + SEED + "): " + e, e);
            }
        }
    }

    /** {@code length} random bytes. */
    static byte[] garbage(SplittableRandom random, int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /**
     * {@code bytes} in a buffer of their own, with garbage before and after: the buffer's index 0
     * is {@code bytes[0]} and its limit {@code bytes.length}, its position somewhere in between.
     */
    static ByteBuffer amidGarbage(SplittableRandom random, byte[] bytes) {
        int before = random.nextInt(64);
        byte[] all = garbage(random, before + bytes.length + 1 + random.nextInt(256));
        System.arraycopy(bytes, 0, all, before, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(all, before, all.length - before).slice().limit(bytes.length);
        return b.position(random.nextInt(bytes.length + 1)).order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN
                : ByteOrder.LITTLE_ENDIAN);
    }

    /** The first {@code length} bytes of {@code bytes}, in a buffer of exactly that capacity. */
    static ByteBuffer cut(byte[] bytes, int length) {
        return ByteBuffer.wrap(Arrays.copyOf(bytes, length));
    }

    /** Some bytes of a buffer overwritten: which, and how, for a failure's message. */
    static final class Mutation {
        final byte[] bytes;
        final BitSet touched = new BitSet();
        private final List<String> edits = new ArrayList<>();

        private Mutation(byte[] original) {
            this.bytes = original.clone();
        }

        /**
         * 1 to 8 edits of {@code original}, each at or after {@code from} and before {@code to}: a
         * bit flipped, a random byte, or an edge value written as 2, 4 or 8 little-endian bytes.
         */
        static Mutation of(SplittableRandom random, byte[] original, int from, int to) {
            Mutation m = new Mutation(original);
            int edits = 1 + random.nextInt(8);
            for (int e = 0; e < edits; e++) {
                int at = from + random.nextInt(to - from);
                switch (random.nextInt(3)) {
                    case 0 -> m.put(at, (byte) (m.bytes[at] ^ 1 << random.nextInt(8)), "flip");
                    case 1 -> m.put(at, (byte) random.nextInt(256), "byte");
                    default -> {
                        long value = EDGES[random.nextInt(EDGES.length)] + random.nextInt(3) - 1;
                        int width = 2 << random.nextInt(3);
                        for (int i = 0; i < width && at + i < to; i++) {
                            m.put(at + i, (byte) (value >>> 8 * i), null);
                        }
                        m.edits.add(width + " bytes " + Long.toHexString(value) + " at " + at);
                    }
                }
            }
            return m;
        }

        private void put(int at, byte value, String what) {
            bytes[at] = value;
            touched.set(at);
            if (what != null) {
                edits.add(what + " " + (value & 0xFF) + " at " + at);
            }
        }

        /** True when a byte in {@code [from, to)} was overwritten. */
        boolean touches(int from, int to) {
            int next = touched.nextSetBit(from);
            return next >= 0 && next < to;
        }

        @Override
        public String toString() {
            return String.join(", ", edits);
        }
    }
}
