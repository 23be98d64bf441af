package io.procnet.collect.posix.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.model.Endpoint;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.model.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The collector over a fake /proc and a scripted socket table. */
class LinuxCollectorTest {
    private static final int LISTEN = 10; // TCP_LISTEN
    private static final Endpoint HTTP = Endpoint.of("0.0.0.0", 8080);

    @Test
    void aListenerSharedByAPreForkingServerIsOwnedByItsMasterOnEveryWalk(@TempDir Path root) throws Exception {
        FakeProc proc = new FakeProc(root).process(5000, "nginx", "nginx: master process", 0, 10).socketFd(5000, 6, 777);
        // more workers than one walker thread takes, so that the walk finds the holders in no fixed order
        for (long worker = 5001; worker <= 5064; worker++) {
            proc.process(worker, "nginx", "nginx: worker process", 33, 20).parent(worker, 5000).socketFd(worker, 6, 777);
        }
        AtomicLong clock = new AtomicLong();
        SocketOwners owners = new SocketOwners(root, () -> new NioFdScanner(root), clock::get, 1, LinuxCollectorTest::entries);
        SocketTable table = () -> new TableRead(
                List.of(RawSocket.of(Protocol.TCP, HTTP, null, LISTEN, 0, 777, null)), List.of());
        LinuxCollector collector = new LinuxCollector("linux-test", table, owners,
                new ProcessReader(root, new UserNames(root.resolve("passwd")), clock::get),
                Clock.fixed(Instant.EPOCH, ZoneOffset.UTC), true);

        for (int collect = 0; collect < 5; collect++) {
            clock.incrementAndGet(); // every collect is a full rescan
            Snapshot snapshot = collector.collect();

            assertThat(snapshot.sockets()).extracting(SocketEntry::pid).containsExactly(5000L);
            assertThat(snapshot.process(5000).parentPid()).isEqualTo(1);
            assertThat(snapshot.process(5064).parentPid()).isEqualTo(5000); // every holder is described
        }
    }

    /** The fd count as Linux 6.2 and later give it: the number of entries of the fd directory. */
    private static long entries(Path fdDirectory) {
        try (var list = Files.list(fdDirectory)) {
            return list.count();
        } catch (IOException e) {
            return 0;
        }
    }
}
