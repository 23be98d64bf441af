package io.procnet.internal.graph;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import java.net.Inet4Address;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * The listening sockets of a snapshot (TCP in {@code LISTEN}, UDP without a peer), owned or not,
 * by protocol and port; which of them serve (see {@code visible}) and which were reached by a
 * connection in a round. It is made again only when the listening sockets change. A bit set of
 * listening ports answers the common "not a listener" case without touching the map.
 */
final class ListenerTable {
    static final Listener[] NONE = new Listener[0];

    /** A listening socket, whether it is drawn, and how many connections of a pass reached it. */
    static final class Listener {
        final SocketEntry socket;
        /** Drawn as a listener and among its owner's listening ports: every TCP one, the UDP ones that serve. */
        final boolean visible;
        private long servedPass = -1;
        private int served;

        Listener(SocketEntry socket, boolean visible) {
            this.socket = socket;
            this.visible = visible;
        }

        /** A connection of {@code pass} reached it. */
        void serve(long pass) {
            if (servedPass != pass) {
                servedPass = pass;
                served = 0;
            }
            served++;
        }

        /** A connection that reached it in this pass is taken out. */
        void unserve() {
            served--;
        }

        boolean servedIn(long pass) {
            return servedPass == pass && served > 0;
        }
    }

    private final List<SocketEntry> rows;
    private final List<Listener> all = new ArrayList<>();
    private final BitSet listeningPorts = new BitSet(2 * 65536);
    private final Map<Integer, List<Listener>> byPort = new HashMap<>();
    private final Map<Long, Set<Integer>> visiblePortsByPid = new HashMap<>();
    private final boolean anyTcpListener;

    /**
     * @param rows    the listening sockets, in the snapshot's order
     * @param visible which of them are drawn
     */
    ListenerTable(List<SocketEntry> rows, Predicate<SocketEntry> visible) {
        this.rows = List.copyOf(rows);
        boolean tcp = false;
        Map<Long, TreeSet<Integer>> ports = new HashMap<>();
        for (SocketEntry row : this.rows) {
            Listener listener = new Listener(row, visible.test(row));
            all.add(listener);
            int key = key(row.protocol(), row.local().port());
            listeningPorts.set(key);
            byPort.computeIfAbsent(key, k -> new ArrayList<>(2)).add(listener);
            tcp |= row.protocol() == Protocol.TCP;
            if (listener.visible && row.hasOwner()) {
                ports.computeIfAbsent(row.pid(), pid -> new TreeSet<>()).add(row.local().port());
            }
        }
        ports.forEach((pid, set) -> visiblePortsByPid.put(pid, Collections.unmodifiableSet(set)));
        anyTcpListener = tcp;
    }

    /** No listeners at all. */
    static ListenerTable empty() {
        return new ListenerTable(List.of(), row -> false);
    }

