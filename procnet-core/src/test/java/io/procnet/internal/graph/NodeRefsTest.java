package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.NodeKind;
import io.procnet.model.InetAddresses;
import io.procnet.model.Protocol;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NodeRefsTest {
    private static final InetAddress LOOPBACK = InetAddresses.parseLiteral("127.0.0.1");
    /** Unused nodes are kept until they are this many more than the used ones. */
    private static final int SLACK = 1024;

    @Test
    void oneRefPerNodeWithItsOwnSerialInIdOrder() {
        NodeRefs refs = new NodeRefs();
        NodeRef process = refs.process(20);
        NodeRef remote = refs.remote(LOOPBACK, null);
        NodeRef remoteElsewhere = refs.remote(LOOPBACK, "net:[2]");
        NodeRef listener = refs.listener(Protocol.TCP, 80, null);
        NodeRef udpListener = refs.listener(Protocol.UDP, 80, null);
        NodeRef listenerElsewhere = refs.listener(Protocol.TCP, 80, "net:[2]");
        NodeRef otherPort = refs.listener(Protocol.TCP, 81, null);

        assertThat(refs.process(20)).isSameAs(process);
        assertThat(refs.process(21)).isNotSameAs(process);
        assertThat(refs.remote(InetAddresses.parseLiteral("127.0.0.1"), null)).isSameAs(remote);
        assertThat(refs.remote(LOOPBACK, "net:[2]")).isSameAs(remoteElsewhere).isNotSameAs(remote);
        assertThat(refs.listener(Protocol.TCP, 80, null)).isSameAs(listener);
        assertThat(List.of(udpListener, listenerElsewhere, otherPort)).doesNotContain(listener);
        List<NodeRef> all = refs.sorted();
        assertThat(all).extracting(ref -> ref.id).isSorted().doesNotHaveDuplicates().hasSize(8)
                .contains("proc:20", "proc:21", "ext:127.0.0.1", "ext:127.0.0.1@net:[2]", "listen:tcp:80",
                        "listen:udp:80", "listen:tcp:80@net:[2]", "listen:tcp:81");
        Set<Integer> serials = new HashSet<>();
        all.forEach(ref -> serials.add(ref.serial));
        assertThat(serials).hasSize(8);
        assertThat(process.kind).isEqualTo(NodeKind.PROCESS);
        assertThat(remote.node).isNotNull(); // a remote node is made once, with its ref
    }

    @ParameterizedTest(name = "{0} used, {1} unused: pruned {2}")
    @CsvSource({"5, 1024, false", "5, 1025, true", "0, 1024, false", "0, 1025, true", "100, 1024, false",
        "100, 1025, true", "1, 2000, true"})
    void unusedNodesAreForgottenOnceTheyPileUp(int used, int unused, boolean pruned) {
        NodeRefs refs = new NodeRefs();
        long round = 7;
        for (int i = 0; i < used + unused; i++) {
            NodeRef ref = i % 3 == 0 ? refs.process(i)
                    : i % 3 == 1 ? refs.remote(InetAddresses.parseLiteral("10.0." + (i / 256) + "." + (i % 256)), null)
                    : refs.listener(Protocol.TCP, i, null);
            ref.usedRound = i < used ? round : round - 1;
        }
        List<NodeRef> before = List.copyOf(refs.sorted());

        refs.prune(round, used);

        List<NodeRef> after = refs.sorted();
        assertThat(after).hasSize(pruned ? used : used + unused);
        assertThat(after).allSatisfy(ref -> assertThat(before).contains(ref));
        for (int i = 0; i < used + unused; i++) {
            NodeRef again = i % 3 == 0 ? refs.process(i)
                    : i % 3 == 1 ? refs.remote(InetAddresses.parseLiteral("10.0." + (i / 256) + "." + (i % 256)), null)
                    : refs.listener(Protocol.TCP, i, null);
            boolean kept = i < used || !pruned;
            assertThat(before.contains(again)).as("node %d kept", i).isEqualTo(kept);
            assertThat(refs.sorted()).contains(again);
        }
    }
}
