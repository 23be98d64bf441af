package io.procnet.collect.posix.internal.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.collect.posix.internal.Fixtures;
import io.procnet.collect.posix.internal.linux.RawSocket;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketState;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Fixtures recorded on this x86-64 machine while /tmp/fixture_load.py held sockets on ports 47001-47005. */
class ProcNetParserTest {

    @Test
    void parsesIpv4Tcp() {
        ProcNetParser.Parsed parsed = parse("proc-net-tcp-loopback.txt", Protocol.TCP);

        assertThat(parsed.malformed()).isZero();
        assertThat(row(parsed.rows(), Endpoint.of("127.0.0.1", 47001), null)).hasValueSatisfying(listener -> {
            assertThat(listener.state()).isEqualTo(SocketState.LISTEN);
            assertThat(listener.inode()).isEqualTo(29098);
            assertThat(listener.uid()).isZero();
        });
        assertThat(row(parsed.rows(), Endpoint.of("127.0.0.1", 44584), Endpoint.of("127.0.0.1", 47001)))
                .hasValueSatisfying(client -> {
                    assertThat(client.state()).isEqualTo(SocketState.ESTABLISHED);
                    assertThat(client.inode()).isEqualTo(29099);
                });
        assertThat(row(parsed.rows(), Endpoint.of("127.0.0.1", 47001), Endpoint.of("127.0.0.1", 44584))).isPresent();
    }

    @Test
    void parsesIpv6AndNormalisesV4Mapped() {
        ProcNetParser.Parsed parsed = parse("proc-net-tcp6-v6-and-v4mapped.txt", Protocol.TCP);

        assertThat(parsed.malformed()).isZero();
        assertThat(row(parsed.rows(), Endpoint.of("::1", 47002), null)).isPresent();
        assertThat(row(parsed.rows(), Endpoint.of("::", 47003), null)).isPresent();
        assertThat(row(parsed.rows(), Endpoint.of("::1", 59898), Endpoint.of("::1", 47002))).isPresent();
        // the dual-stack listener's accepted socket for an IPv4 client: v4-mapped in the file
        assertThat(row(parsed.rows(), Endpoint.of("127.0.0.1", 47003), Endpoint.of("127.0.0.1", 47940)))
                .hasValueSatisfying(accepted -> assertThat(accepted.inode()).isEqualTo(29106));
    }

    @Test
    void parsesUdpBoundAndConnected() {
        ProcNetParser.Parsed v4 = parse("proc-net-udp-bound-and-connected.txt", Protocol.UDP);
        ProcNetParser.Parsed v6 = parse("proc-net-udp6-bound.txt", Protocol.UDP);

        assertThat(row(v4.rows(), Endpoint.of("127.0.0.1", 47004), null))
                .hasValueSatisfying(bound -> assertThat(bound.state()).isEqualTo(SocketState.BOUND));
        assertThat(row(v4.rows(), Endpoint.of("127.0.0.1", 58352), Endpoint.of("127.0.0.1", 47004)))
                .hasValueSatisfying(connected -> assertThat(connected.state()).isEqualTo(SocketState.ESTABLISHED));
        assertThat(row(v6.rows(), Endpoint.of("::1", 47005), null)).isPresent();
    }

    @Test
    void skipsAndCountsMalformedLinesKeepingTheRest() {
        String text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 111 1\n"
                + "   1: garbage\n"
                + "   2: 0100007F:ZZZZ 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 112 1\n"
                + "   3: 0100007:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 113 1\n"
                + "\n"
                + "   4: 0100007F:1F91 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 114 1";

        ProcNetParser.Parsed parsed = ProcNetParser.parse(text, Protocol.TCP, ByteOrder.LITTLE_ENDIAN);

        assertThat(parsed.malformed()).isEqualTo(3);
        assertThat(parsed.rows()).extracting(RawSocket::inode).containsExactly(111L, 114L);
        assertThat(parsed.rows().get(0).uid()).isEqualTo(1000);
        assertThat(parsed.rows().get(0).local()).isEqualTo(Endpoint.of("127.0.0.1", 8080));
    }

