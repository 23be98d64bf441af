package io.procnet;

import io.procnet.graph.Graph;
import io.procnet.graph.GraphOptions;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.Snapshot;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ConnectionCollector;
import java.util.Objects;

/**
 * The entry point for embedders: the best collector of this machine and a topology builder.
 *
 * <pre>{@code
 * try (ProcNet procnet = ProcNet.create()) {
 *     Snapshot snapshot = procnet.snapshot();   // sockets with their owning processes
 *     Graph graph = procnet.graph();            // a new snapshot as a process map
 * }
 * }</pre>
 *
 * Thread-safe: calls are serialised, since a collector serves one collection at a time. After
 * {@link #close()}, {@link #snapshot()} and {@link #graph()} throw {@link IllegalStateException}.
 */
public final class ProcNet implements AutoCloseable {
    private final String collectorId;
    private final ConnectionCollector collector;
    private final TopologyBuilder topology;
    private boolean closed;

    private ProcNet(String collectorId, ConnectionCollector collector, TopologyBuilder topology) {
        this.collectorId = collectorId;
        this.collector = collector;
        this.topology = topology;
    }

    /**
     * The best available collector (or the one {@code -Dprocnet.collector} names), default
     * options, and the default node classifier.
     *
     * @throws CollectorException when no collector is available, saying why for each
     */
    public static ProcNet create() throws CollectorException {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Id of the collector in use, e.g. {@code linux-netlink}. */
    public String collectorId() {
        return collectorId;
    }

    /**
     * Takes a snapshot of the socket table and its owners.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized Snapshot snapshot() throws CollectorException {
        return openCollector().collect();
    }

    /**
     * Takes a snapshot and builds its graph; consecutive calls give traffic rates.
     *
     * @throws IllegalStateException after {@link #close()}
     */
    public synchronized Graph graph() throws CollectorException {
        return topology.build(openCollector().collect());
    }

    /** Closes the collector; a second call does nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            collector.close();
        }
    }

    private ConnectionCollector openCollector() {
        if (closed) {
            throw new IllegalStateException("this ProcNet (collector " + collectorId + ") is closed");
        }
        return collector;
    }

    /** Configures a {@link ProcNet}. Not thread-safe. */
    public static final class Builder {
        private CollectorRegistry registry;
        private String collectorId;
        private CollectorOptions collectorOptions = CollectorOptions.defaults();
        private GraphOptions graphOptions;
        private NodeClassifier classifier = NodeClassifier.DEFAULT;

        private Builder() {
        }

        /** Where collectors come from; by default {@link CollectorRegistry#discover()}. */
        public Builder registry(CollectorRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "registry");
            return this;
        }

        /** Forces a collector by id instead of the best available one. */
        public Builder collector(String id) {
            this.collectorId = Objects.requireNonNull(id, "id");
            return this;
        }

        public Builder collectorOptions(CollectorOptions options) {
            this.collectorOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /**
         * By default {@link GraphOptions#forThisHost()}: this host's ephemeral port range and
         * interface addresses, TCP only. Start from that to keep them:
         * {@code graphOptions(GraphOptions.forThisHost().withUdp(true))}.
         */
        public Builder graphOptions(GraphOptions options) {
            this.graphOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        public Builder classifier(NodeClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** Selects and creates the collector. */
        public ProcNet build() throws CollectorException {
            CollectorRegistry source = registry != null ? registry : CollectorRegistry.discover();
            CollectorProvider provider = collectorId != null ? source.select(collectorId) : source.select();
            GraphOptions options = graphOptions != null ? graphOptions : GraphOptions.forThisHost();
            ConnectionCollector collector = provider.create(collectorOptions);
            return new ProcNet(provider.id(), collector, new TopologyBuilder(classifier, options));
        }
    }
}
