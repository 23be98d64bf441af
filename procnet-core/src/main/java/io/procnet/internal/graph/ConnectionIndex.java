package io.procnet.internal.graph;

/**
 * Position of each connection half in the socket list, by {@link ConnectionKey}: an open
 * addressing table of keys and primitive positions, since a {@code HashMap<ConnectionKey,
 * Integer>} boxes a position and allocates a node for every half of every local connection.
 */
final class ConnectionIndex {
    private final ConnectionKey[] keys;
    private final int[] positions;
    private final int mask;

    /** A table for up to {@code capacity} keys, at most half full; more keys than that are a caller's bug. */
    ConnectionIndex(int capacity) {
        int size = Integer.highestOneBit(Math.max(2, capacity) * 2 - 1) * 2;
        keys = new ConnectionKey[size];
        positions = new int[size];
        mask = size - 1;
    }

    /** Maps {@code key} to {@code position}; a key given twice keeps its last position. */
    void put(ConnectionKey key, int position) {
        int slot = slotOf(key);
        keys[slot] = key;
        positions[slot] = position;
    }

    /** Maps {@code key} to {@code position} unless it is there already; returns the earlier position, or -1. */
    int putIfAbsent(ConnectionKey key, int position) {
        int slot = slotOf(key);
        if (keys[slot] != null) {
            return positions[slot];
        }
        keys[slot] = key;
        positions[slot] = position;
        return -1;
    }

    /** The position of {@code key}, or -1. */
    int get(ConnectionKey key) {
        int slot = slotOf(key);
        return keys[slot] != null ? positions[slot] : -1;
    }

    /** The slot holding {@code key}, or the free slot where it belongs. The table never fills: see the constructor. */
    private int slotOf(ConnectionKey key) {
        int slot = key.hashCode() & mask;
        while (keys[slot] != null && !keys[slot].equals(key)) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
