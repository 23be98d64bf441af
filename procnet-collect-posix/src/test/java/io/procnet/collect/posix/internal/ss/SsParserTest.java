package io.procnet.collect.posix.internal.ss;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.collect.posix.internal.Fixtures;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.util.List;
import java.util.Objects;
import org.junit.jupiter.api.Test;

/**
 * ss output recorded on this machine: hostile_names.py (five forked clients named with spaces,
 * quotes, commas, parentheses, {@code ",pid=}, and non-ASCII, connected to 127.0.0.1:47010) and
 * fixture_load.py (IPv6, v4-mapped and UDP sockets on 47001-47005).
 */
class SsParserTest {

    @Test
    void parsesHostileProcessNames() {
        SsParser.Parsed parsed = parse("ss-tanpi-hostile-names.txt", Protocol.TCP);

        assertThat(parsed.malformed()).isZero();
        SsParser.Row listener = row(parsed, Endpoint.of("127.0.0.1", 47010), null);
        assertThat(listener.users()).extracting(SsParser.User::name)
                .containsExactly("\u00fcn\u00ef", "x\",pid=1,fd=2", "p(a", "q\"uo,te", "a b", "python3");
        assertThat(listener.users()).extracting(SsParser.User::pid)
                .containsExactly(13825L, 13824L, 13823L, 13822L, 13821L, 13779L);
        assertThat(listener.socket().pid()).isEqualTo(13779); // the lowest holder, as netlink and procfs say
        assertThat(listener.socket().state()).isEqualTo(SocketState.LISTEN);
        SsParser.Row quoted = row(parsed, Endpoint.of("127.0.0.1", 39448), Endpoint.of("127.0.0.1", 47010));
        assertThat(quoted.users()).containsExactly(new SsParser.User(13822, "q\"uo,te"));
        assertThat(quoted.socket().traffic().bytesSent()).isEqualTo(101);
        assertThat(quoted.socket().traffic().segmentsSent()).isEqualTo(3);
        assertThat(quoted.socket().traffic().roundTrip()).hasNanos(36_000);
        assertThat(row(parsed, Endpoint.of("127.0.0.1", 47010), Endpoint.of("127.0.0.1", 39448))
                .socket().traffic().bytesReceived()).isEqualTo(100);
    }

    @Test
    void parsesIpv6WildcardsAndV4Mapped() {
        SsParser.Parsed parsed = parse("ss-tanpi-v6-and-v4mapped.txt", Protocol.TCP);

        assertThat(parsed.malformed()).isZero();
        assertThat(row(parsed, Endpoint.of("::1", 47002), null).socket().state()).isEqualTo(SocketState.LISTEN);
        assertThat(row(parsed, Endpoint.of("::", 47003), null).socket().pid()).isEqualTo(14817);
        assertThat(row(parsed, Endpoint.of("127.0.0.1", 47003), Endpoint.of("127.0.0.1", 58218))).isNotNull();
        assertThat(row(parsed, Endpoint.of("::1", 52586), Endpoint.of("::1", 47002))).isNotNull();
    }

    @Test
    void parsesUdp() {
        SsParser.Parsed parsed = parse("ss-uanpi.txt", Protocol.UDP);

        assertThat(parsed.rows()).hasSize(3);
        assertThat(row(parsed, Endpoint.of("127.0.0.1", 47004), null).socket().state()).isEqualTo(SocketState.BOUND);
        assertThat(row(parsed, Endpoint.of("127.0.0.1", 48594), Endpoint.of("127.0.0.1", 47004)).socket().state())
                .isEqualTo(SocketState.ESTABLISHED);
        assertThat(row(parsed, Endpoint.of("::1", 47005), null).socket().traffic()).isNull();
    }

    @Test
    void skipsMalformedLinesAndKeepsTheRest() {
        String output = "State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
                + "ESTAB 0 0 127.0.0.1:1 127.0.0.1:2 users:((\"a\",pid=5,fd=3))\n"
                + "WEIRD 0 0 127.0.0.1:1 127.0.0.1:2\n"
                + "ESTAB 0 0 127.0.0.1 127.0.0.1:2\n"
                + "ESTAB 0 0 host.example:1 127.0.0.1:2\n"
                + "ESTAB 0\n"
                + "TIME-WAIT 0 0 127.0.0.1:3 127.0.0.1:4\n";

        SsParser.Parsed parsed = SsParser.parse(output, Protocol.TCP);

        assertThat(parsed.malformed()).isEqualTo(4);
        assertThat(parsed.rows()).extracting(r -> r.socket().pid()).containsExactly(5L, SocketEntry.NO_PID);
        assertThat(parsed.rows().get(1).socket().state()).isEqualTo(SocketState.TIME_WAIT);
    }

