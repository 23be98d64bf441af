package io.procnet.testkit;

import java.util.BitSet;

/**
 * A damaged copy of a fixture, made by a {@link Damage}: its bytes, which of them differ from the
 * original, and its edits in words ({@link #toString()}), for a failure's message.
 *
 * <p>{@link #bytes()} is the copy itself, not a copy of it, so that a trial pays for one clone of
 * the fixture: nothing is to write to it. Unwritten, a copy is immutable and may be shared
 * between threads.
 */
public final class Damaged {
    private final byte[] bytes;
    private final BitSet touched;
    private final String description;

    Damaged(byte[] bytes, BitSet touched, String description) {
        this.bytes = bytes;
        this.touched = touched;
        this.description = description;
    }

    /**
     * The damaged bytes, as long as the original.
     *
     * @return the copy's own array; not to be changed
     */
    public byte[] bytes() {
        return bytes;
    }

    /**
     * Whether a byte in {@code [from, to)} differs from the original. Positions outside the copy
     * are ignored, so {@code from} may be -1 (the byte before the first) and {@code to} past the end.
     *
     * @param from the first position asked about
     * @param to the end of the positions asked about (exclusive)
     * @return true when one of them was changed
     */
    public boolean touched(int from, int to) {
        int first = touched.nextSetBit(Math.max(0, from));
        return first >= 0 && first < to;
    }

    /**
     * How many bytes differ from the original.
     *
     * @return the number of changed bytes
     */
    public int touchedCount() {
        return touched.cardinality();
    }

    /**
     * The edits, in the order they were made: {@code flip bit 3 at 17; byte 255 at 4; 5 random
     * bytes at 40; 32-bit 72 at 16; 8 bytes 0x7fffffffffffffff at 9}; {@code no edit} when the
     * range allowed none.
     *
     * @return the description
     */
    @Override
    public String toString() {
        return description;
    }
}
