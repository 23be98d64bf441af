package io.procnet.graph;

import io.procnet.internal.graph.GraphAssembler;
import io.procnet.internal.graph.TrafficMeter;
import io.procnet.model.Snapshot;
import java.util.Objects;

/**
 * Turns snapshots into {@link Graph}s: process, remote and listener nodes, and edges that
 * aggregate connections with an explained direction (see {@link DirectionReason}).
 *
 * <p>A builder serves one stream of snapshots: it numbers the graphs it makes and turns the
 * collectors' cumulative byte counters into rates between consecutive snapshots. Thread-safe:
 * {@link #build} is serialised.
 */
public final class TopologyBuilder {
    private final NodeClassifier classifier;
    private final GraphOptions options;
    private final TrafficMeter trafficMeter = new TrafficMeter();
    private long version;

    public TopologyBuilder(NodeClassifier classifier, GraphOptions options) {
        this.classifier = Objects.requireNonNull(classifier, "classifier");
        this.options = Objects.requireNonNull(options, "options");
    }

    /** A builder with the default classifier and {@link GraphOptions#defaults()}. */
    public static TopologyBuilder withDefaults() {
        return new TopologyBuilder(NodeClassifier.DEFAULT, GraphOptions.defaults());
    }

    public GraphOptions options() {
        return options;
    }

    /** The graph of {@code snapshot}, with a version one higher than the previous graph's. */
    public synchronized Graph build(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        TrafficMeter.Round traffic = trafficMeter.begin(snapshot.takenAt());
        Graph graph = new GraphAssembler(snapshot, options, classifier, traffic).assemble(version + 1);
        traffic.finish();
        version++;
        return graph;
    }
}
