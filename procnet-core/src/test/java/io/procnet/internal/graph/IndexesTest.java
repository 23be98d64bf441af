package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import org.junit.jupiter.api.Test;

class IndexesTest {

    @Test
    void longIndexGrowsAndKeepsEveryKey() {
        LongIndex index = new LongIndex(2);
        for (int i = 0; i < 10_000; i++) {
            index.put(i * 4096L, i); // keys that differ only in high bits
        }
        index.put(0, 42);

        assertThat(index.get(0)).isEqualTo(42);
        for (int i = 1; i < 10_000; i++) {
            assertThat(index.get(i * 4096L)).isEqualTo(i);
        }
        assertThat(index.get(1)).isEqualTo(-1);
        assertThat(index.get(-4096)).isEqualTo(-1);
    }

    @Test
    void connectionIndexFindsHalvesThatDifferOnlyInPorts() {
        ConnectionIndex index = new ConnectionIndex(20_000);
        for (int port = 0; port < 20_000; port++) {
            index.put(key(40000 + port % 20000, 5000 + port % 20), port);
        }

        for (int port = 0; port < 20_000; port++) {
            assertThat(index.get(key(40000 + port % 20000, 5000 + port % 20))).isEqualTo(port);
        }
        assertThat(index.get(key(5000, 40000))).isEqualTo(-1);
        assertThat(index.get(new ConnectionKey(Protocol.UDP, Endpoint.of("127.0.0.1", 40000),
                Endpoint.of("127.0.0.1", 5000), null))).isEqualTo(-1);
    }

    @Test
    void processIdsListUsedPidsPerRoundAndForgetOldOnes() {
        ProcessIds ids = new ProcessIds();
        ids.startRound(1);
        String first = ids.idOf(7);
        assertThat(ids.idOf(7)).isSameAs(first).isEqualTo("proc:7");
        ids.idOf(9);
        assertThat(ids.usedPids()).containsExactly(7L, 9L);
        ids.endRound();

        ids.startRound(2);
        assertThat(ids.usedPids()).isEmpty();
        assertThat(ids.idOf(9)).isEqualTo("proc:9");
        assertThat(ids.usedPids()).containsExactly(9L);
        ids.endRound();

        // thousands of short-lived processes later, the id of a live one is still right
        for (long round = 3; round < 3000; round++) {
            ids.startRound(round);
            ids.idOf(9);
            ids.idOf(100_000 + round);
            ids.endRound();
        }
        ids.startRound(3000);
        assertThat(ids.idOf(9)).isEqualTo("proc:9");
        assertThat(ids.idOf(7)).isEqualTo("proc:7");
    }

    private static ConnectionKey key(int localPort, int remotePort) {
        return new ConnectionKey(Protocol.TCP, Endpoint.of("127.0.0.1", localPort),
                Endpoint.of("127.0.0.1", remotePort), null);
    }
}