    @Test
    void outputCutShortIsCountedNotReadAsOtherSockets() {
        String header = "State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n";
        String first = "ESTAB 0 0 127.0.0.1:39448 127.0.0.1:47010 users:((\"a\",pid=5,fd=3),(\"b\",pid=6,fd=3))\n";
        String info = "\t bbr wscale:10,10 rto:204 rtt:0.036/0.018 bytes_acked:101 segs_out:3 segs_in:2\n";
        String second = "ESTAB 0 0 127.0.0.1:47010 127.0.0.1:39448 users:((\"c\",pid=7,fd=4))\n";
        String whole = header + first + info + second;

        for (String cut : List.of(
                header + first + info + "ESTAB 0 0 127.0.0.1:47010 127.0.0.1:39", // once a peer on port 39
                header + first + info + "ESTAB 0 0 127.0.0.1:47010 127.0.0.1:39448", // once a socket of no process
                header + first + info + second.substring(0, second.indexOf(",fd=4") + 4), // once no owner at all
                header + first.substring(0, first.indexOf("),(") + 1))) { // once only the first of two users
            SsParser.Parsed parsed = SsParser.parse(cut, Protocol.TCP);

            assertThat(parsed.rows()).as(cut).hasSize(cut.startsWith(header + first) ? 1 : 0);
            assertThat(parsed.malformed()).as(cut).isEqualTo(1);
        }
        SsParser.Parsed infoCut = SsParser.parse(header + first + info.substring(0, info.indexOf("acked:10") + 8),
                Protocol.TCP); // once 10 bytes sent instead of 101
        assertThat(infoCut.rows()).isEmpty();
        assertThat(infoCut.malformed()).isEqualTo(1);
        assertThat(SsParser.parse(whole, Protocol.TCP).rows()).hasSize(2)
                .satisfies(rows -> assertThat(rows.get(0).socket().traffic().bytesSent()).isEqualTo(101));
    }

    @Test
    void usersAreReadFromTheProcessColumnOnly() {
        SsParser.Parsed parsed = SsParser.parse("State Recv-Q Send-Q Local Address:Port Peer Address:Port Process\n"
                + "ESTAB users:((\"evil\",pid=1,fd=3)) 0 127.0.0.1:1 127.0.0.1:2\n", Protocol.TCP);

        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.users()).isEmpty();
            assertThat(row.socket().pid()).isEqualTo(SocketEntry.NO_PID);
        });
        assertThat(SsParser.users("users:((\"nginx\",pid=10,fd=6),(\"nginx\",pid=9,fd=6))"))
                .containsExactly(new SsParser.User(10, "nginx"), new SsParser.User(9, "nginx"));
        assertThat(SsParser.users(" users:((\"a\",pid=1,fd=3))")).containsExactly(new SsParser.User(1, "a"));
        assertThat(SsParser.users("")).isEmpty();
    }

    @Test
    void parsesEveryAddressForm() {
        assertThat(SsParser.endpoint("*:*")).isEqualTo(Endpoint.of("::", 0));
        assertThat(SsParser.endpoint("0.0.0.0:*")).isEqualTo(Endpoint.of("0.0.0.0", 0));
        assertThat(SsParser.endpoint("127.0.0.53%lo:53")).isEqualTo(Endpoint.of("127.0.0.53", 53));
        assertThat(SsParser.endpoint("[fe80::1%eth0]:546")).isEqualTo(Endpoint.of("fe80::1", 546));
        assertThat(SsParser.endpoint("[fe80::1]%eth0:546")).isEqualTo(Endpoint.of("fe80::1", 546));
        assertThat(SsParser.endpoint("[::ffff:10.0.0.1]:80")).isEqualTo(Endpoint.of("10.0.0.1", 80));
    }

    private static SsParser.Parsed parse(String fixture, Protocol protocol) {
        return SsParser.parse(Fixtures.text(SsParserTest.class, fixture), protocol);
    }

    private static SsParser.Row row(SsParser.Parsed parsed, Endpoint local, Endpoint remote) {
        List<SsParser.Row> matches = parsed.rows().stream()
                .filter(r -> r.socket().local().equals(local) && Objects.equals(r.socket().remote(), remote)).toList();
        assertThat(matches).as("rows %s -> %s", local, remote).hasSize(1);
        return matches.get(0);
    }
}
