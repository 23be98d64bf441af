package io.procnet.collect.posix.internal.oshi;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Endpoint;
import io.procnet.model.ProcessInfo;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import oshi.software.os.InternetProtocolStats.IPConnection;
import oshi.software.os.InternetProtocolStats.TcpState;

/** Rows as OSHI gave them on this machine for fixture_load.py's sockets (see OSHI's IPConnection). */
class OshiDecoderTest {
    private static final byte[] LOOPBACK = {127, 0, 0, 1};
    private static final byte[] ANY4 = new byte[4];
    private static final byte[] ANY6 = new byte[16];
    private static final byte[] LOOPBACK6 = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1};
    private static final byte[] MAPPED = {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, 127, 0, 0, 1};

    @Test
    void decodesTcpUdpV6AndMapped() {
        OshiDecoder.Decoded decoded = OshiDecoder.decode(List.of(
                new IPConnection("tcp4", LOOPBACK, 47001, ANY4, 0, TcpState.LISTEN, 0, 0, 15103),
                new IPConnection("tcp4", LOOPBACK, 34482, LOOPBACK, 47001, TcpState.ESTABLISHED, 0, 0, 15103),
                new IPConnection("tcp4", LOOPBACK, 55142, LOOPBACK, 47001, TcpState.TIME_WAIT, 0, 0, -1),
                new IPConnection("tcp6", LOOPBACK6, 47002, ANY6, 0, TcpState.LISTEN, 0, 0, 15103),
                new IPConnection("tcp6", MAPPED, 47003, MAPPED, 38974, TcpState.ESTABLISHED, 0, 0, 15103),
                new IPConnection("udp4", LOOPBACK, 47004, ANY4, 0, TcpState.CLOSED, 0, 0, 15103),
                new IPConnection("udp4", LOOPBACK, 34774, LOOPBACK, 47004, TcpState.ESTABLISHED, 0, 0, 15103)),
                true, true);

        assertThat(decoded.malformed()).isZero();
        assertThat(decoded.sockets()).containsExactly(
                socket(Protocol.TCP, "127.0.0.1", 47001, null, 0, SocketState.LISTEN, 15103),
                socket(Protocol.TCP, "127.0.0.1", 34482, "127.0.0.1", 47001, SocketState.ESTABLISHED, 15103),
                socket(Protocol.TCP, "127.0.0.1", 55142, "127.0.0.1", 47001, SocketState.TIME_WAIT, -1),
                socket(Protocol.TCP, "::1", 47002, null, 0, SocketState.LISTEN, 15103),
                socket(Protocol.TCP, "127.0.0.1", 47003, "127.0.0.1", 38974, SocketState.ESTABLISHED, 15103),
                socket(Protocol.UDP, "127.0.0.1", 47004, null, 0, SocketState.BOUND, 15103),
                socket(Protocol.UDP, "127.0.0.1", 34774, "127.0.0.1", 47004, SocketState.ESTABLISHED, 15103));
    }

    @Test
    void skipsAndCountsRowsThatDoNotConvert() {
        OshiDecoder.Decoded decoded = OshiDecoder.decode(List.of(
                new IPConnection("sctp", LOOPBACK, 1, ANY4, 0, TcpState.LISTEN, 0, 0, 1),
                new IPConnection("tcp4", new byte[3], 1, ANY4, 0, TcpState.LISTEN, 0, 0, 1),
                new IPConnection("tcp4", LOOPBACK, 70000, ANY4, 0, TcpState.LISTEN, 0, 0, 1),
                new IPConnection("tcp4", LOOPBACK, 2, ANY4, 0, TcpState.NONE, 0, 0, 1),
                new IPConnection("udp4", LOOPBACK, 3, ANY4, 0, TcpState.CLOSED, 0, 0, 1)), true, false);

        assertThat(decoded.malformed()).isEqualTo(3);
        assertThat(decoded.sockets()).singleElement()
                .satisfies(socket -> assertThat(socket.state()).isEqualTo(SocketState.UNKNOWN));
    }

    @Test
    void decodesAProcessWithItsParent() {
        ProcessInfo nginx = OshiDecoder.decodeProcess(4711, 1, "nginx", "nginx -g daemon off;", "www-data",
                1_795_000_000_000L, "/usr/sbin/nginx");

        assertThat(nginx).isEqualTo(new ProcessInfo(4711, 1, "nginx", "nginx -g daemon off;", "www-data",
                Instant.ofEpochMilli(1_795_000_000_000L), "/usr/sbin/nginx", List.of()));
        assertThat(OshiDecoder.decodeProcess(4712, 4711, "worker", "", "", 0, null))
                .isEqualTo(new ProcessInfo(4712, 4711, "worker", "", null, null, "", List.of()));
    }

    @Test
    void aParentOfZeroOrLessIsNoParent() {
        // OSHI's 0 is "none, or not known": launchd's and init's, and any process it could not read
        assertThat(OshiDecoder.decodeProcess(1, 0, "launchd", "", "root", 1, "").parentPid())
                .isEqualTo(ProcessInfo.NO_PARENT);
        assertThat(OshiDecoder.decodeProcess(812, 0, "", "", null, 0, null).parentPid())
                .isEqualTo(ProcessInfo.NO_PARENT);
        assertThat(OshiDecoder.decodeProcess(812, -1, "x", "", null, 0, null).parentPid())
                .isEqualTo(ProcessInfo.NO_PARENT);
        assertThat(OshiDecoder.decodeProcess(812, Integer.MIN_VALUE, "x", "", null, 0, null).parentPid())
                .isEqualTo(ProcessInfo.NO_PARENT);
        assertThat(OshiDecoder.decodeProcess(0, 0, "System Idle Process", "", null, 0, null).parentPid())
                .isEqualTo(ProcessInfo.NO_PARENT);
        assertThat(OshiDecoder.decodeProcess(9, 9, "x", "", null, 0, null).parentPid())
                .isEqualTo(ProcessInfo.NO_PARENT);
        assertThat(OshiDecoder.decodeProcess(2, 1, "x", "", null, -5, null).startTime()).isNull();
    }

    private static SocketEntry socket(Protocol protocol, String local, int localPort, String remote, int remotePort,
                                      SocketState state, long pid) {
        return new SocketEntry(protocol, Endpoint.of(local, localPort),
                remote == null ? null : Endpoint.of(remote, remotePort), state, pid, 0, null);
    }
}
