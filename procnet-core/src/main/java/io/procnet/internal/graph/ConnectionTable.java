package io.procnet.internal.graph;

import io.procnet.model.SocketEntry;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * The connections of a stream of snapshots, found for each socket row by a primitive lookup: by
 * its inode where the OS gives one (every Linux socket), else by a 64-bit hash of its half,
 * checked against the row found; a new row, or one whose lookup misses, is placed by its
 * {@link ConnectionKey}. Rows missing from a snapshot are kept for {@link #KEEP_ROUNDS} more, for
 * their traffic baseline; then they and their connections are forgotten. Not thread-safe.
 */
final class ConnectionTable {
    /** Rounds a row may miss before it is forgotten: enough for a namespace unreadable for a round or two. */
    static final int KEEP_ROUNDS = 3;

    private final RowIndex rows = new RowIndex();
    private final Map<ConnectionKey, Connection> byKey = new HashMap<>();
    private final List<Connection> connections = new ArrayList<>();
    /**
     * The rows in the order the previous snapshot listed them, and this one's so far. Collectors
     * list the sockets in a stable order (a netlink dump walks the kernel's hash table), so the row
     * after the previous match is most often the next socket's: found without a hash lookup, and in
     * the order the rows lie in memory.
     */
    private Row[] previousOrder = new Row[0];
    private int previousCount;
    private Row[] order = new Row[1024];
    private int count;
    private int cursor;

    /** Every connection followed, seen this round or kept for a while; do not change the table while reading it. */
    List<Connection> all() {
        return connections;
    }

    /**
     * Takes {@code socket} (a socket with a remote end) as its row's entry in {@code round}, making
     * the row when it is new. Its connection is marked dirty unless the row was in the previous
     * round with the same state and owner.
     */
    void track(SocketEntry socket, long round, long nanos, long intervalNanos) {
        long key = keyOf(socket);
        Row guess = cursor < previousCount ? previousOrder[cursor] : null;
        Row row = guess != null && guess.key == key && !guess.forgotten ? guess : rows.get(key);
        if (row != null && (row.seenIn(round) || !row.sameHalf(socket) || socket.inode() == 0 && row.pid() != socket.pid())) {
            if (socket.inode() != 0 && !row.seenIn(round) && !row.sameHalf(socket)) {
                forget(row); // the inode now names another socket
            }
            row = null; // listed twice in a snapshot, another half with the same hash, or another holder
        }
        if (row == null) {
            row = placed(socket, key, round);
        }
        boolean gap = row.seenRound != round - 1;
        if (row.see(socket, round, nanos, intervalNanos) || gap) {
            row.connection.dirty = true;
        }
        if (!gap) {
            cursor = row.position + 1;
        }
        if (count == order.length) {
            order = java.util.Arrays.copyOf(order, count * 2);
        }
        row.position = count;
        order[count++] = row;
    }

    /** Ends the tracking of a round: its order is the guess of the next. */
    void endTracking() {
        Row[] spare = previousOrder;
        previousOrder = order;
        previousCount = count;
        order = spare.length >= count ? spare : new Row[order.length];
        java.util.Arrays.fill(order, 0, Math.min(order.length, previousCount), null); // drop the older round's rows
        count = 0;
        cursor = 0;
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

    /**
     * Calls {@code present} for every connection with a row in {@code round}, once all of the
     * round's rows are tracked. On the way, marks the connections that lost a row this round as
     * dirty, and forgets the rows that missed the last {@link #KEEP_ROUNDS} rounds and the
     * connections left without rows.
     */
    void walk(long round, Consumer<Connection> present) {
        for (int i = connections.size() - 1; i >= 0; i--) { // backwards: a removal moves a visited one here
            Connection connection = connections.get(i);
            boolean seen = false;
            for (int r = connection.rowCount() - 1; r >= 0; r--) {
                Row row = connection.row(r);
                if (row.seenIn(round)) {
                    seen = true;
                } else if (row.seenRound == round - 1) {
                    connection.dirty = true; // went this round
                } else if (row.seenRound < round - KEEP_ROUNDS) {
                    forget(row);
                }
            }
            if (seen) {
                present.accept(connection);
            } else if (connection.rowCount() == 0) {
                remove(connection);
            }
        }
    }

    private void forget(Row row) {
        row.forgotten = true;
        rows.remove(row);
        row.connection.removeRow(row);
    }

    private void remove(Connection connection) {
        Connection last = connections.remove(connections.size() - 1);
        if (last != connection) {
            connections.set(connection.position, last);
            last.position = connection.position;
        }
        byKey.remove(connection.key);
    }
}
