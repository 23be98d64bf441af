package io.procnet.collect.posix.internal.linux;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs against a fake /proc with both fd scanners: the libc one and the pure Java one. */
abstract class SocketOwnersContract {
    private static final long RESCAN = 30_000_000_000L;

    @TempDir
    Path root;
    private FakeProc proc;
    private final AtomicLong clock = new AtomicLong();
    private SocketOwners owners;

    @BeforeEach
    void setUp() throws IOException {
        proc = new FakeProc(root)
                .process(100, "nginx", "nginx -g daemon", 0, 10).socketFd(100, 3, 1001).socketFd(100, 4, 1002)
                .link(100, 0, "anon_inode:[eventfd]")
                .process(200, "worker", "worker", 33, 20).socketFd(200, 5, 1002).link(200, 6, "pipe:[77]")
                .process(300, "client", "client", 1000, 30).socketFd(300, 3, 1003);
        Files.createDirectories(root.resolve("self"));
        Files.writeString(root.resolve("uptime"), "1 2\n");
        owners = new SocketOwners(root, () -> scanner(root), clock::get, RESCAN, SocketOwnersContract::entries);
    }

    abstract FdScanner scanner(Path root);

    /** The fd count as Linux 6.2 and later give it: the number of entries of the fd directory. */
    private static long entries(Path fdDirectory) {
        try (var list = Files.list(fdDirectory)) {
            return list.count();
        } catch (IOException e) {
            return 0;
        }
    }

    private long[][] refresh(long... inodes) {
        return owners.resolve(inodes);
    }

