package io.procnet.testkit;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A fixture's bytes cut short, or surrounded by garbage: what a decoder that reads nothing past
 * its length or its buffer's limit decodes as it decodes the bytes alone.
 *
 * <p>Thread-safe: static methods on the arguments only (a generator is not to be shared between
 * threads).
 */
public final class Bytes {
    /** The most garbage bytes {@link #amidGarbage} puts before the fixture (it puts 0 to 63). */
    private static final int MOST_BEFORE = 64;
    /** The most garbage bytes {@link #amidGarbage} puts after the fixture (it puts 1 to 256). */
    private static final int MOST_AFTER = 256;

    private Bytes() {
    }

    /**
     * Random bytes.
     *
     * @param random the generator
     * @param length how many, at least 0
     * @return a new array of {@code length} bytes from {@code random}
     */
    public static byte[] garbage(SplittableRandom random, int length) {
        if (length < 0) {
            throw new IllegalArgumentException("length " + length + " < 0");
        }
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    /**
     * The first {@code length} bytes of {@code bytes}, followed by {@code count} random bytes: for
     * a decoder that is given the length apart from the array.
     *
     * @param random the generator of the garbage
     * @param bytes the fixture
     * @param length how many of its bytes, {@code 0..bytes.length}
     * @param count how many random bytes after them, at least 0
     * @return a new array of {@code length + count} bytes
     */
    public static byte[] garbageAfter(SplittableRandom random, byte[] bytes, int length, int count) {
        checkLength(bytes, length);
        if (count < 0) {
            throw new IllegalArgumentException("count " + count + " < 0");
        }
        byte[] all = Arrays.copyOf(bytes, length + count);
        for (int i = length; i < all.length; i++) {
            all[i] = (byte) random.nextInt(256);
        }
        return all;
    }

    /**
     * The first {@code length} bytes of {@code bytes} in a buffer of exactly that capacity, at
     * position 0, big-endian (a new buffer's order).
     *
     * @param bytes the fixture
     * @param length where it is cut, {@code 0..bytes.length}
     * @return a new buffer over a copy
     */
    public static ByteBuffer cut(byte[] bytes, int length) {
        checkLength(bytes, length);
        return ByteBuffer.wrap(Arrays.copyOf(bytes, length));
    }

    /**
     * {@code bytes} inside a larger array, with 0 to 63 random bytes before and 1 to 256 after, as a
     * buffer of their own: its index 0 is {@code bytes[0]}, its limit {@code bytes.length}, its
     * position anywhere from 0 to the limit and its byte order either. The garbage is in the same
     * array, so a read before index 0 or past the limit (through the array, or a buffer made without
     * the limit) finds it. The buffer is writable: a test may put garbage into it as it goes.
     *
     * @param random the generator of the garbage, the position and the order
     * @param bytes the fixture; copied
     * @return a new buffer
     */
    public static ByteBuffer amidGarbage(SplittableRandom random, byte[] bytes) {
        int before = random.nextInt(MOST_BEFORE);
        byte[] all = garbage(random, before + bytes.length + 1 + random.nextInt(MOST_AFTER));
        System.arraycopy(bytes, 0, all, before, bytes.length);
        ByteBuffer b = ByteBuffer.wrap(all, before, all.length - before).slice().limit(bytes.length);
        return b.position(random.nextInt(bytes.length + 1))
                .order(random.nextBoolean() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    private static void checkLength(byte[] bytes, int length) {
        if (length < 0 || length > bytes.length) {
            throw new IllegalArgumentException("length " + length + " outside 0.." + bytes.length);
        }
    }
}
