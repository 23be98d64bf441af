package io.procnet.graph;

import io.procnet.internal.graph.GraphAssembler;
import io.procnet.internal.graph.GroupFolding;
import io.procnet.model.Snapshot;
import java.lang.ref.WeakReference;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns snapshots into {@link Graph}s: process, remote and listener nodes, and edges that
 * aggregate connections with an explained direction (see {@link DirectionReason}).
 *
 * <p>A builder serves one stream of snapshots: it numbers the graphs it makes, turns the
 * collectors' cumulative byte counters into rates between consecutive snapshots (on their
 * monotonic clock), and hands out the same {@link Edge} and {@link Node} instances while they do
 * not change, doing for each snapshot only the work its changes call for. With
 * {@link GraphOptions#foldGroups()}, process groups are folded into {@link GroupNode}s;
 * {@link #socketEdgeIds} tells which edge each socket of the last snapshot counts in. Thread-safe:
 * {@link #build} and {@link #socketEdgeIds} are serialised.
 */
public final class TopologyBuilder {
    private static final WeakReference<Snapshot> NONE = new WeakReference<>(null);

    private final GraphOptions options;
    private final GraphAssembler assembler;
    private long version;
    /** The snapshot built last, to check what {@link #socketEdgeIds} is asked about; weak, so it holds nothing. */
    private WeakReference<Snapshot> lastSnapshot = NONE;
    /** The graph built last when groups are folded: its group nodes say which process went into which. */
    private Graph lastFolded;

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
        lastSnapshot = NONE; // a build that fails leaves nothing to ask about
        Graph graph = assembler.assemble(snapshot, version + 1);
        version++;
        Graph built = options.foldGroups() ? GroupFolding.fold(graph) : graph;
        lastSnapshot = new WeakReference<>(snapshot);
        lastFolded = options.foldGroups() ? built : null;
        return built;
    }

    /**
     * Which edge of the graph last built each socket of its snapshot counts in: for each socket of
     * {@code snapshot.sockets()}, in that order, the id of an edge of the graph that
     * {@link #build} returned for {@code snapshot}, or null where the socket counts in none.
     *
     * <p>A connected socket counts in the edge of its connection: both halves of a local connection,
     * and every row that repeats one, have the same edge. A listening socket drawn as a listener edge
     * counts in that edge; one that connections reached counts in none, nor does a socket that draws
     * nothing (unowned at both ends, a {@code TIME_WAIT} half that no process holds, an unconnected
     * UDP client on an ephemeral port, a UDP socket when UDP is not drawn, an edge that
     * {@link GraphOptions#p2pOnly()} leaves out). With {@link GraphOptions#foldGroups()} the edge is
     * the folded one, between group nodes. So an edge's {@link Edge#count()} is the number of
     * distinct connections among the sockets that count in it (of listening sockets, for a listener
     * edge).
     *
     * <p>The answer is worked out on asking, from what the build left, so {@link #build} costs
     * nothing more for it; the asking costs a pass over the sockets. Thread-safe: serialised with
     * {@link #build}.
     *
     * @param snapshot the snapshot this builder built last
     * @return one entry per socket, nulls included; unmodifiable
     * @throws IllegalArgumentException when {@code snapshot} is not the one this builder built last
     */
    public synchronized List<String> socketEdgeIds(Snapshot snapshot) {
        Objects.requireNonNull(snapshot, "snapshot");
        if (lastSnapshot.get() != snapshot) {
            throw new IllegalArgumentException("socketEdgeIds takes the snapshot this builder built last; the one taken at "
                    + snapshot.takenAt() + " by " + snapshot.collectorId() + " is not it");
        }
        Map<String, String> foldedInto = new HashMap<>();
        if (lastFolded != null) {
            for (Node node : lastFolded.nodes()) {
                if (node instanceof GroupNode group) {
                    group.members().forEach(member -> foldedInto.put(member.id(), group.id()));
                }
            }
        }
        return Collections.unmodifiableList(Arrays.asList(assembler.edgeIdsOf(snapshot.sockets(), foldedInto)));
    }
}
