package io.procnet.internal.graph;

/**
 * Rows by their {@link Row#key}, by open addressing with linear probing over the rows themselves:
 * a lookup reads the slot and the row, which it needs anyway, and nothing else. Removal shifts the
 * rows behind back into place, so the table needs no tombstones; it grows to stay at most half
 * full. Not thread-safe.
 */
final class RowIndex {
    private Row[] rows = new Row[1024];
    private int size;

    /** The row of {@code key}, or null. */
    Row get(long key) {
        int mask = rows.length - 1;
        for (int slot = slotOf(key, mask); ; slot = (slot + 1) & mask) {
            Row row = rows[slot];
            if (row == null || row.key == key) {
                return row;
            }
        }
    }

    /** Adds {@code row}, whose key is not in the index. */
    void add(Row row) {
        if ((size + 1) * 2 > rows.length) {
            grow();
        }
        insert(rows, row);
        size++;
    }

    /** Removes {@code row}; does nothing when the index holds another row under its key, or none. */
    void remove(Row row) {
        int mask = rows.length - 1;
        int slot = slotOf(row.key, mask);
        while (rows[slot] != null && rows[slot] != row) {
            slot = (slot + 1) & mask;
        }
        if (rows[slot] == null) {
            return;
        }
        size--;
        int free = slot;
        for (int next = (free + 1) & mask; rows[next] != null; next = (next + 1) & mask) {
            int home = slotOf(rows[next].key, mask);
            boolean reachable = free <= next ? home > free && home <= next : home > free || home <= next;
            if (!reachable) { // it would no longer be found past the freed slot: move it there
                rows[free] = rows[next];
                free = next;
            }
        }
        rows[free] = null;
    }

    int size() {
        return size;
    }

    private void grow() {
        Row[] grown = new Row[rows.length * 2];
        for (Row row : rows) {
            if (row != null) {
                insert(grown, row);
            }
        }
        rows = grown;
    }

    private static void insert(Row[] table, Row row) {
        int mask = table.length - 1;
        int slot = slotOf(row.key, mask);
        while (table[slot] != null) {
            slot = (slot + 1) & mask;
        }
        table[slot] = row;
    }

    private static int slotOf(long key, int mask) {
        long h = key * 0x9E3779B97F4A7C15L;
        return (int) (h ^ h >>> 29) & mask;
    }
}
