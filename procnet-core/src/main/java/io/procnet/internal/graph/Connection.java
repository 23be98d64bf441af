package io.procnet.internal.graph;

import io.procnet.graph.DirectionReason;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.Arrays;
import java.util.Objects;

/**
 * One connection of the socket table, followed from snapshot to snapshot: its rows (the two halves
 * of a local connection, and any row that repeats one) and what was decided about it. The
 * decision stands until a row comes, goes or changes, or the context it was made in changes (see
 * {@link GraphAssembler}), so that an unchanged connection costs a replay, not a decision.
 */
final class Connection {
    final ConnectionKey key;
    /** Position in the table's list of connections. */
    int position;
    private Row[] rows = new Row[2];
    private int rowCount;

    /** The round in which a row came, changed or went: the decision is made again at its end. */
    long dirtyRound = -1;
    /** The context epoch the decision was made in. */
    long decidedEpoch = -1;
    /** The pass the decision was last added to its edge in, and the rates it added then. */
    long replayedPass = -1;
    boolean ratesAdded;
    long addedToServer;
    long addedToClient;

    // The decision: the edge it adds to (null: it draws nothing), with what, and whose counters.
    EdgeAccumulator edge;
    SocketState state;
    DirectionReason reason;
    /** The row whose counters give the edge's traffic, or null. */
    Row metered;
    /** Whether the metered row's sent bytes go to the server (it is the client half). */
    boolean meteredSendsToServer;
    /** The listeners this connection reached, marked as served in each round it is replayed. */
    ListenerTable.Listener[] serves = ListenerTable.NONE;
    /** The decision counted connections at an endpoint: it depends on other connections and is made every round. */
    boolean readsFanIn;

    Connection(ConnectionKey key) {
        this.key = key;
    }

    int rowCount() {
        return rowCount;
    }

    Row row(int i) {
        return rows[i];
    }

    Row addRow(SocketEntry socket, long key) {
        if (rowCount == rows.length) {
            rows = Arrays.copyOf(rows, rowCount * 2);
        }
        Row row = new Row(this, socket, key);
        rows[rowCount++] = row;
        return row;
    }

    void removeRow(Row row) {
        for (int i = 0; i < rowCount; i++) {
            if (rows[i] == row) {
                rows[i] = rows[--rowCount];
                rows[rowCount] = null;
                return;
            }
        }
    }

    /**
     * A row for {@code socket} not yet seen in {@code round}: of the same half and inode, with the
     * same owner if there is one, else with another (an owner that showed up late); null when
     * there is none.
     */
    Row unseenRowFor(SocketEntry socket, long round) {
        Row sameHalf = null;
        for (int i = 0; i < rowCount; i++) {
            Row row = rows[i];
            if (!row.seenIn(round) && row.inode() == socket.inode() && row.sameHalf(socket)) {
                if (row.pid() == socket.pid()) {
                    return row;
                }
                sameHalf = sameHalf == null ? row : sameHalf;
            }
        }
        return sameHalf;
    }

    /** Whether a row of the connection is in the snapshot of {@code round}. */
    boolean presentIn(long round) {
        for (int i = 0; i < rowCount; i++) {
            if (rows[i].seenIn(round)) {
                return true;
            }
        }
        return false;
    }

    /** Forgets the decision: the connection draws nothing until it is decided again. */
    void clearDecision() {
        edge = null;
        state = null;
        reason = null;
        metered = null;
        serves = ListenerTable.NONE;
        readsFanIn = false;
    }

    /**
     * Whether {@code candidate} stands for its half rather than {@code incumbent}, another row of
     * the same half: the owned one, then the lower pid, inode, namespace (the collector's own first)
     * and state, so that the choice does not depend on the rows' order.
     */
    static boolean preferred(SocketEntry candidate, SocketEntry incumbent) {
        if (candidate.hasOwner() != incumbent.hasOwner()) {
            return candidate.hasOwner();
        }
        if (candidate.pid() != incumbent.pid()) {
            return candidate.pid() < incumbent.pid();
        }
        if (candidate.inode() != incumbent.inode()) {
            return candidate.inode() < incumbent.inode();
        }
        if (!Objects.equals(candidate.namespace(), incumbent.namespace())) {
            // the same addresses in two namespaces (two container networks of one subnet): the own one first
            return incumbent.namespace() != null
                    && (candidate.namespace() == null || candidate.namespace().compareTo(incumbent.namespace()) < 0);
        }
        return candidate.state().compareTo(incumbent.state()) < 0;
    }
}
