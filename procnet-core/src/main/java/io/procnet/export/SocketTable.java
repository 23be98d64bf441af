package io.procnet.export;

import io.procnet.graph.Edge;
import io.procnet.graph.Graph;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.Endpoint;
import io.procnet.model.InetAddresses;
import io.procnet.model.SocketEntry;
import io.procnet.model.Snapshot;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The sockets of a snapshot as a table a person reads, one row per socket, owned or not (as
 * TCPView shows them), with the reason of the edge each counts in:
 *
 * <pre>
 * PROCESS             PID  PROTO  LOCAL                REMOTE             STATE        REASON
 * postgres             20  tcp    0.0.0.0:5432         *:*                LISTEN
 * postgres             20  tcp    127.0.0.1:5432       127.0.0.1:40000    ESTABLISHED  LISTENER
 * psql                 10  tcp    127.0.0.1:40000      127.0.0.1:5432     ESTABLISHED  LISTENER
 * psql                 10  tcp    [2001:db8::1]:40001  [2001:db8::9]:443  ESTABLISHED  NOT_LISTENING
 * svchost (Dnscache)   30  udp    0.0.0.0:53           *:*                BOUND        LISTENER
 * -                     -  tcp    127.0.0.1:40002      127.0.0.1:5432     TIME_WAIT
 * </pre>
 *
 * Pure and thread-safe.
 */
public final class SocketTable {
    private static final List<String> HEADER = List.of("PROCESS", "PID", "PROTO", "LOCAL", "REMOTE", "STATE", "REASON");
    private static final int PID = 1;
    private static final String GAP = "  ";

    private SocketTable() {
    }

    /**
     * The table of {@code snapshot}'s sockets: a header line, then one line per socket, sorted by
     * process name (case-insensitive; unowned sockets last), pid, local address and port, remote
     * address and port. Columns are as wide as their widest cell, the pid right-aligned, and no line
     * ends in spaces; every line, the last included, ends with {@code \n}.
     *
     * <ul>
     *   <li>PROCESS: the owner's {@link io.procnet.model.ProcessInfo#displayName()}, or {@code -};
     *       characters that would break the line or the alignment are written as visible escapes
     *       ({@code \n}, {@code \t}, {@code \}{@code u202e}), and wide characters count two columns;</li>
     *   <li>PID: the owner's pid, or {@code -};</li>
     *   <li>PROTO: {@code tcp} or {@code udp};</li>
     *   <li>LOCAL, REMOTE: {@code 10.0.0.1:80}, {@code [::1]:80} (by {@link InetAddresses#format});
     *       a socket without a peer has REMOTE {@code *:*} when it listens, else {@code -};</li>
     *   <li>STATE: the {@link io.procnet.model.SocketState};</li>
     *   <li>REASON: the {@link io.procnet.graph.DirectionReason} of the edge the socket counts in,
     *       blank where it counts in none.</li>
     * </ul>
     *
     * @param snapshot the sockets and their processes
     * @param graph    the graph built of {@code snapshot}
     * @param edgeIds  for each socket of the snapshot, in its order, the id of the edge of {@code graph}
     *                 it counts in, or null: what {@link TopologyBuilder#socketEdgeIds} gives
     * @throws IllegalArgumentException when {@code edgeIds} does not have one entry per socket, or
     *                                  names an edge that {@code graph} does not have
     */
    public static String render(Snapshot snapshot, Graph graph, List<String> edgeIds) {
        Objects.requireNonNull(snapshot, "snapshot");
        Objects.requireNonNull(graph, "graph");
        List<SocketEntry> sockets = snapshot.sockets();
        if (edgeIds.size() != sockets.size()) {
            throw new IllegalArgumentException("edge ids for " + edgeIds.size() + " sockets, but the snapshot has "
                    + sockets.size());
        }
        List<Row> rows = new ArrayList<>(sockets.size());
        for (int i = 0; i < sockets.size(); i++) {
            SocketEntry socket = sockets.get(i);
            String edgeId = edgeIds.get(i);
            Edge edge = edgeId == null ? null : graph.edge(edgeId);
            if (edgeId != null && edge == null) {
                throw new IllegalArgumentException("socket " + i + " counts in edge " + edgeId
                        + ", which the graph does not have");
            }
            String name = socket.hasOwner() ? Text.visible(snapshot.process(socket.pid()).displayName()) : null;
            rows.add(new Row(socket, name, List.of(
                    name == null ? "-" : name,
                    socket.hasOwner() ? Long.toString(socket.pid()) : "-",
                    socket.protocol().id(),
                    format(socket.local()),
                    socket.remote() != null ? format(socket.remote()) : socket.isListening() ? "*:*" : "-",
                    socket.state().name(),
                    edge == null ? "" : edge.reason().name())));
        }
        rows.sort(ORDER);

        int[] widths = new int[HEADER.size()];
        for (int c = 0; c < HEADER.size(); c++) {
            widths[c] = Text.width(HEADER.get(c));
        }
        for (Row row : rows) {
            for (int c = 0; c < HEADER.size(); c++) {
                widths[c] = Math.max(widths[c], Text.width(row.cells.get(c)));
            }
        }
        StringBuilder out = new StringBuilder((rows.size() + 1) * (Arrays.stream(widths).sum() + 14));
        line(out, HEADER, widths);
        for (Row row : rows) {
            line(out, row.cells(), widths);
        }
        return out.toString();
    }

    /** A socket, its owner's name (null when unowned) and its cells. */
    private record Row(SocketEntry socket, String name, List<String> cells) {
    }

    private static final Comparator<Row> ORDER = Comparator
            .comparing(Row::name, Comparator.nullsLast(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder())))
            .thenComparingLong(row -> row.socket().pid())
            .thenComparing(row -> row.socket().local(), SocketTable::compare)
            .thenComparing(row -> row.socket().remote(), Comparator.nullsFirst(SocketTable::compare))
            .thenComparing(row -> row.socket().protocol())
            .thenComparing(row -> row.socket().state());

    /** IPv4 before IPv6, then by address bytes, then by port. */
    private static int compare(Endpoint a, Endpoint b) {
        byte[] x = a.address().getAddress();
        byte[] y = b.address().getAddress();
        int order = x.length != y.length ? Integer.compare(x.length, y.length) : Arrays.compareUnsigned(x, y);
        return order != 0 ? order : Integer.compare(a.port(), b.port());
    }

    private static String format(Endpoint endpoint) {
        String address = InetAddresses.format(endpoint.address());
        return (endpoint.address() instanceof Inet6Address ? "[" + address + "]" : address) + ":" + endpoint.port();
    }

    private static void line(StringBuilder out, List<String> cells, int[] widths) {
        int start = out.length();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) {
                out.append(GAP);
            }
            String cell = cells.get(c);
            String padding = " ".repeat(widths[c] - Text.width(cell));
            out.append(c == PID ? padding + cell : cell + padding);
        }
        int end = out.length();
        while (end > start && out.charAt(end - 1) == ' ') {
            end--;
        }
        out.setLength(end);
        out.append('\n');
    }
}
