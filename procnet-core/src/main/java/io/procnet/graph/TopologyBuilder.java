package io.procnet.graph;

import io.procnet.internal.graph.GraphAssembler;
import io.procnet.internal.graph.GroupFolding;
import io.procnet.model.Snapshot;
import java.util.Objects;

/**
 * Turns snapshots into {@link Graph}s: process, remote and listener nodes, and edges that
 * aggregate connections with an explained direction (see {@link DirectionReason}).
 *
 * <p>A builder serves one stream of snapshots: it numbers the graphs it makes, turns the
 * collectors' cumulative byte counters into rates between consecutive snapshots (on their
 * monotonic clock), and hands out the same {@link Edge} and {@link Node} instances while they do
 * not change, doing for each snapshot only the work its changes call for. With
 * {@link GraphOptions#foldGroups()}, process groups are folded into {@link GroupNode}s. Thread-safe:
 * {@link #build} is serialised.
 */
public final class TopologyBuilder {
    private final GraphOptions options;
    private final GraphAssembler assembler;
    private long version;

    public TopologyBuilder(NodeClassifier classifier, GraphOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.assembler = new GraphAssembler(options, Objects.requireNonNull(classifier, "classifier"));
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
        Graph graph = assembler.assemble(snapshot, version + 1);
        version++;
        return options.foldGroups() ? GroupFolding.fold(graph) : graph;
    }
}
