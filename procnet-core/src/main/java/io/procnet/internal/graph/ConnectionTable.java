package io.procnet.internal.graph;

import io.procnet.model.SocketEntry;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The connections of a stream of snapshots. Each socket row is matched to the row it was in the
 * previous snapshot: first the row that followed the previous match then (collectors list sockets
 * in a stable order: a netlink dump walks the kernel's hash table), which costs no lookup and reads
 * the rows in the order they lie in memory; else by its inode, or for a socket without one a 64-bit
 * hash of its half, checked against the row found; a new row, or one whose lookup misses, is placed
 * by its {@link ConnectionKey}. A connection whose row came, changed state or owner, or went is
 * reported dirty, once per round.
 *
 * <p>The rows of the previous snapshot that the matches skipped are the candidates for the ones
 * that went, so finding them costs no walk over the table. Rows missing from a snapshot are kept for
 * {@link #KEEP_ROUNDS} more, for their traffic baseline; then they, and connections left without
 * rows, are forgotten. Not thread-safe.
 */
final class ConnectionTable {
    /** Rounds a row may miss before it is forgotten: enough for a namespace unreadable for a round or two. */
    static final int KEEP_ROUNDS = 3;

    private final Consumer<Connection> dirty;
    private final RowIndex rows = new RowIndex();
    private final Map<ConnectionKey, Connection> byKey = new HashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<Row> missing = new ArrayList<>();

    /** The rows in the order the previous snapshot listed them, and this one's so far. */
    private Row[] previousOrder = new Row[0];
    private int previousCount;
    private Row[] order = new Row[1024];
    private int count;
    private int cursor;
    /** Ranges of {@link #previousOrder} that matches skipped: where the rows that went are. */
    private int[] skipped = new int[64];
    private int skippedCount;
    private int skippedRows;

    /** @param dirty told of a connection that has to be decided again at the end of the round */
    ConnectionTable(Consumer<Connection> dirty) {
        this.dirty = dirty;
    }

    /** Every connection followed, seen this round or kept for a while; do not change the table while reading it. */
    List<Connection> all() {
        return connections;
    }

    /** The row of the last round's {@code position}-th tracked socket, in the order the snapshot listed them. */
    Row lastRoundRow(int position) {
        return previousOrder[position];
    }

    /** Takes {@code socket} (a socket with a remote end) as its row's entry in {@code round}; returns the row. */
    Row track(SocketEntry socket, long round, long nanos, long intervalNanos) {
        long key = keyOf(socket);
        Row guess = cursor < previousCount ? previousOrder[cursor] : null;
        Row row = guess != null && guess.key == key && !guess.forgotten ? guess : rows.get(key);
        if (row != null && (row.seenIn(round) || !row.sameHalf(socket) || socket.inode() == 0 && row.pid() != socket.pid())) {
            if (socket.inode() != 0 && !row.seenIn(round) && !row.sameHalf(socket)) {
                forget(row); // the inode now names another socket
                dirty.accept(row.connection);
            }
            row = null; // listed twice in a snapshot, another half with the same hash, or another holder
        }
        if (row == null) {
            row = placed(socket, key, round);
        }
        boolean isNew = row.seenRound == 0; // rounds count from 1
        boolean continues = !isNew && row.seenRound == round - 1;
        if (row.see(socket, round, nanos, intervalNanos) || !continues) {
            dirty.accept(row.connection);
        }
        if (continues) {
            follow(row.position);
        }
        if (count == order.length) {
            order = Arrays.copyOf(order, Math.max(1024, count * 2));
        }
        row.position = count;
        order[count++] = row;
        return row;
    }

    /** The previous snapshot's row at {@code position} matched: what the cursor passed over since is skipped. */
    private void follow(int position) {
        if (position > cursor && skippedRows <= previousCount) { // past that, every row is checked anyway
            if (skippedCount + 2 > skipped.length) {
                skipped = Arrays.copyOf(skipped, skipped.length * 2);
            }
            skipped[skippedCount++] = cursor;
            skipped[skippedCount++] = position;
            skippedRows += position - cursor;
        }
        cursor = position + 1;
    }

    /**
     * Ends the round's tracking: reports the connections whose rows went as dirty, forgets the rows
     * missing for more than {@link #KEEP_ROUNDS} rounds, and keeps this round's order as the guess
     * of the next.
     */
    void endTracking(long round) {
        follow(previousCount);
        if (skippedRows > previousCount) {
            lostAmong(0, previousCount, round);
        } else {
            for (int i = 0; i < skippedCount; i += 2) {
                lostAmong(skipped[i], skipped[i + 1], round);
            }
        }
        for (int i = missing.size() - 1; i >= 0; i--) {
            Row row = missing.get(i);
            if (row.seenIn(round) || row.forgotten || row.seenRound < round - KEEP_ROUNDS) {
                missing.set(i, missing.get(missing.size() - 1));
                missing.remove(missing.size() - 1);
                row.missing = false;
                if (!row.seenIn(round) && !row.forgotten) {
                    forget(row);
                }
            }
        }
        Row[] spare = previousOrder;
        previousOrder = order;
        previousCount = count;
        order = spare.length >= count ? spare : new Row[previousOrder.length];
        Arrays.fill(order, null);
        count = 0;
        cursor = 0;
        skippedCount = 0;
        skippedRows = 0;
    }

    /** The rows of the previous round in {@code [from, to)} of its order that this round did not see went. */
    private void lostAmong(int from, int to, long round) {
        for (int i = from; i < to; i++) {
            Row row = previousOrder[i];
            if (row.seenRound == round - 1 && !row.forgotten && !row.missing) {
                row.missing = true;
                missing.add(row);
                dirty.accept(row.connection);
            }
        }
    }

    /** The row of {@code socket} in its connection by key, made (with the connection) when there is none. */
    private Row placed(SocketEntry socket, long key, long round) {
        ConnectionKey connectionKey = ConnectionKey.of(socket);
        Connection connection = byKey.get(connectionKey);
        if (connection == null) {
            connection = new Connection(connectionKey);
            connection.position = connections.size();
            connections.add(connection);
            byKey.put(connectionKey, connection);
        }
        Row row = connection.unseenRowFor(socket, round);
        if (row == null) {
            row = connection.addRow(socket, key);
            if (rows.get(key) == null) {
                rows.add(row);
            }
        }
        return row;
    }

    /** The inode, or for a socket without one a hash of its half: protocol, both endpoints and namespace. */
    private static long keyOf(SocketEntry socket) {
        if (socket.inode() != 0) {
            return socket.inode();
        }
        long h = (long) socket.local().hashCode() << 32 ^ socket.remote().hashCode() & 0xFFFFFFFFL;
        h = h * 0x9E3779B97F4A7C15L + socket.protocol().ordinal() + 31L * Objects.hashCode(socket.namespace());
        return h ^ h >>> 31;
    }

    private void forget(Row row) {
        row.forgotten = true;
        rows.remove(row);
        Connection connection = row.connection;
        connection.removeRow(row);
        if (connection.rowCount() == 0) {
            Connection last = connections.remove(connections.size() - 1);
            if (last != connection) {
                connections.set(connection.position, last);
                last.position = connection.position;
            }
            byKey.remove(connection.key);
        }
    }
}
