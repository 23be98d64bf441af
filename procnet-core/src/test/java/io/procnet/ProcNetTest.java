package io.procnet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.graph.Graph;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.NodeClassification;
import io.procnet.graph.PortRange;
import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.Snapshot;
import io.procnet.spi.Availability;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class ProcNetTest {
    private static final SocketEntry LISTENER = new SocketEntry(Protocol.TCP, Endpoint.of("0.0.0.0", 5432), null,
            SocketState.LISTEN, 7, 1, null);
    private static final Snapshot SNAPSHOT = new Snapshot(Instant.EPOCH, "fixed", List.of(LISTENER),
            Map.of(7L, new ProcessInfo(7, "postgres", "postgres -D /data", "postgres", Instant.EPOCH)), List.of());

    @Test
    void createPicksTheBestDiscoveredCollector() throws Exception {
        try (ProcNet procnet = ProcNet.create()) {
            // the test class path registers test-discoverable as the only available provider
            assertThat(procnet.collectorId()).isEqualTo("test-discoverable");
        }
    }

    @Test
    void builderWiresCollectorClassifierAndOptions() throws Exception {
        FixedProvider provider = new FixedProvider();
        ProcNet procnet = ProcNet.builder()
                .registry(CollectorRegistry.of(List.of(provider)))
                .collector("fixed")
                .collectorOptions(CollectorOptions.defaults().withProtocols(Set.of(Protocol.TCP)))
                .graphOptions(GraphOptions.defaults().withEphemeralPorts(PortRange.LINUX_DEFAULT))
                .classifier((process, ports) -> new NodeClassification("database", process.name() + " " + ports))
                .build();

        assertThat(procnet.snapshot()).isEqualTo(SNAPSHOT);
        Graph graph = procnet.graph();
        procnet.close();

        assertThat(provider.options.protocols()).containsExactly(Protocol.TCP);
        assertThat(graph.node("proc:7").label()).isEqualTo("postgres [5432]");
        assertThat(graph.node("proc:7").type()).isEqualTo("database");
        assertThat(graph.edge("tcp:listen:tcp:5432->proc:7:5432")).isNotNull();
        assertThat(provider.closed).isTrue();
    }

    @Test
    void aClosedProcNetSaysSoInsteadOfReachingItsCollector() throws Exception {
        FixedProvider provider = new FixedProvider();
        ProcNet procnet = ProcNet.builder().registry(CollectorRegistry.of(List.of(provider))).build();
        procnet.close();
        procnet.close(); // a second close does nothing

        assertThatThrownBy(procnet::snapshot).isInstanceOf(IllegalStateException.class)
                .hasMessage("this ProcNet (collector fixed) is closed");
        assertThatThrownBy(procnet::graph).isInstanceOf(IllegalStateException.class);
        assertThat(provider.collects).isZero();
        assertThat(provider.closes).isEqualTo(1);
    }

    @Test
    void byDefaultTheGraphHasThisHostsFactsAndOptionsForThisHostKeepThem() {
        GraphOptions host = GraphOptions.forThisHost();

        assertThat(host.hostAddresses()).isTrue();
        assertThat(host.ephemeralPorts()).isEqualTo(io.procnet.internal.host.HostNetwork.ephemeralPorts());
        assertThat(host.withUdp(true).withP2pOnly(true).withFoldGroups(true))
                .satisfies(options -> assertThat(options.hostAddresses()).isTrue())
                .satisfies(options -> assertThat(options.ephemeralPorts()).isEqualTo(host.ephemeralPorts()));
        assertThat(GraphOptions.defaults().hostAddresses()).isFalse();
    }

    /** Gives the same snapshot on every collect. */
    private static final class FixedProvider implements CollectorProvider {
        CollectorOptions options;
        final AtomicBoolean closed = new AtomicBoolean();
        int collects;
        int closes;

        @Override
        public String id() {
            return "fixed";
        }

        @Override
        public int priority() {
            return 1;
        }

        @Override
        public Availability availability() {
            return Availability.available("fixed");
        }

        @Override
        public ConnectionCollector create(CollectorOptions options) {
            this.options = options;
            return new ConnectionCollector() {
                @Override
                public Snapshot collect() throws CollectorException {
                    collects++;
                    return SNAPSHOT;
                }

                @Override
                public void close() {
                    closes++;
                    closed.set(true);
                }
            };
        }
    }
}
