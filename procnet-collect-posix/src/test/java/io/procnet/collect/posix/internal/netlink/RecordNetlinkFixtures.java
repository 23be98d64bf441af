package io.procnet.collect.posix.internal.netlink;

import static io.procnet.collect.posix.internal.netlink.InetDiag.AF_INET;
import static io.procnet.collect.posix.internal.netlink.InetDiag.AF_INET6;
import static io.procnet.collect.posix.internal.netlink.InetDiag.IPPROTO_TCP;
import static io.procnet.collect.posix.internal.netlink.InetDiag.IPPROTO_UDP;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Records the netlink fixtures of {@link InetDiagCodecTest}: each dump's datagrams, each
 * prefixed by its length as 4 little-endian bytes. Run while {@code src/test/resources/.../
 * fixture_load.py} holds its sockets (ports 47001-47005):
 * {@code python3 fixture_load.py 10 & mvn -q -pl procnet-collect-posix test-compile exec:exec@record-netlink}.
 */
public final class RecordNetlinkFixtures {
    private RecordNetlinkFixtures() {
    }

    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args.length > 0 ? args[0]
                : "procnet-collect-posix/src/test/resources/io/procnet/collect/posix/internal/netlink");
        try (NetlinkSocket socket = new NetlinkSocket()) {
            record(socket, AF_INET, IPPROTO_TCP, true, dir.resolve("tcp4-with-info.bin"));
            record(socket, AF_INET6, IPPROTO_TCP, true, dir.resolve("tcp6-v6-and-v4mapped-with-info.bin"));
            record(socket, AF_INET6, IPPROTO_TCP, false, dir.resolve("tcp6-without-info.bin"));
            record(socket, AF_INET, IPPROTO_UDP, false, dir.resolve("udp4.bin"));
            record(socket, AF_INET6, IPPROTO_UDP, false, dir.resolve("udp6.bin"));
        }
    }

    private static void record(NetlinkSocket socket, int family, int protocol, boolean info, Path file)
            throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        socket.dump(family, protocol, info, (datagram, length, sequence) -> {
            out.write(new byte[] {(byte) length, (byte) (length >> 8), (byte) (length >> 16), (byte) (length >> 24)});
            byte[] bytes = new byte[length];
            datagram.get(0, bytes);
            out.write(bytes);
            // stop after NLMSG_DONE or NLMSG_ERROR, which is the last message of a datagram
            return !endsDump(datagram, length);
        });
        Files.write(file, out.toByteArray());
        System.out.println(file + ": " + out.size() + " bytes");
    }

    private static boolean endsDump(java.nio.ByteBuffer datagram, int length) {
        InetDiagCodec.Decoded decoded = new InetDiagCodec().decode(datagram, length,
                io.procnet.model.Protocol.TCP, InetDiagCodec.ANY_SEQUENCE, new java.util.ArrayList<>());
        return decoded.status != InetDiagCodec.Status.MORE;
    }
}
