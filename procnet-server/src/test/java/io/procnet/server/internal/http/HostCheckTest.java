package io.procnet.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class HostCheckTest {
    private static final int PORT = 8765;
    private final HostCheck loopback = new HostCheck(Set.of("127.0.0.1"), PORT);
    private final HostCheck wildcard = new HostCheck(Set.of("0.0.0.0", "vm", "192.0.2.2", "fd00::2"), PORT);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1:8765", "localhost:8765", "LOCALHOST:8765", "[::1]:8765", "127.1.2.3:8765",
        "[::ffff:127.0.0.1]:8765", "[0:0:0:0:0:0:0:1]:8765"})
    void loopbackNamesWithTheBoundPortAreAllowed(String host) {
        assertThat(loopback.allows(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"evil.example:8765", "localhost:8766", "localhost:08765", "localhost:", "localhost",
        "127.0.0.1", "127.0.0.1.evil.example:8765", "localhost.evil.example:8765", "evil.localhost:8765",
        "::1:8765", "::1", "[::1]", "[::1]8765", "[::1:8765", "[evil.example]:8765", "192.0.2.2:8765",
        "127.0.0.1:8765@evil.example", "127.0.0.1:8765:8765", "1.2.3.4:8765", "0x7f000001:8765", "vm:8765"})
    void otherNamesPortsAndMalformedHostsAreRefused(String host) {
        assertThat(loopback.allows(host)).isFalse();
    }

    @ParameterizedTest
    @NullAndEmptySource
    void aMissingHostIsRefused(String host) {
        assertThat(loopback.allows(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm:8765", "VM:8765", "192.0.2.2:8765", "[fd00::2]:8765", "[FD00:0::2]:8765",
        "localhost:8765", "127.0.0.1:8765"})
    void aWildcardBindAlsoAnswersToThisMachinesNamesAndAddresses(String host) {
        assertThat(wildcard.allows(host)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"vm.evil.example:8765", "192.0.2.3:8765", "fd00::2:8765", "vm:80"})
    void aWildcardBindStillRefusesOtherNames(String host) {
        assertThat(wildcard.allows(host)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"localhost", "127.0.0.1", "[::1]", "localhost:80"})
    void onPort80TheHostMayOmitThePort(String host) {
        assertThat(new HostCheck(Set.of("127.0.0.1"), 80).allows(host)).isTrue();
    }
}
