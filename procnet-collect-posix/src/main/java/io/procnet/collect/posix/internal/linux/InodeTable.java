package io.procnet.collect.posix.internal.linux;

/**
 * Socket inode to owning pids, in open-addressed primitive arrays: no boxing, and a lookup reads
 * one or two neighbouring slots instead of chasing a hash map's nodes, which made the lookups
 * of every inode on every collect the larger part of a warm collect's Java time. Each entry also
 * remembers the last round that looked it up, so the inodes gone from the socket table are found
 * without building a set of the live ones. Not thread-safe.
 */
final class InodeTable {
    /** The pids of an inode known to be unresolvable: no process we can see holds it. */
    static final long[] UNRESOLVABLE = new long[0];
    private static final int MIN_CAPACITY = 1024;

    private long[] keys = new long[MIN_CAPACITY]; // 0: an empty slot (inode 0 is no socket file)
    private long[][] values = new long[MIN_CAPACITY][];
    private int[] rounds = new int[MIN_CAPACITY];
    private int size;

    /** The pids of {@code inode} ({@link #UNRESOLVABLE} for an unresolvable one), or null; marks it seen in {@code round}. */
    long[] lookUp(long inode, int round) {
        int slot = find(inode);
        if (keys[slot] == 0) {
            return null;
        }
        rounds[slot] = round;
        return values[slot];
    }

    /** The pids of {@code inode}, or null; marks nothing. */
    long[] get(long inode) {
        int slot = find(inode);
        return keys[slot] == 0 ? null : values[slot];
    }

    /** Sets the pids of {@code inode} (not 0); a new entry counts as never looked up (round 0). */
    void put(long inode, long[] pids) {
        insert(inode, pids, -1);
    }

    /** Marks {@code inode} (not 0) as held by no process we can see, seen in {@code round}. */
    void putUnresolvable(long inode, int round) {
        insert(inode, UNRESOLVABLE, round);
    }

    /** Sets the pids; sets the round unless it is -1, which keeps an entry's round (0 for a new one). */
    private void insert(long inode, long[] pids, int round) {
        if (inode == 0) {
            throw new IllegalArgumentException("inode 0 is no socket");
        }
        int slot = find(inode);
        if (keys[slot] == 0) {
            if ((size + 1) * 2 > keys.length) {
                resize(keys.length * 2);
                slot = find(inode);
            }
            keys[slot] = inode;
            rounds[slot] = 0;
            size++;
        }
        values[slot] = pids;
        if (round >= 0) {
            rounds[slot] = round;
        }
    }

    /** How many inodes are known, unresolvable ones included. */
    int size() {
        return size;
    }

    /** Receives each entry dropped by {@link #removeUnseen}: its pids, and the last round that looked it up (0: none). */
    @FunctionalInterface
    interface Dropped {
        void entry(long[] pids, int lastLookedUp);
    }

    /** Drops the inodes not looked up in {@code round}, handing each one to {@code dropped}. */
    void removeUnseen(int round, Dropped dropped) {
        long[] oldKeys = keys;
        long[][] oldValues = values;
        int[] oldRounds = rounds;
        int kept = 0;
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0 && oldRounds[i] == round) {
                kept++;
            }
        }
        int capacity = MIN_CAPACITY;
        while (kept * 2 > capacity) {
            capacity *= 2;
        }
        clear(capacity);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] == 0) {
                continue;
            }
            if (oldRounds[i] == round) {
                insert(oldKeys[i], oldValues[i], round);
            } else {
                dropped.entry(oldValues[i], oldRounds[i]);
            }
        }
    }

    /** Forgets everything. */
    void clear() {
        clear(MIN_CAPACITY);
    }

    private void clear(int capacity) {
        keys = new long[capacity];
        values = new long[capacity][];
        rounds = new int[capacity];
        size = 0;
    }

    private void resize(int capacity) {
        long[] oldKeys = keys;
        long[][] oldValues = values;
        int[] oldRounds = rounds;
        clear(capacity);
        for (int i = 0; i < oldKeys.length; i++) {
            if (oldKeys[i] != 0) {
                insert(oldKeys[i], oldValues[i], oldRounds[i]);
            }
        }
    }

    /** The slot of {@code inode}, or the empty slot where it would go (linear probing; at most half full). */
    private int find(long inode) {
        int mask = keys.length - 1;
        int slot = (int) ((inode * 0x9E3779B97F4A7C15L) >>> 40) & mask;
        while (keys[slot] != 0 && keys[slot] != inode) {
            slot = (slot + 1) & mask;
        }
        return slot;
    }
}
