package io.procnet.internal.graph;

import static io.procnet.internal.graph.TestSockets.ep;
import static io.procnet.internal.graph.TestSockets.est;
import static io.procnet.internal.graph.TestSockets.tcp;
import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.model.TrafficCounters;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** A row follows one socket half: what changed, its rates against a baseline, and which entries are its half. */
class RowTest {
    private static final long SECOND = 1_000_000_000L;
    private static final SocketEntry HALF = est(10, "192.168.1.5:50000", "10.0.0.1:443", 77);

    private static Row row(SocketEntry socket) {
        return new Row(new Connection(ConnectionKey.of(socket)), socket, socket.inode());
    }

    private static SocketEntry with(SocketEntry socket, SocketState state, long pid, TrafficCounters traffic) {
        return new SocketEntry(socket.protocol(), socket.local(), socket.remote(), state, pid, socket.inode(), traffic,
                socket.namespace());
    }

    static Stream<Arguments> changes() {
        TrafficCounters some = TrafficCounters.ofBytes(10, 20);
        return Stream.of(
                Arguments.of("nothing", with(HALF, SocketState.ESTABLISHED, 10, null), false),
                Arguments.of("nothing, with counters", with(HALF, SocketState.ESTABLISHED, 10, some), false),
                Arguments.of("the state", with(HALF, SocketState.CLOSE_WAIT, 10, null), true),
                Arguments.of("the state, with counters", with(HALF, SocketState.CLOSE_WAIT, 10, some), true),
                Arguments.of("the owner", with(HALF, SocketState.ESTABLISHED, 11, null), true),
                Arguments.of("the owner, with counters", with(HALF, SocketState.ESTABLISHED, 11, some), true),
                Arguments.of("the owner went", with(HALF, SocketState.ESTABLISHED, SocketEntry.NO_PID, some), true));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("changes")
    void tellsWhetherTheStateOrTheOwnerChanged(String name, SocketEntry next, boolean changed) {
        Row row = row(HALF);
        row.see(HALF, 1, SECOND, 0);

        assertThat(row.see(next, 2, 2 * SECOND, SECOND)).isEqualTo(changed);
        assertThat(row.see(next, 3, 3 * SECOND, SECOND)).isFalse();
        assertThat(row.pid()).isEqualTo(next.pid());
        assertThat(row.entry().state()).isEqualTo(next.state());
        assertThat(row.hasCounters()).isEqualTo(next.traffic() != null);
        assertThat(row.seenIn(3)).isTrue();
        assertThat(row.seenIn(2)).isFalse();
    }

    static Stream<Arguments> rates() {
        return Stream.of(
                // sent, received at t0; then at t1 after an interval since the previous snapshot
                Arguments.of("the first snapshot has no interval", 0L, 0L, 0L, 1_000L, 2_000L, 0L, 0L, false, 0.0, 0.0),
                Arguments.of("over the time since the baseline", 0L, 1_000L, 2_000L, 3_000L, 6_000L, 2L, 1L, true,
                        1_000.0, 2_000.0),
                Arguments.of("no baseline: everything over the interval", -1L, 0L, 0L, 3_000L, 6_000L, 2L, 2L, true,
                        1_500.0, 3_000.0),
                Arguments.of("counters that went back are a new socket", 0L, 5_000L, 5_000L, 3_000L, 6_000L, 2L, 1L, true,
                        3_000.0, 6_000.0),
                Arguments.of("sent counter went back", 0L, 5_000L, 1_000L, 3_000L, 6_000L, 2L, 1L, true, 3_000.0, 6_000.0),
                Arguments.of("received counter went back", 0L, 1_000L, 9_000L, 3_000L, 6_000L, 2L, 1L, true,
                        3_000.0, 6_000.0),
                Arguments.of("unchanged counters", 0L, 1_000L, 2_000L, 1_000L, 2_000L, 1L, 1L, true, 0.0, 0.0),
                Arguments.of("a baseline of the same instant is no interval", 1L, 1_000L, 2_000L, 3_000L, 6_000L, 1L, 2L,
                        true, 1_500.0, 3_000.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rates")
    void ratesItsCountersAgainstItsBaseline(String name, long baseAt, long baseSent, long baseReceived, long sent,
                                            long received, long at, long intervalSeconds, boolean rated,
                                            double sentPerSecond, double receivedPerSecond) {
        Row row = row(HALF);
        if (baseAt >= 0) {
            row.see(with(HALF, SocketState.ESTABLISHED, 10, TrafficCounters.ofBytes(baseSent, baseReceived)), 1,
                    baseAt * SECOND, 0);
        }

        row.see(with(HALF, SocketState.ESTABLISHED, 10, TrafficCounters.ofBytes(sent, received)), 2, at * SECOND,
                intervalSeconds * SECOND);

        assertThat(row.rated).isEqualTo(rated);
        if (rated) {
            assertThat(row.sentPerSecond).isEqualTo(sentPerSecond);
            assertThat(row.receivedPerSecond).isEqualTo(receivedPerSecond);
        }
    }

    @Test
    void aRowWithoutCountersThisRoundHasNoRatesButKeepsItsBaseline() {
        Row row = row(HALF);
        row.see(with(HALF, SocketState.ESTABLISHED, 10, TrafficCounters.ofBytes(1_000, 1_000)), 1, SECOND, 0);
        row.see(with(HALF, SocketState.ESTABLISHED, 10, null), 2, 2 * SECOND, SECOND);
        assertThat(row.rated).isFalse();
        assertThat(row.hasCounters()).isFalse();

        row.see(with(HALF, SocketState.ESTABLISHED, 10, TrafficCounters.ofBytes(3_000, 5_000)), 3, 3 * SECOND, SECOND);
        assertThat(row.rated).isTrue();
        assertThat(row.sentPerSecond).isEqualTo(1_000.0);
        assertThat(row.receivedPerSecond).isEqualTo(2_000.0);
    }

    static Stream<Arguments> halves() {
        SocketEntry mine = tcp(10, "192.168.1.5:50000", "10.0.0.1:443", SocketState.ESTABLISHED, 0);
        return Stream.of(
                Arguments.of("itself", mine, mine, true),
                Arguments.of("an equal entry", mine, tcp(10, "192.168.1.5:50000", "10.0.0.1:443", SocketState.ESTABLISHED, 0),
                        true),
                Arguments.of("another state, owner and inode", mine,
                        tcp(11, "192.168.1.5:50000", "10.0.0.1:443", SocketState.CLOSE_WAIT, 9), true),
                Arguments.of("another protocol", mine, new SocketEntry(Protocol.UDP, ep("192.168.1.5:50000"),
                        ep("10.0.0.1:443"), SocketState.ESTABLISHED, 10, 0, null), false),
                Arguments.of("another local port", mine, est(10, "192.168.1.5:50001", "10.0.0.1:443"), false),
                Arguments.of("another local address", mine, est(10, "192.168.1.6:50000", "10.0.0.1:443"), false),
                Arguments.of("another remote port", mine, est(10, "192.168.1.5:50000", "10.0.0.1:444"), false),
                Arguments.of("another remote address", mine, est(10, "192.168.1.5:50000", "10.0.0.2:443"), false),
                Arguments.of("the other half", mine, est(10, "10.0.0.1:443", "192.168.1.5:50000"), false),
                Arguments.of("into a namespace", mine, mine.inNamespace("net:[2]"), false),
                Arguments.of("out of a namespace", mine.inNamespace("net:[2]"), mine, false),
                Arguments.of("the same namespace", mine.inNamespace("net:[2]"), mine.inNamespace("net:[2]"), true),
                Arguments.of("another namespace", mine.inNamespace("net:[2]"), mine.inNamespace("net:[3]"), false));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("halves")
    void aHalfIsItsProtocolEndpointsAndNamespace(String name, SocketEntry first, SocketEntry other, boolean same) {
        assertThat(row(first).sameHalf(other)).isEqualTo(same);
    }

    @Test
    void itsEntryIsTheLatestWithoutCounters() {
        SocketEntry socket = new SocketEntry(Protocol.TCP, ep("127.0.0.1:40000"), ep("127.0.0.1:5432"),
                SocketState.SYN_SENT, 10, 42, TrafficCounters.ofBytes(1, 2), "net:[2]");
        Row row = row(socket);
        row.see(socket, 1, SECOND, 0);

        assertThat(row.entry()).isEqualTo(new SocketEntry(Protocol.TCP, ep("127.0.0.1:40000"), ep("127.0.0.1:5432"),
                SocketState.SYN_SENT, 10, 42, null, "net:[2]"));
        assertThat(row.inode()).isEqualTo(42);
        assertThat(row.pid()).isEqualTo(10);
        assertThat(row.key).isEqualTo(42);
        assertThat(row.hasCounters()).isTrue();
    }
}
