package io.procnet.server.internal.loop;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.DirectionReason;
import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.EdgeTraffic;
import io.procnet.graph.Graph;
import io.procnet.graph.GraphDiff;
import io.procnet.graph.Node;
import io.procnet.graph.ProcessNode;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RateScaleTest {

    @Test
    void ratesGoToTheNearestStepOfOneTwoFive() {
        assertThat(RateScale.step(0)).isZero();
        assertThat(RateScale.step(-5)).isZero();
        assertThat(RateScale.step(1)).isEqualTo(1);
        assertThat(RateScale.step(2)).isEqualTo(2);
        assertThat(RateScale.step(3)).isEqualTo(2); // 3/2 < 5/3: nearer 2 as a ratio
        assertThat(RateScale.step(4)).isEqualTo(5);
        assertThat(RateScale.step(5)).isEqualTo(5);
        assertThat(RateScale.step(7)).isEqualTo(5);
        assertThat(RateScale.step(8)).isEqualTo(10);
        assertThat(RateScale.step(10)).isEqualTo(10);
        assertThat(RateScale.step(14)).isEqualTo(10);
        assertThat(RateScale.step(15)).isEqualTo(20);
        assertThat(RateScale.step(20)).isEqualTo(20);
        assertThat(RateScale.step(50)).isEqualTo(50);
        assertThat(RateScale.step(99)).isEqualTo(100);
        assertThat(RateScale.step(3200)).isEqualTo(5000);
        assertThat(RateScale.step(1_000_000)).isEqualTo(1_000_000);
        assertThat(RateScale.step(1_500_000_000L)).isEqualTo(2_000_000_000L);
    }

    @Test
    void aRateThatWobblesAroundABorderKeepsItsStep() {
        Random random = new Random(42);
        // 3200 lies just past the border of 2000 and 5000 (sqrt(10) * 1000); whichever it is shown as first stays
        for (long first : new long[] {3200, 2560, 3840}) {
            long shown = RateScale.settle(0, first);
            for (int i = 0; i < 1000; i++) {
                long rate = Math.round(3200 * (0.8 + 0.4 * random.nextDouble()));
                assertThat(RateScale.settle(shown, rate)).as("%d shown as %d", rate, shown).isEqualTo(shown);
            }
        }
    }

    @Test
    void aRateThatDoublesOrHalvesMoves() {
        assertThat(RateScale.settle(1000, 2000)).isEqualTo(2000);
        assertThat(RateScale.settle(2000, 4000)).isEqualTo(5000);
        assertThat(RateScale.settle(5000, 10_000)).isEqualTo(10_000);
        assertThat(RateScale.settle(1000, 500)).isEqualTo(500);
        assertThat(RateScale.settle(5000, 2500)).isEqualTo(2000);
        // 3200 is shown as 5000; doubled it is still 5000's nearest, twice doubled it moves
        assertThat(RateScale.settle(RateScale.settle(0, 3200), 6400)).isEqualTo(5000);
        assertThat(RateScale.settle(5000, 12_800)).isEqualTo(10_000);
        assertThat(RateScale.settle(5000, 0)).isZero();
        assertThat(RateScale.settle(0, 0)).isZero();
    }

    @Test
    void anEdgeWhoseStepIsUnchangedIsTheVeryInstanceShown() {
        List<Edge> shown = RateScale.settle(List.of(), List.of(edge(1, 1, 3200, 70), edge(2, 1, 900, 0), edge(3, 1, -1, -1)));
        assertThat(shown).extracting(Edge::traffic)
                .containsExactly(new EdgeTraffic(5000, 50), new EdgeTraffic(1000, 0), null);

        // new instances from the builder, equal on the scale: each edge is the one shown
        List<Edge> measured = List.of(edge(1, 1, 3000, 80), edge(2, 1, 1100, 0), edge(3, 1, -1, -1));
        List<Edge> settled = RateScale.settle(shown, measured);
        for (int i = 0; i < settled.size(); i++) {
            assertThat(settled.get(i)).isSameAs(shown.get(i));
        }
        assertThat(GraphDiff.between(graph(1, shown), graph(2, settled)).isEmpty()).isTrue();
    }

    @Test
    void anEdgeThatChangesOtherwiseKeepsItsStepAndNewEdgesGetOne() {
        List<Edge> shown = RateScale.settle(List.of(), List.of(edge(1, 1, 3200, 70), edge(3, 1, 10, 10)));
        List<Edge> settled = RateScale.settle(shown,
                List.of(edge(1, 2, 3000, 80), edge(2, 1, 450, 2), edge(3, 1, 100, 10), edge(4, 1, -1, -1)));

        assertThat(settled).extracting(Edge::id).containsExactly(id(1), id(2), id(3), id(4));
        assertThat(settled.get(0).count()).isEqualTo(2);
        assertThat(settled.get(0).traffic()).isSameAs(shown.get(0).traffic()); // the count changed, the rates did not
        assertThat(settled.get(1).traffic()).isEqualTo(new EdgeTraffic(500, 2));
        assertThat(settled.get(2).traffic()).isEqualTo(new EdgeTraffic(100, 10));
        assertThat(settled.get(3).traffic()).isNull();
        var delta = GraphDiff.between(graph(1, shown), graph(2, settled));
        assertThat(delta.addedEdges()).extracting(Edge::id).containsExactly(id(2), id(4));
        assertThat(delta.updatedEdges()).extracting(Edge::id).containsExactly(id(1), id(3));
    }

    /** An edge from proc:1 to proc:(100 + n); negative rates for none. */
    private static Edge edge(int n, int count, long toServer, long toClient) {
        return new Edge(id(n), "proc:1", "proc:" + (100 + n), EdgeKind.CONNECTION, Protocol.TCP, 80, count,
                Map.of(SocketState.ESTABLISHED, count), DirectionReason.LISTENER,
                toServer < 0 ? null : new EdgeTraffic(toServer, toClient));
    }

    private static String id(int n) {
        return Edge.idOf(Protocol.TCP, "proc:1", "proc:" + (100 + n), 80);
    }

    private static Graph graph(long version, List<Edge> edges) {
        List<Node> nodes = new ArrayList<>();
        nodes.add(process(1));
        for (int n = 1; n <= 4; n++) {
            nodes.add(process(100 + n));
        }
        return new Graph(version, Instant.EPOCH, "test", nodes, edges, List.of());
    }

    private static ProcessNode process(long pid) {
        return new ProcessNode(ProcessNode.idOf(pid), "p" + pid, "app", ProcessInfo.unknown(pid), List.of(),
                "group:" + pid);
    }
}