    @Test
    void scannerReadsOnlyTheLinksAskedFor() throws IOException {
        java.util.Map<Integer, Long> seen = new java.util.TreeMap<>();
        scanner(root).scan(100, fd -> fd != 4, seen::put);

        assertThat(seen).isEqualTo(java.util.Map.of(0, 0L, 3, 1001L, 4, FdScanner.UNREAD));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> scanner(root).scan(999, fd -> true, (fd, inode) -> { }))
                .isInstanceOf(java.nio.file.NoSuchFileException.class);
    }

    @Test
    void findsOwnersAndEveryHolderOfASharedSocket() {
        refresh(1001L, 1002L, 1003L);

        assertThat(owners.ownersOf(1001)).containsExactly(100);
        assertThat(owners.ownersOf(1002)).containsExactlyInAnyOrder(100, 200);
        assertThat(owners.ownersOf(1003)).containsExactly(300);
        assertThat(owners.walks()).isEqualTo(1);
    }

    @Test
    void resolveAnswersPerInodeAndZeroIsNoSocket() {
        long[][] pids = refresh(1003L, 0L, 4242L);

        assertThat(pids[0]).containsExactly(300);
        assertThat(pids[1]).isNull();
        assertThat(pids[2]).isNull();
    }

    @Test
    void manyProcessesAreWalkedInParallelAndMergedWhole() throws IOException {
        for (long pid = 1000; pid < 1064; pid++) {
            proc.process(pid, "w" + pid, "worker", 0, pid).socketFd(pid, 3, pid * 10).socketFd(pid, 4, 1002);
        }
        long[] inodes = new long[64];
        for (int i = 0; i < 64; i++) {
            inodes[i] = (1000 + i) * 10L;
        }

        long[][] pids = owners.resolve(inodes);

        for (int i = 0; i < 64; i++) {
            assertThat(pids[i]).containsExactly(1000 + i);
        }
        assertThat(refresh(1002L)[0]).hasSize(66).isSorted().startsWith(100); // 100, 200 and the 64 workers
    }

    @Test
    void theHoldersOfASharedSocketAreSortedSoThatTheLowestIsItsOwner() throws IOException {
        for (long pid = 1063; pid >= 1000; pid--) {
            proc.process(pid, "w" + pid, "worker", 0, pid).socketFd(pid, 3, 5000);
        }
        proc.process(999, "master", "master", 0, 1).socketFd(999, 3, 5000);

        for (int rescan = 0; rescan < 3; rescan++) {
            clock.addAndGet(RESCAN);
            long[] holders = refresh(1001L, 5000L)[1];

            assertThat(holders).hasSize(65).isSorted().startsWith(999L);
        }
        int walks = owners.walks();
        proc.process(5, "late", "late", 0, 2).socketFd(5, 3, 5000).socketFd(5, 4, 5001);

        refresh(1001L, 5000L, 5001L); // 5001 is new: an incremental walk, which finds 5 holding 5000 too

        assertThat(owners.walks()).isEqualTo(walks + 1);
        assertThat(owners.ownersOf(5000)).hasSize(66).isSorted().startsWith(5L);
    }

    @Test
    void aPidIsAddedInItsPlace() {
        long[] one = SocketOwners.withPid(new long[0], 300);
        long[] two = SocketOwners.withPid(one, 100);
        long[] three = SocketOwners.withPid(two, 200);

        assertThat(one).containsExactly(300);
        assertThat(two).containsExactly(100, 300);
        assertThat(three).containsExactly(100, 200, 300);
        assertThat(SocketOwners.withPid(three, 400)).containsExactly(100, 200, 300, 400);
        assertThat(SocketOwners.withPid(three, 200)).isSameAs(three);
    }

    @Test
    void knownInodesCauseNoWalk() {
        refresh(1001L, 1003L);
        refresh(1001L, 1003L);
        refresh(1001L);

        assertThat(owners.walks()).isEqualTo(1);
    }

    @Test
    void aNewSocketIsFoundByAnIncrementalWalk() throws IOException {
        refresh(1001L);
        proc.socketFd(300, 9, 1009);

        refresh(1001L, 1009L);

        assertThat(owners.ownersOf(1009)).containsExactly(300);
        assertThat(owners.walks()).isEqualTo(2);
    }

    @Test
    void aSocketClosedBeforeTheWalkCostsNoReadingOfEveryLink() {
        refresh(1001L);
        refresh(1001L, 7777L); // in the dump, gone before the walk: the incremental walk misses it
        refresh(1001L);

        assertThat(owners.walks()).isEqualTo(2);
    }

    @Test
    void anFdThatEscapedTheIncrementalWalkIsFoundAtTheNextCollect() throws IOException {
        refresh(1001L, 1002L, 1003L);
        proc.closeFd(200, 6);
        proc.socketFd(200, 6, 1099); // the pipe's number is reused: same fd count, a link seen before

        assertThat(refresh(1001L, 1002L, 1003L, 1099L)[3]).isNull();
        assertThat(refresh(1001L, 1002L, 1003L, 1099L)[3]).containsExactly(200);
        assertThat(owners.walks()).isEqualTo(4); // cold, incremental, incremental, every link
    }

    @Test
    void aReusedFdNumberIsReadAgainInOneWalk() throws IOException {
        refresh(1001L, 1003L);
        int walks = owners.walks();
        proc.closeFd(300, 3);
        proc.socketFd(300, 3, 1033); // same fd number, same fd count, new socket

        refresh(1001L, 1033L);

        assertThat(owners.ownersOf(1033)).containsExactly(300);
        assertThat(owners.walks()).isEqualTo(walks + 1); // 1003 vanished, so process 300 was read again
    }

    @Test
    void anUnresolvableInodeIsRememberedUntilTheNextFullRescan() throws IOException {
        refresh(1001L, 4242L);
        int walks = owners.walks();
        assertThat(walks).isEqualTo(1); // a cold read of every link: no second walk for 4242

        refresh(1001L, 4242L);
        refresh(1001L, 4242L);
        assertThat(owners.ownersOf(4242)).isNull();
        assertThat(owners.walks()).isEqualTo(walks);

        proc.socketFd(300, 8, 4242);
        clock.addAndGet(RESCAN);
        refresh(1001L, 4242L);
        assertThat(owners.ownersOf(4242)).containsExactly(300);
    }

    @Test
    void fullRescanCorrectsAnOwnerThatChanged() throws IOException {
        refresh(1003L);
        proc.closeFd(300, 3);
        proc.socketFd(100, 7, 1003); // the socket was handed to another process

        clock.addAndGet(RESCAN);
        refresh(1003L);

        assertThat(owners.ownersOf(1003)).containsExactly(100);
    }

    @Test
    void processesThatExitedAreSkippedSilently() throws IOException {
        refresh(1001L);
        proc.exit(300);
        Files.createDirectories(root.resolve("400")); // a process that vanished between listing and walking

        refresh(1001L, 1002L, 5555L);

        assertThat(owners.ownersOf(1001)).containsExactly(100);
        assertThat(owners.deniedProcesses()).isZero();
    }

    @Test
    void parsesLinkTargetsAndNames() {
        assertThat(FdScanner.socketInode("socket:[12345]")).isEqualTo(12345);
        assertThat(FdScanner.socketInode("pipe:[12345]")).isZero();
        assertThat(FdScanner.socketInode("socket:[x]")).isZero();
        assertThat(FdScanner.socketInode("/dev/null")).isZero();
        assertThat(SocketOwners.parsePid("4711")).isEqualTo(4711);
        assertThat(SocketOwners.parsePid("self")).isEqualTo(-1);
        assertThat(SocketOwners.parsePid("")).isEqualTo(-1);
    }
}
