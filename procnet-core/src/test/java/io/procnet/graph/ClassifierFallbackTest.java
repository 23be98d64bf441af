package io.procnet.graph;

import static io.procnet.graph.Sockets.listen;
import static io.procnet.graph.Sockets.snapshot;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.LogCapture;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A classifier that fails or gives nothing falls back to the default, and the user is told which process. */
class ClassifierFallbackTest {
    private static final GraphOptions TCP = new GraphOptions(false, false, Set.of(), PortRange.LINUX_DEFAULT, Set.of());
    private static final Class<?> NODE_BUILDER = nodeBuilder();

    @Test
    void aFailingClassifierIsAWarningWithItsError() {
        IllegalStateException boom = new IllegalStateException("boom");
        try (LogCapture log = LogCapture.of(NODE_BUILDER)) {
            Graph graph = new TopologyBuilder((process, ports) -> {
                throw boom;
            }, TCP).build(snapshot(List.of(listen(20, "0.0.0.0:80"))));

            assertThat(graph.node("proc:20").type()).isEqualTo(NodeClassifier.DEFAULT_TYPE);
            assertThat(log.records()).singleElement().satisfies(record -> {
                assertThat(record.level()).isEqualTo("WARNING");
                assertThat(record.message()).isEqualTo("classifier failed for pid 20; using the default type");
                assertThat(record.thrown()).isSameAs(boom);
            });
        }
    }

    @Test
    void aClassifierThatGivesNothingIsAWarning() {
        try (LogCapture log = LogCapture.of(NODE_BUILDER)) {
            Graph graph = new TopologyBuilder((process, ports) -> null, TCP)
                    .build(snapshot(List.of(listen(21, "0.0.0.0:80"))));

            assertThat(graph.node("proc:21").label()).isEqualTo("p21");
            assertThat(log.records()).singleElement().satisfies(record -> {
                assertThat(record.level()).isEqualTo("WARNING");
                assertThat(record.message()).isEqualTo("classifier gave no type for pid 21; using the default type");
            });
        }
    }

    private static Class<?> nodeBuilder() {
        try {
            return Class.forName("io.procnet.internal.graph.NodeBuilder");
        } catch (ClassNotFoundException e) {
            throw new AssertionError(e);
        }
    }
}
