package io.procnet.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The model's records and parsers at the edges of what they accept. */
class ModelBoundsTest {

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 65534, 65535})
    void portsFrom0To65535(int port) {
        assertThat(Endpoint.of("127.0.0.1", port).port()).isEqualTo(port);
    }

    @Test
    void endpointsOfOneHostSpreadOverHashCodes() {
        // the record's own hash, 31 * address + port, makes 127.0.0.1:5001 and 127.0.0.2:4970 collide
        assertThat(Endpoint.of("127.0.0.1", 5001).hashCode()).isNotEqualTo(Endpoint.of("127.0.0.2", 4970).hashCode());
        Set<Integer> hashes = new HashSet<>();
        for (int host = 1; host <= 16; host++) {
            for (int port = 40000; port < 41000; port++) {
                hashes.add(Endpoint.of("127.0.0." + host, port).hashCode());
            }
        }
        assertThat(hashes).hasSize(16_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1::ffff:7f00:1", "0:0:0:0:1:ffff:7f00:1", "0:0:0:0:0:ff:7f00:1", "0:0:0:0:0:ff00:7f00:1",
        "0:0:0:0:0:fffe:7f00:1", "8000::ffff:7f00:1", "0:0:0:0:0:1ff:7f00:1"})
    void onlyTenZeroBytesAndTwoFfBytesMakeAMappedAddress(String literal) {
        assertThat(Endpoint.of(literal, 80).address()).isInstanceOf(Inet6Address.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"::ffff:7f00:1", "0:0:0:0:0:FFFF:127.0.0.1"})
    void mappedAddressesBecomeIpv4(String literal) {
        assertThat(Endpoint.of(literal, 80).address()).isInstanceOf(Inet4Address.class)
                .isEqualTo(InetAddresses.parseLiteral("127.0.0.1"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"1:2:3:4::5:6:7:8", "::1:2:3:4:5:6:7:8", "1:2:3:4:5:6:7:8::", "1::2:3:4:5:6:7:8",
        "1:2:3:4:5:6:7::8", "1:2:3:4:5::6:7:1.2.3.4"})
    void aDoubleColonStandsForAtLeastOneGroup(String text) {
        assertThatThrownBy(() -> InetAddresses.parseLiteral(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an IP address literal: '" + text + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"::1::", "1::2::", "1:::2", "::1::2", "1::2::3", "::1.2.3.4::", "1::2:::", "::::"})
    void atMostOneDoubleColon(String text) {
        assertThatThrownBy(() -> InetAddresses.parseLiteral(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("not an IP address literal: '" + text + "'");
    }

    @ParameterizedTest
    @CsvSource({"1:2:3:4:5:6::8, 1:2:3:4:5:6:0:8", "1::3:4:5:6:7:8, 1:0:3:4:5:6:7:8",
        "::2:3:4:5:6:1.2.3.4, 0:2:3:4:5:6:102:304", "[fe80::1%eth0], fe80::1", "' 10.0.0.1 ', 10.0.0.1"})
    void aDoubleColonMayStandForOneGroup(String text, String formatted) {
        assertThat(InetAddresses.format(InetAddresses.parseLiteral(text))).isEqualTo(formatted);
    }

    @Test
    void pidZeroIsAProcess() {
        assertThat(ProcessInfo.unknown(0).pid()).isZero();
        assertThat(new ProcessInfo(0, 0, "swapper", "", null, null, "", List.of()).parentPid()).isZero();
        assertThatThrownBy(() -> ProcessInfo.unknown(-1)).hasMessage("pid must not be negative: -1");
    }

    static Stream<Arguments> negativeCounters() {
        return Stream.of(
                Arguments.of(-1L, 0L, 0L, 0L, "bytesSent must not be negative: -1"),
                Arguments.of(0L, -2L, 0L, 0L, "bytesReceived must not be negative: -2"),
                Arguments.of(0L, 0L, -3L, 0L, "segmentsSent must not be negative: -3"),
                Arguments.of(0L, 0L, 0L, -4L, "segmentsReceived must not be negative: -4"),
                Arguments.of(Long.MIN_VALUE, 0L, 0L, 0L, "bytesSent must not be negative: " + Long.MIN_VALUE));
    }

    @ParameterizedTest
    @MethodSource("negativeCounters")
    void everyCounterMustNotBeNegative(long sent, long received, long segmentsSent, long segmentsReceived,
                                       String message) {
        assertThatThrownBy(() -> new TrafficCounters(sent, received, segmentsSent, segmentsReceived, null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void zeroCountersAndAZeroRoundTripAreCounters() {
        TrafficCounters zero = new TrafficCounters(0, 0, 0, 0, Duration.ZERO);

        assertThat(zero.roundTrip()).isEqualTo(Duration.ZERO);
        assertThat(TrafficCounters.ofBytes(5, 6)).isEqualTo(new TrafficCounters(5, 6, 0, 0, null));
    }

    static Stream<Arguments> udpStates() {
        return Stream.of(
                Arguments.of(null, SocketState.BOUND),
                Arguments.of(Endpoint.of("0.0.0.0", 0), SocketState.BOUND),
                Arguments.of(Endpoint.of("::", 0), SocketState.BOUND),
                Arguments.of(Endpoint.of("0.0.0.0", 53), SocketState.ESTABLISHED),
                Arguments.of(Endpoint.of("10.0.0.1", 0), SocketState.ESTABLISHED),
                Arguments.of(Endpoint.of("8.8.8.8", 53), SocketState.ESTABLISHED));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("udpStates")
    void aUdpSocketIsBoundWithoutAPeerAndEstablishedWithOne(Endpoint remote, SocketState state) {
        assertThat(SocketState.forUdp(remote)).isEqualTo(state);
    }

    @Test
    void snapshotOfTheCollectionJustFinishedReadsTheMonotonicClock() {
        long before = System.nanoTime();
        Snapshot snapshot = new Snapshot(Instant.EPOCH, "test", List.of(), java.util.Map.of(), List.of());

        assertThat(snapshot.monotonicNanos()).isBetween(before, System.nanoTime());
    }
}
