package io.procnet.collect.posix.internal.netlink;

import static io.procnet.collect.posix.internal.netlink.InetDiag.*;

import io.procnet.collect.posix.internal.linux.RawSocket;
import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.TrafficCounters;
import io.procnet.spi.AddressCache;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Duration;
import java.util.List;

/**
 * Encodes {@code inet_diag} dump requests and decodes the replies. Pure: bytes in, rows out;
 * integers are in the host's byte order, ports and addresses in network order. Not
 * thread-safe (it keeps an {@link AddressCache}, so a dump of thousands of loopback sockets
 * shares a few {@link InetAddress} objects).
 */
final class InetDiagCodec {
    private final AddressCache addresses = new AddressCache();

    /** The outcome of one datagram. */
    enum Status {
        /** More datagrams belong to this dump. */
        MORE,
        /** {@code NLMSG_DONE}: the dump is complete. */
        DONE,
        /** {@code NLMSG_ERROR}: see {@link Decoded#errno}. */
        ERROR
    }

    /** What one datagram gave besides its rows. */
    static final class Decoded {
        Status status = Status.MORE;
        int errno;
        int malformed;
    }

    /** Writes a dump request for all sockets of one family and protocol into {@code out} at its position. */
    static void encodeRequest(ByteBuffer out, int sequence, int family, int protocol, boolean tcpInfo) {
        ByteBuffer b = out.order(ByteOrder.nativeOrder());
        int start = b.position();
        b.putInt(NLMSG_HDRLEN + REQ_V2_LENGTH);
        b.putShort((short) SOCK_DIAG_BY_FAMILY);
        b.putShort((short) (NLM_F_REQUEST | NLM_F_DUMP));
        b.putInt(sequence);
        b.putInt(0); // port id: the kernel fills it in
        b.put((byte) family);
        b.put((byte) protocol);
        b.put((byte) (tcpInfo ? 1 << (INET_DIAG_INFO - 1) : 0));
        b.put((byte) 0);
        b.putInt(STATES);
        for (int i = 0; i < 48; i++) {
            b.put((byte) 0); // inet_diag_sockid: no filter
        }
        assert b.position() - start == NLMSG_HDRLEN + REQ_V2_LENGTH;
    }

    /** Accepts messages of any sequence number (for recorded fixtures). */
    static final int ANY_SEQUENCE = -1;

    /**
     * Decodes one datagram of {@code length} bytes from {@code in} (position 0), adding a row per
     * socket to {@code rows}; reads nothing past {@code length}. A message that runs past the
     * datagram (also one cut inside its header), or a socket message too short to hold
     * {@code inet_diag_msg}, is counted as malformed and skipped. Messages of another request
     * than {@code sequence} (left over from a dump that failed) are skipped.
     */
    Decoded decode(ByteBuffer in, int length, Protocol protocol, int sequence, List<RawSocket> rows) {
        ByteBuffer b = in.order(ByteOrder.nativeOrder());
        Decoded result = new Decoded();
        int offset = 0;
        while (offset + NLMSG_HDRLEN <= length) {
            int messageLength = b.getInt(offset);
            int type = b.getShort(offset + 4) & 0xFFFF;
            if (messageLength < NLMSG_HDRLEN || messageLength > length - offset) {
                result.malformed++;
                return result; // the rest of the datagram cannot be framed
            }
            int payload = offset + NLMSG_HDRLEN;
            if (sequence != ANY_SEQUENCE && b.getInt(offset + 8) != sequence) {
                offset += align(messageLength);
                continue;
            }
            if (type == NLMSG_DONE) {
                // a dump cut short by the kernel ends with -errno in the DONE payload
                int code = messageLength >= NLMSG_HDRLEN + 4 ? b.getInt(payload) : 0;
                result.status = code < 0 ? Status.ERROR : Status.DONE;
                result.errno = code < 0 ? -code : 0;
                return result;
            }
            if (type == NLMSG_ERROR) {
                result.status = Status.ERROR;
                result.errno = messageLength >= NLMSG_HDRLEN + 4 ? -b.getInt(payload) : 0;
                return result;
            }
            if (type == SOCK_DIAG_BY_FAMILY) {
                if (messageLength < NLMSG_HDRLEN + MSG_LENGTH) {
                    result.malformed++;
                } else {
                    RawSocket row = decodeSocket(b, payload, offset + messageLength, protocol);
                    if (row == null) {
                        result.malformed++;
                    } else {
                        rows.add(row);
                    }
                }
            }
            offset += align(messageLength);
        }
        if (offset < length) {
            result.malformed++; // the kernel sends whole messages: fewer bytes than a header are one cut short
        }
        return result;
    }

    private RawSocket decodeSocket(ByteBuffer b, int msg, int end, Protocol protocol) {
        int family = b.get(msg + MSG_FAMILY) & 0xFF;
        int addressLength = family == AF_INET ? 4 : family == AF_INET6 ? 16 : -1;
        if (addressLength < 0) {
            return null;
        }
        Endpoint local = new Endpoint(address(b, msg + MSG_SRC, addressLength), port(b, msg + MSG_SPORT));
        Endpoint remote = new Endpoint(address(b, msg + MSG_DST, addressLength), port(b, msg + MSG_DPORT));
        int state = b.get(msg + MSG_STATE) & 0xFF;
        long uid = b.getInt(msg + MSG_UID) & 0xFFFFFFFFL;
        long inode = b.getInt(msg + MSG_INODE) & 0xFFFFFFFFL;
        TrafficCounters traffic = null;
        int attribute = msg + MSG_LENGTH;
        while (attribute + RTA_HDRLEN <= end) {
            int attributeLength = b.getShort(attribute) & 0xFFFF;
            int attributeType = b.getShort(attribute + 2) & 0xFFFF;
            if (attributeLength < RTA_HDRLEN || attribute + attributeLength > end) {
                break;
            }
            if (attributeType == INET_DIAG_INFO) {
                traffic = tcpInfo(b, attribute + RTA_HDRLEN, attributeLength - RTA_HDRLEN);
            }
            attribute += align(attributeLength);
        }
        return RawSocket.of(protocol, local, remote, state, uid, inode, traffic);
    }

    /** The counters of a {@code tcp_info} of {@code length} bytes; fields past its end read as 0. */
    static TrafficCounters tcpInfo(ByteBuffer b, int info, int length) {
        long acked = length >= TCPI_BYTES_ACKED + 8 ? b.getLong(info + TCPI_BYTES_ACKED) : 0;
        long received = length >= TCPI_BYTES_RECEIVED + 8 ? b.getLong(info + TCPI_BYTES_RECEIVED) : 0;
        long segsOut = length >= TCPI_SEGS_OUT + 4 ? b.getInt(info + TCPI_SEGS_OUT) & 0xFFFFFFFFL : 0;
        long segsIn = length >= TCPI_SEGS_IN + 4 ? b.getInt(info + TCPI_SEGS_IN) & 0xFFFFFFFFL : 0;
        Duration rtt = length >= TCPI_RTT + 4 ? Duration.ofNanos((b.getInt(info + TCPI_RTT) & 0xFFFFFFFFL) * 1000)
                : null;
        return new TrafficCounters(Math.max(0, acked), Math.max(0, received), segsOut, segsIn, rtt);
    }

    private static int port(ByteBuffer b, int at) {
        return (b.get(at) & 0xFF) << 8 | (b.get(at + 1) & 0xFF);
    }

    private InetAddress address(ByteBuffer b, int at, int length) {
        return length == 4 ? addresses.v4(b, at) : addresses.v6(b, at, 0);
    }
}
