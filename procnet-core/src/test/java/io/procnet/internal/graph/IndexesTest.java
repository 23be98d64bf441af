package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class IndexesTest {

    @Test
    void rowIndexFindsEveryRowAndKeepsTheOthersReachableAfterRemovals() {
        RowIndex index = new RowIndex();
        Map<Long, Row> expected = new HashMap<>();
        Random random = new Random(7);
        Connection connection = new Connection(ConnectionKey.of(half("127.0.0.1", 1, "127.0.0.1", 2)));
        SocketEntry socket = half("127.0.0.1", 1, "127.0.0.1", 2);
        for (int step = 0; step < 200_000; step++) {
            long key = random.nextInt(5_000) * (random.nextBoolean() ? 1L : 1L << 40); // clustered and spread keys
            Row present = expected.get(key);
            if (present != null && random.nextInt(3) == 0) {
                index.remove(present);
                expected.remove(key);
            } else if (present == null) {
                Row row = new Row(connection, socket, key);
                index.add(row);
                expected.put(key, row);
            }
        }
        assertThat(index.size()).isEqualTo(expected.size());
        expected.forEach((key, row) -> assertThat(index.get(key)).isSameAs(row));
        assertThat(index.get(-1)).isNull();
        index.remove(new Row(connection, socket, expected.keySet().iterator().next())); // another row: no effect
        assertThat(index.size()).isEqualTo(expected.size());
    }

    @Test
    void bothHalvesOfAConnectionHaveOneKey() {
        SocketEntry client = half("127.0.0.1", 40000, "127.0.0.1", 5432);
        SocketEntry server = half("127.0.0.1", 5432, "127.0.0.1", 40000);
        ConnectionKey key = ConnectionKey.of(client);

        assertThat(ConnectionKey.of(server)).isEqualTo(key).hasSameHashCodeAs(key);
        assertThat(key.isLowHalf(client)).isNotEqualTo(key.isLowHalf(server));
        assertThat(ConnectionKey.of(client.inNamespace("net:[2]"))).isNotEqualTo(key); // loopback is per namespace
        SocketEntry bridged = half("172.17.0.1", 40000, "172.17.0.2", 8080);
        assertThat(ConnectionKey.of(bridged)).isEqualTo(ConnectionKey.of(
                half("172.17.0.2", 8080, "172.17.0.1", 40000).inNamespace("net:[2]")));
    }

    @Test
    void endpointOrderIsTotalAcrossFamiliesAndPorts() {
        Endpoint v4 = Endpoint.of("10.0.0.1", 80);
        Endpoint v6 = Endpoint.of("2001:db8::1", 80);
        Endpoint v6other = Endpoint.of("2001:db8::1:0:0:0", 80);

        assertThat(ConnectionKey.compare(v4, v6)).isNegative();
        assertThat(ConnectionKey.compare(v6, v4)).isPositive();
        assertThat(Integer.signum(ConnectionKey.compare(v6, v6other)))
                .isEqualTo(-Integer.signum(ConnectionKey.compare(v6other, v6))).isNotZero();
        assertThat(ConnectionKey.compare(v4, Endpoint.of("10.0.0.1", 81))).isNegative();
        assertThat(ConnectionKey.compare(v4, Endpoint.of("10.0.0.1", 80))).isZero();
    }

    private static SocketEntry half(String local, int localPort, String remote, int remotePort) {
        return new SocketEntry(Protocol.TCP, Endpoint.of(local, localPort), Endpoint.of(remote, remotePort),
                SocketState.ESTABLISHED, 1, 0, null);
    }
}