    @Test
    void aLineCutInsideItsInodeIsCountedNotReadAsASmallerInode() {
        String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
        String line = "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 29098";

        ProcNetParser.Parsed cut = ProcNetParser.parse(header + line.substring(0, line.length() - 2), Protocol.TCP,
                ByteOrder.LITTLE_ENDIAN);
        ProcNetParser.Parsed whole = ProcNetParser.parse(header + line + " 1 0000000000000000 100 0 0 10 0\n",
                Protocol.TCP, ByteOrder.LITTLE_ENDIAN);

        assertThat(cut.rows()).isEmpty(); // once a socket of inode 290
        assertThat(cut.malformed()).isEqualTo(1);
        assertThat(whole.rows()).extracting(RawSocket::inode).containsExactly(29098L);
    }

    @Test
    void aSignedInodeOrUidIsMalformedNotARowTheModelRefuses() {
        String text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 -9101 1\n"
                + "   1: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000    -1        0 9102 1\n"
                + "   2: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 9103 1\n";

        ProcNetParser.Parsed parsed = ProcNetParser.parse(text, Protocol.TCP, ByteOrder.LITTLE_ENDIAN);

        // the row of inode -9101 made LinuxCollector throw: SocketEntry refuses a negative inode
        assertThat(parsed.malformed()).isEqualTo(2);
        assertThat(parsed.rows()).extracting(RawSocket::inode).containsExactly(9103L);
    }

    @Test
    void aLineOfTenFieldsIsMalformedEvenWithBlanksAfterTheInode() {
        String header = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n";
        String ten = "   0: 0100007F:1F90 00000000:0000 0A 00000000:00000000 00:00000000 00000000  1000        0 29098";

        // the rule is a field after the inode, which every table has; blanks are not one
        assertThat(ProcNetParser.parse(header + ten + "   \n", Protocol.TCP, ByteOrder.LITTLE_ENDIAN).malformed())
                .isEqualTo(1);
        assertThat(ProcNetParser.parse(header + ten + " 1\n", Protocol.TCP, ByteOrder.LITTLE_ENDIAN).rows())
                .hasSize(1);
    }

    @Test
    void aSocketWithoutInodeIsARow() {
        String text = "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode\n"
                + "   0: 0100007F:B79C 0100007F:1F90 06 00000000:00000000 03:00000DEA 00000000     0        0 0 3\n";

        ProcNetParser.Parsed parsed = ProcNetParser.parse(text, Protocol.TCP, ByteOrder.LITTLE_ENDIAN);

        assertThat(parsed.malformed()).isZero(); // TIME_WAIT: no file refers to it
        assertThat(parsed.rows()).singleElement().satisfies(row -> {
            assertThat(row.inode()).isZero();
            assertThat(row.uid()).isZero();
            assertThat(row.state()).isEqualTo(SocketState.TIME_WAIT);
        });
    }

    @Test
    void readsWordsInTheHostsByteOrder() {
        assertThat(ProcNetParser.endpoint("7F000001:0050", ByteOrder.BIG_ENDIAN)).isEqualTo(Endpoint.of("127.0.0.1", 80));
        assertThat(ProcNetParser.endpoint("0100007F:0050", ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(Endpoint.of("127.0.0.1", 80));
        assertThat(ProcNetParser.endpoint("B80D0120000000000000000001000000:01BB", ByteOrder.LITTLE_ENDIAN))
                .isEqualTo(Endpoint.of("2001:db8::1", 443));
    }

    @Test
    void emptyOrHeaderOnlyTablesHaveNoRows() {
        assertThat(ProcNetParser.parse("", Protocol.TCP, ByteOrder.LITTLE_ENDIAN).rows()).isEmpty();
        assertThat(ProcNetParser.parse("  sl  local_address\n", Protocol.TCP, ByteOrder.LITTLE_ENDIAN).rows()).isEmpty();
    }

    private static ProcNetParser.Parsed parse(String fixture, Protocol protocol) {
        return ProcNetParser.parse(Fixtures.text(ProcNetParserTest.class, fixture), protocol, ByteOrder.LITTLE_ENDIAN);
    }

    private static Optional<RawSocket> row(List<RawSocket> rows, Endpoint local, Endpoint remote) {
        return rows.stream().filter(r -> r.local().equals(local) && java.util.Objects.equals(r.remote(), remote))
                .findFirst();
    }
}