    /** Whether {@code rows} are the listening sockets this table was made of, in any order. */
    boolean sameRows(List<SocketEntry> other) {
        if (other.size() != rows.size()) {
            return false;
        }
        boolean inOrder = true;
        for (int i = 0; i < rows.size() && inOrder; i++) {
            inOrder = sameListener(rows.get(i), other.get(i));
        }
        if (inOrder) {
            return true;
        }
        Map<List<Object>, Integer> counts = new HashMap<>();
        for (SocketEntry row : rows) {
            counts.merge(identity(row), 1, Integer::sum);
        }
        for (SocketEntry row : other) {
            Integer left = counts.merge(identity(row), -1, Integer::sum);
            if (left < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * The listener of each of {@code other}, rows that {@link #sameRows} finds the same as this
     * table's, in their order. Rows of one protocol, endpoint, owner and namespace are
     * interchangeable (they are drawn, and served, alike), and each listener is handed out once.
     */
    Listener[] matching(List<SocketEntry> other) {
        Listener[] matched = new Listener[other.size()];
        boolean inOrder = other.size() == rows.size();
        for (int i = 0; i < other.size() && inOrder; i++) {
            inOrder = sameListener(rows.get(i), other.get(i));
            matched[i] = all.get(i);
        }
        if (inOrder) {
            return matched;
        }
        Map<List<Object>, ArrayDeque<Listener>> byIdentity = new HashMap<>();
        for (Listener listener : all) {
            byIdentity.computeIfAbsent(identity(listener.socket), key -> new ArrayDeque<>(1)).add(listener);
        }
        for (int i = 0; i < other.size(); i++) {
            matched[i] = byIdentity.get(identity(other.get(i))).poll();
        }
        return matched;
    }

    private static boolean sameListener(SocketEntry a, SocketEntry b) {
        return a.protocol() == b.protocol() && a.pid() == b.pid() && a.local().equals(b.local())
                && Objects.equals(a.namespace(), b.namespace());
    }

    private static List<Object> identity(SocketEntry row) {
        return List.of(row.protocol(), row.local(), row.pid(), Objects.requireNonNullElse(row.namespace(), ""));
    }

    /** Whether the snapshot has a TCP listener: then its socket table is taken to be complete. */
    boolean anyTcpListener() {
        return anyTcpListener;
    }

    /** Every listening socket, in the snapshot's order. */
    List<Listener> all() {
        return all;
    }

    /** The ports a process listens on and that are drawn, ascending; read-only. */
    Set<Integer> portsOf(long pid) {
        return visiblePortsByPid.getOrDefault(pid, Set.of());
    }

    /** Whether a listener of this host, in {@code scope}, accepts connections to {@code endpoint}. */
    boolean accepts(Protocol protocol, Endpoint endpoint, Scope scope) {
        return find(protocol, endpoint, scope, false, SocketEntry.NO_PID) != null;
    }

    /**
     * The pid of the owned listener in {@code scope} that accepts connections to {@code endpoint},
     * or -1: the most specific one, and of several equally specific ({@code SO_REUSEPORT}) the one
     * of the lowest pid, whatever the order of the rows.
     */
    long ownerAccepting(Protocol protocol, Endpoint endpoint, Scope scope) {
        Listener listener = find(protocol, endpoint, scope, true, SocketEntry.NO_PID);
        return listener == null ? SocketEntry.NO_PID : listener.socket.pid();
    }

    /**
     * The listeners that a connection to {@code endpoint}, served by process {@code pid}, puts in
     * use: the one that accepted it (of several equally specific ones, the one {@code pid} holds:
     * with {@code SO_REUSEPORT} each process accepts on its own), and the other listeners of that
     * process on that port (pre-forked servers accept in workers on their parent's sockets).
     */
    Listener[] servedBy(Protocol protocol, Endpoint endpoint, Scope scope, long pid) {
        List<Listener> served = new ArrayList<>(2);
        Listener accepting = find(protocol, endpoint, scope, false, pid);
        if (accepting != null) {
            served.add(accepting);
        }
        if (pid != SocketEntry.NO_PID) {
            for (Listener listener : listenersAt(key(protocol, endpoint.port()))) {
                if (listener != accepting && listener.socket.pid() == pid && scope.includes(listener.socket.namespace())) {
                    served.add(listener);
                }
            }
        }
        return served.isEmpty() ? NONE : served.toArray(NONE);
    }

    /**
     * The most specific listener that accepts {@code endpoint}, as the kernel would choose it; of
     * equally specific ones, the one of {@code preferredPid}, else an owned one, else the lowest pid.
     */
    private Listener find(Protocol protocol, Endpoint endpoint, Scope scope, boolean ownedOnly, long preferredPid) {
        List<Listener> listeners = listenersAt(key(protocol, endpoint.port()));
        Listener best = null;
        int bestScore = 0;
        for (int i = 0; i < listeners.size(); i++) { // indexed: no iterator per lookup
            Listener listener = listeners.get(i);
            boolean eligible = (!ownedOnly || listener.socket.hasOwner()) && scope.includes(listener.socket.namespace());
            int score = eligible ? specificity(listener.socket.local(), endpoint) : 0;
            if (score > bestScore || score == bestScore && score > 0 && better(listener, best, preferredPid)) {
                best = listener;
                bestScore = score;
            }
        }
        return best;
    }

    private static boolean better(Listener candidate, Listener incumbent, long preferredPid) {
        long pid = candidate.socket.pid();
        long other = incumbent.socket.pid();
        if (pid == other) {
            return false;
        }
        if (preferredPid != SocketEntry.NO_PID && (pid == preferredPid || other == preferredPid)) {
            return pid == preferredPid;
        }
        if (candidate.socket.hasOwner() != incumbent.socket.hasOwner()) {
            return candidate.socket.hasOwner();
        }
        return pid < other;
    }

    private List<Listener> listenersAt(int key) {
        return listeningPorts.get(key) ? byPort.get(key) : List.of();
    }

    /**
     * How well a listener bound to {@code listener} matches a connection to {@code endpoint}: 3 for
     * the same address, 2 for the wildcard of the same family, 1 for {@code ::} taking IPv4
     * (dual-stack; the address arrives v4-mapped and is normalised to IPv4), 0 for no match
     * ({@code 0.0.0.0} never takes IPv6).
     */
    private static int specificity(Endpoint listener, Endpoint endpoint) {
        if (!listener.isWildcard()) {
            return listener.address().equals(endpoint.address()) ? 3 : 0;
        }
        boolean listenerV4 = listener.address() instanceof Inet4Address;
        boolean endpointV4 = endpoint.address() instanceof Inet4Address;
        if (listenerV4 == endpointV4) {
            return 2;
        }
        return listenerV4 ? 0 : 1;
    }

    private static int key(Protocol protocol, int port) {
        return protocol.ordinal() << 16 | port;
    }
}
