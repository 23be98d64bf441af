package io.procnet.collect.windows.internal;

import io.procnet.spi.AddressCache;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.SocketState;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;

/**
 * Decodes the tables of {@code GetExtendedTcpTable} ({@code TCP_TABLE_OWNER_PID_ALL}) and
 * {@code GetExtendedUdpTable} ({@code UDP_TABLE_OWNER_PID}), IPv4 and IPv6. Pure: bytes in,
 * rows out. A table starts with {@code dwNumEntries} and its rows follow at offset 4; integers
 * are little-endian, addresses and ports in network order (a port in the low 16 bits of a
 * DWORD). Layouts checked with {@code offsetof} by {@code src/test/c/iphlpapi_dump.c}.
 *
 * <p>Owner pid 0 is no process: Windows gives it to the rows no process holds any more
 * ({@code TIME_WAIT} and other closing connections), so those sockets get
 * {@link SocketEntry#NO_PID}. Pid 4 (System, the owner of HTTP.sys listeners) is an owner.
 */
final class IpHelperTables {
    static final int ROWS = 4;
    /** {@code MIB_TCPROW_OWNER_PID}: state 0, local address 4, local port 8, remote address 12, remote port 16, pid 20. */
    static final int TCP4_ROW = 24;
    /** {@code MIB_TCP6ROW_OWNER_PID}: local address 0, scope 16, port 20, remote address 24, scope 40, port 44, state 48, pid 52. */
    static final int TCP6_ROW = 56;
    /** {@code MIB_UDPROW_OWNER_PID}: address 0, port 4, pid 8. */
    static final int UDP4_ROW = 12;
    /** {@code MIB_UDP6ROW_OWNER_PID}: address 0, scope 16, port 20, pid 24. */
    static final int UDP6_ROW = 28;
    /** The owner pid of a row that no process holds. */
    static final long NO_OWNER = 0;

    /** The four tables. */
    enum Table {
        TCP4(Protocol.TCP, 4, TCP4_ROW), TCP6(Protocol.TCP, 16, TCP6_ROW),
        UDP4(Protocol.UDP, 4, UDP4_ROW), UDP6(Protocol.UDP, 16, UDP6_ROW);

        final Protocol protocol;
        final int addressLength;
        final int rowLength;

        Table(Protocol protocol, int addressLength, int rowLength) {
            this.protocol = protocol;
            this.addressLength = addressLength;
            this.rowLength = rowLength;
        }
    }

    private IpHelperTables() {
    }

    /**
     * Adds a {@link SocketEntry} per row of the table in the first {@code length} bytes of
     * {@code in} (from index 0, whatever its position); returns how many rows were skipped: the
     * rows {@code dwNumEntries} promises past the end of the bytes, or 1 for a table too short to
     * hold {@code dwNumEntries}. Every row that is there decodes: a state Windows does not define
     * is {@link SocketState#UNKNOWN}. Reads nothing at or past {@code length}.
     *
     * @throws IllegalArgumentException when {@code length} is negative or past the limit of {@code in}
     */
    static int decode(Table table, ByteBuffer in, int length, List<SocketEntry> out) {
        return decode(table, in, length, out, new AddressCache());
    }

    /** {@link #decode(Table, ByteBuffer, int, List)}, making each address once through {@code addresses}. */
    static int decode(Table table, ByteBuffer in, int length, List<SocketEntry> out, AddressCache addresses) {
        if (length < 0 || length > in.limit()) {
            throw new IllegalArgumentException("length " + length + " is outside the buffer of " + in.limit() + " bytes");
        }
        ByteBuffer b = in.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (length < ROWS) {
            return length == 0 ? 0 : 1;
        }
        long promised = b.getInt(0) & 0xFFFFFFFFL;
        long fit = (length - ROWS) / table.rowLength;
        int rows = (int) Math.min(promised, fit);
        int skipped = (int) Math.min(Integer.MAX_VALUE, promised - rows);
        for (int i = 0; i < rows; i++) {
            int row = ROWS + i * table.rowLength;
            out.add(switch (table) {
                case TCP4 -> tcp4(b, row, addresses);
                case TCP6 -> tcp6(b, row, addresses);
                case UDP4 -> udp(b, row, addresses.v4(b, row), 4, 8);
                case UDP6 -> udp(b, row, addresses.v6(b, row, b.getInt(row + 16)), 20, 24);
            });
        }
        return skipped;
    }

    private static SocketEntry tcp4(ByteBuffer b, int row, AddressCache addresses) {
        SocketState state = SocketState.fromWindowsMib(b.getInt(row));
        Endpoint local = new Endpoint(addresses.v4(b, row + 4), port(b, row + 8));
        Endpoint remote = new Endpoint(addresses.v4(b, row + 12), port(b, row + 16));
        return tcp(local, remote, state, owner(b, row + 20));
    }

    private static SocketEntry tcp6(ByteBuffer b, int row, AddressCache addresses) {
        Endpoint local = new Endpoint(addresses.v6(b, row, b.getInt(row + 16)), port(b, row + 20));
        Endpoint remote = new Endpoint(addresses.v6(b, row + 24, b.getInt(row + 40)), port(b, row + 44));
        SocketState state = SocketState.fromWindowsMib(b.getInt(row + 48));
        return tcp(local, remote, state, owner(b, row + 52));
    }

    private static SocketEntry tcp(Endpoint local, Endpoint remote, SocketState state, long pid) {
        Endpoint peer = state == SocketState.LISTEN || remote.isUnspecified() ? null : remote;
        return new SocketEntry(Protocol.TCP, local, peer, state, pid, 0, null);
    }

    private static SocketEntry udp(ByteBuffer b, int row, InetAddress address, int portAt, int pidAt) {
        Endpoint local = new Endpoint(address, port(b, row + portAt));
        return new SocketEntry(Protocol.UDP, local, null, SocketState.forUdp(null), owner(b, row + pidAt), 0, null);
    }

    /** The port in network order in the low 16 bits of a DWORD: its first two bytes. */
    private static int port(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF);
    }

    /** The owner pid, a DWORD; {@link SocketEntry#NO_PID} for {@link #NO_OWNER}. */
    private static long owner(ByteBuffer b, int at) {
        long pid = b.getInt(at) & 0xFFFFFFFFL;
        return pid == NO_OWNER ? SocketEntry.NO_PID : pid;
    }

}
