package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.graph.EdgeKind;
import io.procnet.model.InetAddresses;
import io.procnet.model.Protocol;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Keys made of values that differ in a few low bits (serial numbers, ports) spread over every bit of
 * their hash: a table of 1,024 slots sees as many distinct slots as random hashes would fill.
 */
class HashingTest {
    /** 1,024 random hashes fill 1,024 (1 - 1/e) = 647 slots of 1,024 on average; a weak mix fills far fewer. */
    private static final int WELL_SPREAD = 580;

    @Test
    void distinctInputsGiveDistinctHashes() {
        Set<Integer> hashes = new HashSet<>();
        for (int first = 0; first < 64; first++) {
            for (int second = 0; second < 64; second++) {
                hashes.add(Hashing.mix(first, second, 0));
                hashes.add(Hashing.mix(first, second, 1));
            }
        }
        assertThat(hashes).hasSize(2 * 64 * 64);
    }

    @Test
    void smallInputsSpreadOverTheLowAndTheHighBits() {
        Set<Integer> low = new HashSet<>();
        Set<Integer> high = new HashSet<>();
        Set<Integer> byExtra = new HashSet<>();
        for (int first = 0; first < 32; first++) {
            for (int second = 0; second < 32; second++) {
                int hash = Hashing.mix(first, second, 0);
                low.add(hash & 1023);
                high.add(hash >>> 22);
            }
        }
        for (int extra = 0; extra < 1024; extra++) {
            byExtra.add(Hashing.mix(5, 7, extra) & 1023);
        }
        assertThat(low).hasSizeGreaterThan(WELL_SPREAD);
        assertThat(high).hasSizeGreaterThan(WELL_SPREAD);
        assertThat(byExtra).hasSizeGreaterThan(WELL_SPREAD);
    }

    @Test
    void edgeKeysEqualByTheirNodesInstancesProtocolAndPort() {
        NodeRef a = NodeRef.process(10, 0);
        NodeRef b = NodeRef.process(20, 1);
        NodeRef sameIdAsB = NodeRef.process(20, 2);
        EdgeKey key = new EdgeKey(a, b, Protocol.TCP, 80);

        assertThat(key).isEqualTo(new EdgeKey(a, b, Protocol.TCP, 80)).hasSameHashCodeAs(new EdgeKey(a, b, Protocol.TCP, 80));
        assertThat(key).isNotEqualTo(new EdgeKey(b, a, Protocol.TCP, 80));
        assertThat(key).isNotEqualTo(new EdgeKey(a, a, Protocol.TCP, 80));
        assertThat(key).isNotEqualTo(new EdgeKey(b, b, Protocol.TCP, 80));
        assertThat(key).isNotEqualTo(new EdgeKey(a, sameIdAsB, Protocol.TCP, 80)); // nodes compare by reference
        assertThat(key).isNotEqualTo(new EdgeKey(a, b, Protocol.UDP, 80));
        assertThat(key).isNotEqualTo(new EdgeKey(a, b, Protocol.TCP, 81));
        assertThat(key).isNotEqualTo(null);
        assertThat(key).isNotEqualTo("tcp:proc:10->proc:20:80");
    }

    @Test
    void edgeKeysOfNeighbouringNodesPortsAndProtocolsHashApart() {
        NodeRef[] refs = new NodeRef[8];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = i % 2 == 0 ? NodeRef.process(i, i) : NodeRef.remote(InetAddresses.parseLiteral("10.0.0." + i), null, i);
        }
        Set<Integer> hashes = new HashSet<>();
        int keys = 0;
        for (NodeRef from : refs) {
            for (NodeRef to : refs) {
                for (int port : new int[] {80, 81, 443, 5432}) {
                    for (Protocol protocol : Protocol.values()) {
                        hashes.add(new EdgeKey(from, to, protocol, port).hashCode());
                        keys++;
                    }
                }
            }
        }
        assertThat(hashes).hasSize(keys);
        assertThat(new EdgeAccumulator(new EdgeKey(refs[0], refs[1], Protocol.TCP, 80), EdgeKind.CONNECTION).id())
                .isEqualTo("tcp:proc:0->ext:10.0.0.1:80");
    }
}
