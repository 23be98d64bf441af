package io.procnet.internal.graph;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.internal.host.HostAddresses;
import io.procnet.model.InetAddresses;
import java.net.InetAddress;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LocalAddressesTest {
    private static final InetAddress BOUND = address("192.168.1.5");
    private static final InetAddress OTHER = address("10.0.0.7");

    @Test
    void loopbackAndTheBoundAddressesOfTheSnapshotAreLocal() {
        LocalAddresses local = new LocalAddresses(Set.of(), HostAddresses.NONE);
        local.begin();
        local.noteBound(address("127.0.0.1"));
        local.noteBound(BOUND);
        local.noteBound(BOUND);

        assertThat(local.end()).isTrue();
        assertThat(local.isLocal(BOUND)).isTrue();
        assertThat(local.isLocal(address("127.0.0.2"))).isTrue();
        assertThat(local.isLocal(address("::1"))).isTrue();
        assertThat(local.isLocal(OTHER)).isFalse();
    }

    @Test
    void theSameAddressesAgainAreNoChange() {
        LocalAddresses local = new LocalAddresses(Set.of(), HostAddresses.NONE);
        local.begin();
        local.noteBound(BOUND);
        local.end();

        local.begin();
        local.noteBound(address("192.168.1.5")); // equal, another instance
        assertThat(local.end()).isFalse();
        local.begin();
        assertThat(local.end()).isTrue(); // nothing bound any more
        assertThat(local.isLocal(BOUND)).isFalse();
        local.begin();
        assertThat(local.end()).isFalse();
    }

    @Test
    void loopbackIsNeverCountedAsBound() {
        LocalAddresses local = new LocalAddresses(Set.of(), HostAddresses.NONE);
        local.begin();
        local.noteBound(address("127.0.0.1"));
        local.noteBound(address("::1"));

        assertThat(local.end()).isFalse(); // no address besides loopback: as before
    }

    @Test
    void anAddressNotedInOneSnapshotIsNotLocalInTheNext() {
        LocalAddresses local = new LocalAddresses(Set.of(), HostAddresses.NONE);
        local.begin();
        local.noteBound(BOUND);
        local.end();
        local.begin();
        local.noteBound(OTHER);

        assertThat(local.end()).isTrue();
        assertThat(local.isLocal(OTHER)).isTrue();
        assertThat(local.isLocal(BOUND)).isFalse();
        local.begin();
        local.noteBound(BOUND); // the same instance as two snapshots ago: still noted
        local.end();
        assertThat(local.isLocal(BOUND)).isTrue();
    }

    @Test
    void moreAddressesThanTheRecentOnesAreAllNoted() {
        LocalAddresses local = new LocalAddresses(Set.of(), HostAddresses.NONE);
        local.begin();
        for (int round = 0; round < 3; round++) {
            for (int i = 1; i <= 20; i++) {
                local.noteBound(address("10.1.0." + i));
            }
        }
        local.end();

        for (int i = 1; i <= 20; i++) {
            assertThat(local.isLocal(address("10.1.0." + i))).isTrue();
        }
        assertThat(local.isLocal(address("10.1.0.21"))).isFalse();
    }

    @Test
    void configuredAndHostAddressesAreLocalAndTheirChangesCount() {
        AtomicReference<Set<InetAddress>> host = new AtomicReference<>(Set.of(OTHER));
        long[] now = {0};
        LocalAddresses local = new LocalAddresses(Set.of(address("172.17.0.1")),
                new HostAddresses(host::get, () -> now[0], 1));
        local.begin();
        assertThat(local.end()).isTrue();
        assertThat(local.isLocal(address("172.17.0.1"))).isTrue();
        assertThat(local.isLocal(OTHER)).isTrue();

        local.begin();
        assertThat(local.end()).isFalse();
        host.set(Set.of(BOUND));
        now[0] = 10;
        local.begin();
        assertThat(local.end()).isTrue();
        assertThat(local.isLocal(OTHER)).isFalse();
        assertThat(local.isLocal(BOUND)).isTrue();
    }

    private static InetAddress address(String literal) {
        return InetAddresses.parseLiteral(literal);
    }
}
