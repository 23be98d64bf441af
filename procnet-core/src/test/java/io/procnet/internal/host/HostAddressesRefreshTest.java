package io.procnet.internal.host;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.LogCapture;
import io.procnet.model.InetAddresses;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HostAddressesRefreshTest {
    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "first read at {0} s, asked at {1} s: {2} reads")
    @CsvSource({
        "0,  0,     1", "0,  4.999, 1", "0,  5, 2", "0,  6, 2",
        "10, 10,    1", "10, 14.999, 1", "10, 15, 2", "10, 100, 2",
        "-20, -15.001, 1", "-20, -15, 2"})
    void readsAgainOnceTheReadingIsAsOldAsThePeriod(double firstSeconds, double askedSeconds, int reads) {
        AtomicLong now = new AtomicLong((long) (firstSeconds * SECOND));
        AtomicInteger count = new AtomicInteger();
        HostAddresses host = new HostAddresses(() -> Set.of(address(count.incrementAndGet())), now::get,
                5 * SECOND);

        Set<InetAddress> first = host.current();
        now.set(Math.round(askedSeconds * SECOND));
        Set<InetAddress> later = host.current();

        assertThat(count).hasValue(reads);
        assertThat(first).containsExactly(address(1));
        assertThat(later).containsExactly(address(reads));
    }

    @Test
    void keepsACopyOfWhatItRead() {
        Set<InetAddress> read = new HashSet<>(Set.of(address(1)));
        HostAddresses host = new HostAddresses(() -> read, () -> 0, Long.MAX_VALUE);

        Set<InetAddress> current = host.current();
        read.add(address(2));

        assertThat(current).containsExactly(address(1));
        assertThat(host.current()).containsExactly(address(1));
    }

    @Test
    void anUnreadablePortRangeIsAWarningNamingTheFileAndTheFallback(@TempDir Path proc) throws IOException {
        try (LogCapture log = LogCapture.of(HostNetwork.class)) {
            assertThat(HostNetwork.queryEphemeralPorts("Linux", proc)).isEqualTo(io.procnet.graph.PortRange.LINUX_DEFAULT);

            List<LogCapture.Entry> records = log.records();
            assertThat(records).singleElement().satisfies(record -> {
                assertThat(record.level()).isEqualTo("WARNING");
                assertThat(record.message()).startsWith("cannot read " + proc.resolve("sys/net/ipv4/ip_local_port_range")
                        + ", assuming 32768-60999: ");
            });
        }
    }

    private static InetAddress address(int n) {
        return InetAddresses.parseLiteral("10.0.0." + n);
    }
}
