package io.procnet.collect.windows.internal;

import static io.procnet.collect.windows.internal.IpHelperTables.Table.TCP4;
import static io.procnet.collect.windows.internal.IpHelperTables.Table.TCP6;
import static io.procnet.collect.windows.internal.IpHelperTables.Table.UDP4;
import static io.procnet.collect.windows.internal.IpHelperTables.Table.UDP6;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import io.procnet.spi.UnownedSockets;
import java.net.Inet6Address;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class IpHelperTablesTest {

    private static List<SocketEntry> decode(IpHelperTables.Table table, ByteBuffer bytes) {
        List<SocketEntry> rows = new ArrayList<>();
        assertThat(IpHelperTables.decode(table, bytes, bytes.limit(), rows)).isZero();
        return rows;
    }

    private static SocketEntry row(List<SocketEntry> rows, int localPort, Integer remotePort) {
        return rows.stream().filter(r -> r.local().port() == localPort
                        && (remotePort == null ? r.remote() == null : r.remote() != null && r.remote().port() == remotePort))
                .findFirst().orElseThrow(() -> new AssertionError("no row " + localPort + " -> " + remotePort + " in " + rows));
    }

    /**
     * Wine 8 here gave every row pid 0, its own sockets' too (it finds owners by their Unix fds,
     * which failed here): no owner.
     */
    private static final long WINE_PID = SocketEntry.NO_PID;

    @Test
    void decodesTheTablesWineGave() {
        List<SocketEntry> tcp4 = decode(TCP4, Fixtures.load("tcp4-owner-pid-wine.bin"));
        assertThat(row(tcp4, 61001, null)).isEqualTo(new SocketEntry(Protocol.TCP, Endpoint.of("127.0.0.1", 61001), null,
                SocketState.LISTEN, WINE_PID, 0, null));
        assertThat(row(tcp4, 61002, 61001)).isEqualTo(new SocketEntry(Protocol.TCP, Endpoint.of("127.0.0.1", 61002),
                Endpoint.of("127.0.0.1", 61001), SocketState.ESTABLISHED, WINE_PID, 0, null));
        assertThat(row(tcp4, 61001, 61002).state()).isEqualTo(SocketState.ESTABLISHED);

        SocketEntry listener6 = row(decode(TCP6, Fixtures.load("tcp6-owner-pid-wine.bin")), 61003, null);
        assertThat(listener6.local()).isEqualTo(Endpoint.of("::1", 61003)); // Wine's scope 4096 on ::1 is dropped
        assertThat(listener6.state()).isEqualTo(SocketState.LISTEN);

        assertThat(row(decode(UDP4, Fixtures.load("udp4-owner-pid-wine.bin")), 61004, null))
                .isEqualTo(new SocketEntry(Protocol.UDP, Endpoint.of("127.0.0.1", 61004), null, SocketState.BOUND,
                        WINE_PID, 0, null));
        assertThat(row(decode(UDP6, Fixtures.load("udp6-owner-pid-wine.bin")), 61005, null).local())
                .isEqualTo(Endpoint.of("::1", 61005));
    }

    @Test
    void everyRowWineGaveHasNoOwnerAndCountsAsUnowned() {
        List<SocketEntry> all = new ArrayList<>();
        for (IpHelperTables.Table table : IpHelperTables.Table.values()) {
            all.addAll(decode(table, Fixtures.load(table.name().toLowerCase(java.util.Locale.ROOT) + "-owner-pid-wine.bin")));
        }

        assertThat(all).hasSize(7).noneMatch(SocketEntry::hasOwner);
        assertThat(UnownedSockets.count(all)).isEqualTo(7); // listeners and established: none is TIME_WAIT
    }

    /** A table of hand-made rows. */
    private static ByteBuffer table(int rowLength, int promised, byte[]... rows) {
        ByteBuffer b = ByteBuffer.allocate(4 + rowLength * rows.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(promised);
        for (byte[] row : rows) {
            b.put(row);
        }
        return b.flip();
    }

    private static byte[] tcp4Row(int state, int[] local, int localPort, int[] remote, int remotePort, long pid) {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN);
        b.putInt(state);
        for (int octet : local) {
            b.put((byte) octet);
        }
        b.put((byte) (localPort >> 8)).put((byte) localPort).putShort((short) 0);
        for (int octet : remote) {
            b.put((byte) octet);
        }
        b.put((byte) (remotePort >> 8)).put((byte) remotePort).putShort((short) 0);
        b.putInt((int) pid);
        return b.array();
    }

    @Test
    void everyStateAndTheSystemPidsDecode() {
        int[] any = {0, 0, 0, 0};
        int[] host = {10, 0, 0, 5};
        byte[][] rows = new byte[12][];
        for (int state = 1; state <= 12; state++) {
            rows[state - 1] = tcp4Row(state, host, 80, state == 2 ? any : new int[] {10, 0, 0, 9}, state == 2 ? 0 : 50_000,
                    state == 2 ? 4 : 0xFFFFFFF0L);
        }
        List<SocketEntry> decoded = decode(TCP4, table(24, 12, rows));

        assertThat(decoded).extracting(SocketEntry::state).containsExactly(SocketState.CLOSED, SocketState.LISTEN,
                SocketState.SYN_SENT, SocketState.SYN_RECEIVED, SocketState.ESTABLISHED, SocketState.FIN_WAIT_1,
                SocketState.FIN_WAIT_2, SocketState.CLOSE_WAIT, SocketState.CLOSING, SocketState.LAST_ACK,
                SocketState.TIME_WAIT, SocketState.DELETE_TCB);
        assertThat(decoded.get(1).pid()).isEqualTo(4); // System: HTTP.sys listeners
        assertThat(decoded.get(1).remote()).isNull();
        assertThat(decoded.get(4).pid()).isEqualTo(0xFFFFFFF0L); // a DWORD, never negative
        assertThat(decoded.get(4).remote()).isEqualTo(Endpoint.of("10.0.0.9", 50_000));
    }

    @Test
    void pidZeroIsNoOwnerAndTimeWaitIsNotCountedAsUnowned() {
        int[] host = {10, 0, 0, 5};
        int[] peer = {10, 0, 0, 9};
        int[] any = {0, 0, 0, 0};
        List<SocketEntry> decoded = decode(TCP4, table(24, 6,
                tcp4Row(11, host, 50_001, peer, 443, 0), // TIME_WAIT: Windows gives it pid 0
                tcp4Row(11, host, 50_002, peer, 443, 0),
                tcp4Row(7, host, 50_003, peer, 443, 0), // FIN_WAIT_2 after its process closed it
                tcp4Row(10, host, 80, peer, 50_004, 0), // LAST_ACK
                tcp4Row(2, any, 80, any, 0, 4), // System's HTTP.sys listener
                tcp4Row(5, host, 50_005, peer, 443, 1)));

        assertThat(decoded).extracting(SocketEntry::pid).containsExactly(SocketEntry.NO_PID, SocketEntry.NO_PID,
                SocketEntry.NO_PID, SocketEntry.NO_PID, 4L, 1L);
        assertThat(decoded.get(0).state()).isEqualTo(SocketState.TIME_WAIT);
        assertThat(UnownedSockets.count(decoded)).isEqualTo(2); // FIN_WAIT_2 and LAST_ACK, not the TIME_WAITs
        assertThat(UnownedSockets.count(List.of())).isZero();
    }

    @Test
    void pidZeroIsNoOwnerInEveryTable() {
        ByteBuffer tcp6 = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        tcp6.put(15, (byte) 1).put(20, (byte) 0x1F).put(21, (byte) 0x90).put(39, (byte) 1).put(44, (byte) 0xC3)
                .put(45, (byte) 0x50).putInt(48, 11).putInt(52, 0); // [::1]:8080 -> [::1]:50000 TIME_WAIT, pid 0
        byte[] udp4 = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).put(new byte[] {127, 0, 0, 1})
                .put((byte) 0x00).put((byte) 0x35).putShort((short) 0).putInt(0).array();
        ByteBuffer udp6 = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
        udp6.put(15, (byte) 1).put(20, (byte) 0x00).put(21, (byte) 0x35).putInt(24, 0);

        SocketEntry timeWait6 = decode(TCP6, table(56, 1, tcp6.array())).get(0);
        assertThat(timeWait6.pid()).isEqualTo(SocketEntry.NO_PID);
        assertThat(timeWait6.state()).isEqualTo(SocketState.TIME_WAIT);
        assertThat(timeWait6.remote()).isEqualTo(Endpoint.of("::1", 50_000));
        assertThat(decode(UDP4, table(12, 1, udp4)).get(0).pid()).isEqualTo(SocketEntry.NO_PID);
        assertThat(decode(UDP6, table(28, 1, udp6.array())).get(0).pid()).isEqualTo(SocketEntry.NO_PID);
    }

    @Test
    void ipv6RowsKeepTheScopeOfLinkLocalAddressesAndMapV4() {
        ByteBuffer row = ByteBuffer.allocate(56).order(ByteOrder.LITTLE_ENDIAN);
        row.put(new byte[] {(byte) 0xfe, (byte) 0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1}).putInt(7)
                .put((byte) 0x1F).put((byte) 0x90).putShort((short) 0);
        row.put(new byte[] {0, 0, 0, 0, 0, 0, 0, 0, 0, 0, (byte) 0xff, (byte) 0xff, (byte) 192, (byte) 168, 1, 2}).putInt(0)
                .put((byte) 0xC3).put((byte) 0x50).putShort((short) 0);
        row.putInt(5).putInt(1234);

        SocketEntry entry = decode(TCP6, table(56, 1, row.array())).get(0);

        assertThat(((Inet6Address) entry.local().address()).getScopeId()).isEqualTo(7);
        assertThat(entry.local().port()).isEqualTo(8080);
        assertThat(entry.remote()).isEqualTo(Endpoint.of("192.168.1.2", 50000)); // v4-mapped becomes IPv4
        assertThat(entry.pid()).isEqualTo(1234);
    }

    @Test
    void emptyShortAndTruncatedTablesLoseNothingThatIsThere() {
        List<SocketEntry> rows = new ArrayList<>();
        assertThat(IpHelperTables.decode(UDP4, table(12, 0), 4, rows)).isZero();
        assertThat(IpHelperTables.decode(UDP4, ByteBuffer.allocate(0), 0, rows)).isZero();
        assertThat(IpHelperTables.decode(UDP4, ByteBuffer.allocate(2), 2, rows)).isEqualTo(1);
        assertThat(rows).isEmpty();

        byte[] udp = ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).put(new byte[] {127, 0, 0, 1})
                .put((byte) 0x00).put((byte) 0x35).putShort((short) 0).putInt(900).array();
        ByteBuffer promisesThree = table(12, 3, udp, udp);

        assertThat(IpHelperTables.decode(UDP4, promisesThree, promisesThree.limit() - 5, rows)).isEqualTo(2);
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).local()).isEqualTo(Endpoint.of("127.0.0.1", 53));
    }

    @Test
    void aLengthOutsideTheBufferIsTheCallersMistake() {
        List<SocketEntry> rows = new ArrayList<>();
        ByteBuffer empty = table(12, 0);

        assertThatThrownBy(() -> IpHelperTables.decode(UDP4, empty, 5, rows))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("length 5 is outside the buffer of 4 bytes");
        assertThatThrownBy(() -> IpHelperTables.decode(UDP4, empty, -1, rows))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length -1");
    }
}
