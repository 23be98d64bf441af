package io.procnet.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Snapshot;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A builder that reuses its decisions must draw what a fresh builder draws, snapshot after
 * snapshot, whatever changes between them. Seeded random streams over a small world ({@link RandomWorld}), so
 * that halves pair, rows repeat, listeners come and go, owners change and namespaces collide: each
 * snapshot is built by the reusing builder and by a new one, and the graphs must be equal but for
 * traffic, which only a builder that saw the previous snapshots can tell.
 */
class IncrementalEquivalenceTest {
    /** Rounds per seed, and seeds (1..n); fewer under mutation testing, which runs this test per mutant. */
    private static final int ROUNDS = Integer.getInteger("procnet.equivalence.rounds", 400);
    private static final int SEEDS = Integer.getInteger("procnet.equivalence.seeds", 8);

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void reusingBuilderDrawsWhatAFreshOneDraws(long seed) {
        Random random = new Random(seed);
        GraphOptions options = new GraphOptions(random.nextBoolean(), true, Set.of(7000), PortRange.LINUX_DEFAULT,
                Set.of());
        RandomWorld world = new RandomWorld(random);
        TopologyBuilder reusing = new TopologyBuilder(NodeClassifier.DEFAULT, options);
        for (int round = 0; round < ROUNDS; round++) {
            world.change();
            Snapshot snapshot = world.snapshot(round);
            Graph incremental = reusing.build(snapshot);
            Graph fresh = new TopologyBuilder(NodeClassifier.DEFAULT, options).build(snapshot);

            assertThat(incremental.nodes()).as("seed %d round %d: %s", seed, round, snapshot.sockets())
                    .isEqualTo(fresh.nodes());
            assertThat(withoutTraffic(incremental.edges())).as("seed %d round %d: %s", seed, round, snapshot.sockets())
                    .isEqualTo(withoutTraffic(fresh.edges()));
        }
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, SEEDS);
    }

    private static List<String> withoutTraffic(List<Edge> edges) {
        return edges.stream()
                .map(edge -> edge.id() + " " + edge.kind() + " " + edge.count() + " " + edge.states() + " " + edge.reason())
                .collect(Collectors.toList());
    }
}
