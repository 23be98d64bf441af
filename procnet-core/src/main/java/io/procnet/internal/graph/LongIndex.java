package io.procnet.internal.graph;

/**
 * A map from {@code long} keys (inodes, pids) to positions, by open addressing: no boxing and no
 * node per entry, for lookups done once or twice per socket. Grows to stay at most half full.
 */
final class LongIndex {
    private long[] keys;
    private int[] positions;
    private boolean[] used;
    private int size;

    LongIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(2, expected) * 2 - 1) * 2;
        keys = new long[capacity];
        positions = new int[capacity];
        used = new boolean[capacity];
    }

    /** Maps {@code key} to {@code position}, replacing an earlier position. */
    void put(long key, int position) {
        int slot = slotOf(key);
        if (!used[slot]) {
            used[slot] = true;
            keys[slot] = key;
            size++;
        }
        positions[slot] = position;
        if (size * 2 > keys.length) {
            grow();
        }
    }

    /** The position of {@code key}, or -1. */
    int get(long key) {
        int slot = slotOf(key);
        return used[slot] ? positions[slot] : -1;
    }

    /** The slot that holds {@code key}, or the free slot where it belongs. */
    private int slotOf(long key) {
        int mask = keys.length - 1;
        int slot = (int) (mix(key) & mask);
        while (used[slot] && keys[slot] != key) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }

    private void grow() {
        long[] oldKeys = keys;
        int[] oldPositions = positions;
        boolean[] oldUsed = used;
        keys = new long[oldKeys.length * 2];
        positions = new int[oldKeys.length * 2];
        used = new boolean[oldKeys.length * 2];
        size = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldUsed[i]) {
                put(oldKeys[i], oldPositions[i]);
            }
        }
    }

    private static long mix(long key) {
        long h = key * 0x9E3779B97F4A7C15L;
        return h ^ h >>> 29;
    }
}
