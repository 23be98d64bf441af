package io.procnet.collect.posix.internal.netlink;

import static io.procnet.collect.posix.internal.netlink.InetDiag.*;

import io.procnet.collect.posix.internal.linux.RawSocket;
import io.procnet.collect.posix.internal.linux.SocketTable;
import io.procnet.collect.posix.internal.linux.TableRead;
import io.procnet.collect.posix.internal.linux.TableReadBuilder;
import io.procnet.model.Protocol;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The socket tables by netlink {@code inet_diag} dumps: TCP and UDP, IPv4 and IPv6 (whose dump
 * also holds the v4-mapped sockets), with {@code tcp_info} counters when asked. The IPv6 dumps
 * run on a second thread beside the IPv4 ones: each dump walks the kernel's whole socket hash
 * (about 16 ms at 100k sockets even when no socket is IPv6), and the two families share
 * nothing. Not thread-safe.
 */
public final class NetlinkTable implements SocketTable {
    /** The second thread, shared by every table; it ends when idle. */
    private static final ThreadPoolExecutor SIDE = sideThread();

    private final CollectorOptions options;
    private final String namespaceFile;
    private final Family ipv4 = new Family(AF_INET);
    private final Family ipv6 = new Family(AF_INET6);

    /** The tables of our own network namespace. */
    public NetlinkTable(CollectorOptions options) {
        this(options, null);
    }

    /** The tables of the network namespace {@code namespaceFile} ({@code /proc/<pid>/ns/net}), or our own when null. */
    public NetlinkTable(CollectorOptions options, String namespaceFile) {
        this.options = options;
        this.namespaceFile = namespaceFile;
    }

    @Override
    public TableRead read() throws CollectorException {
        Future<FamilyRead> second = Runtime.getRuntime().availableProcessors() > 1 ? SIDE.submit(ipv6::read) : null;
        FamilyRead first = ipv4.read();
        FamilyRead other = second == null ? ipv6.read() : join(second);
        TableReadBuilder read = new TableReadBuilder();
        for (FamilyRead family : List.of(first, other)) {
            read.rows().addAll(family.rows);
            family.failures.forEach(read::partFailed);
            for (int malformed : family.malformedPerPart) {
                read.partRead(malformed);
            }
        }
        return read.build("no netlink socket dump succeeded", "netlink messages");
    }

    private static FamilyRead join(Future<FamilyRead> read) {
        boolean interrupted = false;
        try {
            while (true) {
                try {
                    return read.get();
                } catch (InterruptedException e) {
                    interrupted = true; // the dump is short and owns a socket of ours: wait for it
                }
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("netlink dump failed unexpectedly", e.getCause());
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** What the dumps of one address family gave: rows, and per protocol either the malformed count or why it failed. */
    private static final class FamilyRead {
        final List<RawSocket> rows = new ArrayList<>();
        final List<Integer> malformedPerPart = new ArrayList<>();
        final List<String> failures = new ArrayList<>();
    }

    /** The dumps of one address family, with their own socket and decoder. */
    private final class Family {
        private final int family;
        private final InetDiagCodec codec = new InetDiagCodec();
        private NetlinkSocket socket;

        Family(int family) {
            this.family = family;
        }

        FamilyRead read() {
            FamilyRead read = new FamilyRead();
            for (Protocol protocol : Protocol.values()) {
                if (!options.includes(protocol)) {
                    continue;
                }
                try {
                    DumpResult result = dump(protocol, read.rows);
                    if (result.errno != 0) {
                        read.failures.add(describe(protocol) + " sockets could not be read: the kernel answered errno "
                                + result.errno
                                + (result.errno == 2 ? " (is the " + protocol.id() + "_diag module loaded?)" : ""));
                    } else {
                        read.malformedPerPart.add(result.malformed);
                    }
                } catch (IOException e) {
                    read.failures.add(describe(protocol) + " sockets could not be read: " + e.getMessage());
                }
            }
            return read;
        }

        private DumpResult dump(Protocol protocol, List<RawSocket> rows) throws IOException {
            if (socket == null) {
                socket = namespaceFile == null ? new NetlinkSocket() : NetlinkSocket.openIn(namespaceFile);
            }
            DumpResult result = new DumpResult();
            int ipProtocol = protocol == Protocol.TCP ? IPPROTO_TCP : IPPROTO_UDP;
            boolean tcpInfo = protocol == Protocol.TCP && options.trafficCounters();
            boolean completed = false;
            try {
                socket.dump(family, ipProtocol, tcpInfo, (datagram, length, sequence) -> {
                    InetDiagCodec.Decoded decoded = codec.decode(datagram, length, protocol, sequence, rows);
                    result.malformed += decoded.malformed;
                    if (decoded.status == InetDiagCodec.Status.ERROR) {
                        result.errno = decoded.errno;
                    }
                    return decoded.status == InetDiagCodec.Status.MORE;
                });
                completed = true;
            } finally {
                if (!completed) {
                    close(); // a dump that failed may leave datagrams behind: the next one starts afresh
                }
            }
            return result;
        }

        private String describe(Protocol protocol) {
            return protocol.id().toUpperCase(java.util.Locale.ROOT) + (family == AF_INET ? "/IPv4" : "/IPv6");
        }

        void close() {
            if (socket != null) {
                socket.close();
                socket = null;
            }
        }
    }

    private static final class DumpResult {
        int malformed;
        int errno;
    }

    private static ThreadPoolExecutor sideThread() {
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 30, TimeUnit.SECONDS, new LinkedBlockingQueue<>(),
                runnable -> {
                    Thread thread = new Thread(runnable, "procnet-netlink-ipv6");
                    thread.setDaemon(true);
                    return thread;
                });
        executor.allowCoreThreadTimeOut(true);
        return executor;
    }

    @Override
    public void close() {
        ipv4.close();
        ipv6.close();
    }
}
