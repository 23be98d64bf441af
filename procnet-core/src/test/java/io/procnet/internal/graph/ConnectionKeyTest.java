package io.procnet.internal.graph;

import static io.procnet.internal.graph.TestSockets.ep;
import static io.procnet.internal.graph.TestSockets.est;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Endpoint;
import io.procnet.model.SocketEntry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ConnectionKeyTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource({
        "127.0.0.1:40000, 127.0.0.1:5432, 127.0.0.1:5432",
        "127.0.0.1:5432, 127.0.0.1:40000, 127.0.0.1:5432",
        "10.0.0.9:50000, 10.0.0.1:443, 10.0.0.1:443",
        "10.0.0.1:443, 10.0.0.9:50000, 10.0.0.1:443", "10.0.0.1:443, 10.0.0.1:80, 10.0.0.1:80",
        "[2001:db8::5]:80, 10.0.0.1:9000, 10.0.0.1:9000",
        "127.0.0.1:7000, 127.0.0.1:7000, 127.0.0.1:7000"})
    void lowIsTheLowerEndpointWhicheverHalfMakesTheKey(String local, String remote, String low) {
        ConnectionKey key = ConnectionKey.of(est(10, local, remote));

        assertThat(key.low()).isEqualTo(ep(low));
        assertThat(key.high()).isEqualTo(ep(low).equals(ep(local)) ? ep(remote) : ep(local));
        assertThat(key.isLowHalf(est(10, low, low.equals(local) ? remote : local))).isTrue();
        assertThat(ConnectionKey.of(est(20, remote, local))).isEqualTo(key).hasSameHashCodeAs(key);
    }

    @Test
    void ipv6AddressesWithOneHashAreOrderedByTheirBytes() {
        Endpoint a = ep("[2001:db8::1]:80");
        Endpoint b = ep("[2001:db8:0:1::]:80"); // the same sum of 32-bit words: the same hash code
        assertThat(a.address().hashCode()).isEqualTo(b.address().hashCode());

        assertThat(ConnectionKey.compare(a, b)).isNegative();
        assertThat(ConnectionKey.compare(b, a)).isPositive();
        assertThat(ConnectionKey.compare(a, ep("[2001:db8::1]:80"))).isZero();
        assertThat(ConnectionKey.compare(a, ep("[2001:db8::1]:81"))).isNegative();
        assertThat(ConnectionKey.of(est(10, "[2001:db8::1]:80", "[2001:db8:0:1::]:80")))
                .isNotEqualTo(ConnectionKey.of(est(10, "[2001:db8::1]:80", "[2001:db8::1]:80")));
    }

    @Test
    void keysThatDifferInAPortSpreadOverTheirHashes() {
        java.util.Set<Integer> hashes = new java.util.HashSet<>();
        java.util.Set<Integer> slots = new java.util.HashSet<>();
        for (int port = 40000; port < 41024; port++) {
            int hash = ConnectionKey.of(est(10, "127.0.0.1:" + port, "127.0.0.1:5432")).hashCode();
            hashes.add(hash);
            slots.add(hash & 1023);
        }
        assertThat(hashes).hasSize(1024);
        assertThat(slots).hasSizeGreaterThan(580); // random hashes fill 647 of 1,024 slots on average
    }

    @Test
    void onlyLoopbackKeysCarryTheNamespace() {
        SocketEntry loopback = est(10, "127.0.0.1:40000", "127.0.0.1:5432").inNamespace("net:[2]");
        SocketEntry bridged = est(10, "172.17.0.2:40000", "172.17.0.1:5432").inNamespace("net:[2]");

        assertThat(ConnectionKey.of(loopback).scope()).isEqualTo("net:[2]");
        assertThat(ConnectionKey.of(bridged).scope()).isNull();
    }
}
