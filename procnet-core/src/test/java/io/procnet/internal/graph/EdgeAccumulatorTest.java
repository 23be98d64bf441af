package io.procnet.internal.graph;

import static io.procnet.graph.DirectionReason.GUESS;
import static io.procnet.graph.DirectionReason.LISTENER;
import static io.procnet.graph.DirectionReason.SERVICE_PORT;
import static io.procnet.model.SocketState.CLOSE_WAIT;
import static io.procnet.model.SocketState.ESTABLISHED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.graph.Edge;
import io.procnet.graph.EdgeKind;
import io.procnet.graph.EdgeTraffic;
import io.procnet.model.Protocol;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EdgeAccumulatorTest {

    private static EdgeAccumulator accumulator() {
        return new EdgeAccumulator(new EdgeKey(NodeRef.process(10, 0), NodeRef.process(20, 1), Protocol.TCP, 5432),
                EdgeKind.CONNECTION);
    }

    @Test
    void sumsTheConnectionsOfAPassAndTakesOutTheOnesThatDoNotStand() {
        EdgeAccumulator edge = accumulator();
        edge.add(1, ESTABLISHED, SERVICE_PORT);
        edge.add(1, ESTABLISHED, GUESS);
        edge.add(1, CLOSE_WAIT, LISTENER);
        edge.remove(ESTABLISHED, GUESS);

        Edge built = edge.build();

        assertThat(built.id()).isEqualTo("tcp:proc:10->proc:20:5432").isEqualTo(edge.id());
        assertThat(built.kind()).isEqualTo(EdgeKind.CONNECTION);
        assertThat(built.count()).isEqualTo(2);
        assertThat(built.states()).isEqualTo(Map.of(ESTABLISHED, 1, CLOSE_WAIT, 1));
        assertThat(built.reason()).isEqualTo(LISTENER);
        assertThat(built.traffic()).isNull();
        assertThat(edge.seenIn(1)).isTrue();
        assertThat(edge.seenIn(2)).isFalse();
    }

    @Test
    void theSurestReasonIsTheOneTriedFirstAndGoesWithItsConnection() {
        EdgeAccumulator edge = accumulator();
        edge.add(1, ESTABLISHED, GUESS);
        edge.add(1, ESTABLISHED, LISTENER);
        assertThat(edge.build().reason()).isEqualTo(LISTENER);

        edge.remove(ESTABLISHED, LISTENER);
        assertThat(edge.build().reason()).isEqualTo(GUESS);
    }

    @Test
    void ratesAreSummedInThousandthsAndTakenOutExactly() {
        EdgeAccumulator edge = accumulator();
        edge.add(1, ESTABLISHED, LISTENER);
        edge.add(1, ESTABLISHED, LISTENER);
        edge.addRates(2_400, 4_000);
        edge.addRates(1_000, 1_000);
        edge.removeRates(1_000, 1_000);
        assertThat(edge.build().traffic()).isEqualTo(new EdgeTraffic(2, 4));

        edge.addRates(1_200, 500);
        assertThat(edge.build().traffic()).isEqualTo(new EdgeTraffic(4, 5)); // 3.6 and 4.5 rounded

        edge.removeRates(1_200, 500);
        edge.removeRates(2_400, 4_000);
        assertThat(edge.build().traffic()).isNull(); // no connection metered any more
    }

    @Test
    void aNewPassStartsFromNothing() {
        EdgeAccumulator edge = accumulator();
        edge.add(1, ESTABLISHED, LISTENER);
        edge.add(1, CLOSE_WAIT, LISTENER);
        edge.addRates(5_000, 5_000);
        edge.build();

        edge.add(2, ESTABLISHED, GUESS);
        Edge built = edge.build();

        assertThat(built.count()).isEqualTo(1);
        assertThat(built.states()).isEqualTo(Map.of(ESTABLISHED, 1));
        assertThat(built.reason()).isEqualTo(GUESS);
        assertThat(built.traffic()).isNull();
        assertThat(edge.seenIn(1)).isFalse();
        assertThat(edge.seenIn(2)).isTrue();
    }

    @Test
    void anUnchangedEdgeIsTheSameInstanceAndAChangedOneIsNew() {
        EdgeAccumulator edge = accumulator();
        edge.add(1, ESTABLISHED, LISTENER);
        Edge first = edge.build();
        edge.add(2, ESTABLISHED, LISTENER);
        assertThat(edge.build()).isSameAs(first);

        edge.add(3, CLOSE_WAIT, LISTENER); // same count and reason, another state
        Edge second = edge.build();
        assertThat(second).isNotSameAs(first).isNotEqualTo(first);
        edge.add(4, CLOSE_WAIT, LISTENER);
        edge.addRates(1_000, 0);
        Edge third = edge.build();
        assertThat(third.traffic()).isEqualTo(new EdgeTraffic(1, 0));
        edge.add(5, CLOSE_WAIT, LISTENER);
        edge.addRates(1_000, 1_000);
        assertThat(edge.build()).isNotSameAs(third).extracting(Edge::traffic).isEqualTo(new EdgeTraffic(1, 1));
        edge.add(6, CLOSE_WAIT, GUESS);
        assertThat(edge.build().reason()).isEqualTo(GUESS);
        edge.add(7, CLOSE_WAIT, GUESS);
        edge.add(7, CLOSE_WAIT, GUESS);
        assertThat(edge.build().count()).isEqualTo(2);
    }

    @Test
    void anEdgeWithoutConnectionCannotBeBuilt() {
        EdgeAccumulator edge = accumulator();
        edge.add(1, ESTABLISHED, LISTENER);
        edge.build();
        edge.add(2, ESTABLISHED, LISTENER);
        edge.remove(ESTABLISHED, LISTENER);

        assertThat(edge.seenIn(2)).isFalse();
        assertThatThrownBy(edge::build).isInstanceOf(IllegalStateException.class)
                .hasMessage("edge tcp:proc:10->proc:20:5432 has no connection");
    }
}
