package io.procnet.server.internal.loop;

import io.procnet.graph.Edge;
import io.procnet.graph.EdgeTraffic;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The coarse scale on which the server streams traffic rates, so that an edge whose rate wobbles
 * is not an update on every tick. A rate is shown as the nearest step of 1, 2, 5, 10, 20, 50 ...
 * bytes per second, and a shown step stays while the measured rate is within a band around it that
 * is wider than the step's own cell (less than a factor of {@value #BAND} either way, where the cells
 * reach about 1.6): a rate on the border of two steps does not flap between them, and one that
 * doubles or halves moves. The page draws a few widths, so the steps lose nothing it shows;
 * a socket's exact counters are in {@code /api/processes/{pid}}. Pure and thread-safe.
 */
public final class RateScale {
    /** The factor a rate must move from the step shown, either way, for the step to change. */
    static final double BAND = 2;

    private RateScale() {
    }

    /**
     * {@code edges} with their rates on the scale, given the edges shown last time (both sorted by
     * id). An edge whose value on the scale is the one shown last time is that very instance, so a
     * diff sees it unchanged.
     */
    public static List<Edge> settle(List<Edge> shown, List<Edge> measured) {
        List<Edge> settled = new ArrayList<>(measured.size());
        int s = 0;
        for (Edge edge : measured) {
            while (s < shown.size() && shown.get(s).id().compareTo(edge.id()) < 0) {
                s++;
            }
            Edge before = s < shown.size() && shown.get(s).id().equals(edge.id()) ? shown.get(s) : null;
            settled.add(settle(before, edge));
        }
        return settled;
    }

    private static Edge settle(Edge before, Edge edge) {
        if (before == edge) {
            return edge;
        }
        EdgeTraffic traffic = settle(before == null ? null : before.traffic(), edge.traffic());
        if (before != null && Objects.equals(traffic, before.traffic()) && sameButTraffic(before, edge)) {
            return before; // the common case on a steady machine: no new edge to build and compare
        }
        Edge scaled = traffic == edge.traffic() ? edge
                : new Edge(edge.id(), edge.from(), edge.to(), edge.kind(), edge.protocol(), edge.serverPort(),
                        edge.count(), edge.states(), edge.reason(), traffic);
        return scaled.equals(before) ? before : scaled;
    }

    /** Whether two edges of one id differ in their traffic at most. */
    private static boolean sameButTraffic(Edge a, Edge b) {
        return a.count() == b.count() && a.reason() == b.reason() && a.kind() == b.kind() && a.states().equals(b.states());
    }

    private static EdgeTraffic settle(EdgeTraffic before, EdgeTraffic measured) {
        if (measured == null) {
            return null;
        }
        long toServer = settle(before == null ? 0 : before.bytesPerSecondToServer(), measured.bytesPerSecondToServer());
        long toClient = settle(before == null ? 0 : before.bytesPerSecondToClient(), measured.bytesPerSecondToClient());
        if (before != null && before.bytesPerSecondToServer() == toServer && before.bytesPerSecondToClient() == toClient) {
            return before;
        }
        return toServer == measured.bytesPerSecondToServer() && toClient == measured.bytesPerSecondToClient()
                ? measured : new EdgeTraffic(toServer, toClient);
    }

    /** The step to show for {@code rate}, given the step shown before (0 when none). */
    static long settle(long shown, long rate) {
        // the band is open: a rate that doubles or halves from its step moves
        if (shown > 0 && rate > shown / BAND && rate < shown * BAND) {
            return shown;
        }
        return step(rate);
    }

    /** The step of 1, 2, 5 times a power of ten nearest to {@code rate} (nearest as a ratio); 0 for 0. */
    static long step(long rate) {
        if (rate <= 0) {
            return 0;
        }
        long decade = 1;
        while (decade <= rate / 10) {
            decade *= 10;
        }
        // the borders between 1, 2, 5 and 10 times the decade, where the ratio to both sides is equal
        double ratio = (double) rate / decade;
        if (ratio < Math.sqrt(2)) {
            return decade;
        }
        if (ratio < Math.sqrt(10)) {
            return 2 * decade;
        }
        if (ratio < Math.sqrt(50)) {
            return 5 * decade;
        }
        return 10 * decade;
    }
}
