package io.procnet.collect.posix.internal.linux;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.function.ToLongFunction;

/**
 * Which processes hold each socket inode, from the {@code socket:[inode]} links under
 * {@code /proc/<pid>/fd}. Not thread-safe.
 *
 * <p>Incremental: an inode already known keeps its owner, and only inodes not seen before cause
 * a walk. The walk lists each process's fds but reads links only for fds it has not seen, and on
 * Linux 6.2 and later skips a process whose fd count (the size of its {@code fd} directory) did
 * not change. An fd number closed and opened again between two walks escapes that, so the
 * processes whose sockets vanished from the table have all their links read again. A new inode
 * that the walk still does not find is most often a socket closed since the dump; if it is still
 * there at the next collect, every link is read again. Inodes that a reading of every link does
 * not find (owned outside our pid namespace, or by another user when not root) are remembered as
 * unresolvable until the next periodic full rescan, which also catches owners that changed.
 */
public final class SocketOwners {
    /** Gone inodes are forgotten once the index holds this many more than twice the live ones. */
    private static final int SLACK = 1024;
    /** Threads of a walk, at most one per core: the walk waits on the kernel, not on Java. */
    private static final int WORKERS = Integer.getInteger("procnet.walkers",
            Math.max(1, Math.min(4, Runtime.getRuntime().availableProcessors())));
    /** Fewer processes than this per thread are walked by fewer threads. */
    private static final int PROCESSES_PER_WORKER = 16;
    private static ExecutorService walkers;

    private final Path procRoot;
    private final Supplier<FdScanner> fds;
    private final LongSupplier nanoClock;
    private final long fullRescanNanos;
    private final long selfPid = ProcessHandle.current().pid();
    private final ToLongFunction<Path> fdCounts;

    /** Owners of the inodes seen, and the unresolvable ones; stamped with the last round that looked each up. */
    private final InodeTable owners = new InodeTable();
    private int round;
    private final Map<Long, ProcessFds> processes = new HashMap<>();
    private final Set<Long> relisted = new HashSet<>();
    /** New inodes that the last incremental walk did not find: not yet known to be unresolvable. */
    private Set<Long> unconfirmed = Set.of();
    private long lastFullScan;
    private boolean scanned;
    private int deniedProcesses;
    private int walks;

    /** The fds of one process seen so far: fd number to socket inode, 0 for anything else. */
    private static final class ProcessFds {
        /** Indexed by fd number (fds are small and dense): the socket inode, 0 for another file, -1 unseen. */
        long[] inodeByFd = new long[0];
        long fdCount = -1;

        boolean seen(int fd) {
            return fd < inodeByFd.length && inodeByFd[fd] >= 0;
        }

        void put(int fd, long inode) {
            if (fd >= inodeByFd.length) {
                int length = Math.max(fd + 1, inodeByFd.length * 2);
                int old = inodeByFd.length;
                inodeByFd = Arrays.copyOf(inodeByFd, length);
                Arrays.fill(inodeByFd, old, length, -1);
            }
            inodeByFd[fd] = inode;
        }

        void forget() {
            Arrays.fill(inodeByFd, -1);
        }
    }

    /**
     * @param procRoot        normally {@code /proc}
     * @param fds             makes the readers of {@code <procRoot>/<pid>/fd}, one per walker thread
     * @param nanoClock       a monotonic clock in nanoseconds
     * @param fullRescanNanos how often every link is read again
     */
    public SocketOwners(Path procRoot, Supplier<FdScanner> fds, LongSupplier nanoClock, long fullRescanNanos) {
        this(procRoot, fds, nanoClock, fullRescanNanos, SocketOwners::fdCountOf);
    }

    /**
     * @param fdCounts the number of open fds of a process from its {@code fd} directory, 0 when
     *                 unknown (tests give one that counts a fake directory's entries)
     */
    SocketOwners(Path procRoot, Supplier<FdScanner> fds, LongSupplier nanoClock, long fullRescanNanos,
                 ToLongFunction<Path> fdCounts) {
        this.procRoot = procRoot;
        this.fds = fds;
        this.nanoClock = nanoClock;
        this.fullRescanNanos = fullRescanNanos;
        this.fdCounts = fdCounts;
    }

    /**
     * The pids holding each inode ({@code null} where unknown), sorted: the first, lowest, is the
     * socket's owner (see {@link #withPid}). Walks {@code /proc} only when some inode is new or
     * the periodic full rescan is due. Forgets inodes that are gone once the index holds many
     * more than {@code inodes}.
     */
    public long[][] resolve(long[] inodes) {
        long now = nanoClock.getAsLong();
        boolean everyLinkRead = !scanned || now - lastFullScan >= fullRescanNanos;
        if (everyLinkRead) {
            fullScan(now);
        }
        round++;
        long[][] pids = new long[inodes.length][];
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < inodes.length; i++) {
            if (inodes[i] != 0) {
                long[] known = owners.lookUp(inodes[i], round);
                if (known == null) {
                    pending.add(i);
                } else if (known != InodeTable.UNRESOLVABLE) {
                    pids[i] = known;
                }
            }
        }
        if (!pending.isEmpty() && !everyLinkRead) {
            walk(false, forgetVanished());
            if (anyUnowned(inodes, pending, unconfirmed)) {
                fullScan(now); // the socket outlived a collect: some fd escaped even the dirty processes
                everyLinkRead = true;
                for (long inode : inodes) {
                    if (inode != 0) {
                        owners.lookUp(inode, round); // the table's inodes are this round's again
                    }
                }
            }
        }
        Set<Long> stillUnconfirmed = new HashSet<>();
        for (int i : pending) {
            pids[i] = ownersOf(inodes[i]);
            if (pids[i] != null) {
                owners.lookUp(inodes[i], round);
            } else if (everyLinkRead) {
                owners.putUnresolvable(inodes[i], round);
            } else {
                stillUnconfirmed.add(inodes[i]);
            }
        }
        unconfirmed = stillUnconfirmed;
        if (owners.size() > 2 * inodes.length + SLACK) {
            owners.removeUnseen(round, (gone, lastLookedUp) -> { });
        }
        return pids;
    }

    /**
     * Forgets the inodes no longer in the table and returns the processes that held them: a
     * process that closed a socket may have opened a new one on the same fd number, with the same
     * fd count, so its fds are read again rather than trusted. Inodes no table ever held (unix
     * sockets found by a walk) are forgotten without making their processes dirty.
     */
    private Set<Long> forgetVanished() {
        Set<Long> dirty = new HashSet<>();
        owners.removeUnseen(round, (gone, lastLookedUp) -> {
            if (lastLookedUp != 0) {
                for (long pid : gone) {
                    dirty.add(pid);
                }
            }
        });
        return dirty;
    }

    /** Whether an inode at one of {@code positions} is still unowned and was in {@code earlier} too. */
    private boolean anyUnowned(long[] inodes, List<Integer> positions, Set<Long> earlier) {
        for (int i : positions) {
            if (earlier.contains(inodes[i]) && ownersOf(inodes[i]) == null) {
                return true;
            }
        }
        return false;
    }

    /** The pids holding {@code inode}, sorted (the first, lowest, is the socket's owner), or null when unknown. */
    public long[] ownersOf(long inode) {
        long[] pids = owners.get(inode);
        return pids == InodeTable.UNRESOLVABLE ? null : pids;
    }

    /**
     * The pids whose fds were listed since the last call: processes that opened sockets, and so
     * may be new processes under a reused pid.
     */
    public Set<Long> takeRelistedPids() {
        Set<Long> pids = Set.copyOf(relisted);
        relisted.clear();
        return pids;
    }

    /** Processes whose fds the last walk could not read (not running as root). */
    public int deniedProcesses() {
        return deniedProcesses;
    }

    /** How many walks of {@code /proc} have been made, for tests and benchmarks. */
    public int walks() {
        return walks;
    }

    private void fullScan(long now) {
        owners.clear();
        processes.clear();
        walk(true, Set.of());
        scanned = true;
        lastFullScan = now;
    }

    /**
     * One pass over {@code /proc}. The walk is syscall-bound, so the processes are split over
     * up to {@link #WORKERS} threads, each with its own scanner; each process is walked by one
     * thread, and the results are merged here.
     *
     * @param readAll read every link, also of fds seen before
     * @param dirty   processes whose every link is read again, whatever their fd count
     */
    private void walk(boolean readAll, Set<Long> dirty) {
        walks++;
        List<Long> pids = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(procRoot)) {
            for (Path entry : entries) {
                long pid = parsePid(entry.getFileName().toString());
                if (pid >= 0) {
                    pids.add(pid);
                    processes.computeIfAbsent(pid, p -> new ProcessFds());
                }
            }
        } catch (IOException e) {
            return; // no /proc at all: every socket stays unowned, and the collector says so
        }
        int workers = Math.max(1, Math.min(WORKERS, pids.size() / PROCESSES_PER_WORKER));
        List<CompletableFuture<WalkResult>> others = new ArrayList<>();
        for (int w = 1; w < workers; w++) {
            int first = w;
            others.add(CompletableFuture.supplyAsync(() -> walkEvery(pids, first, workers, readAll, dirty), pool()));
        }
        List<WalkResult> results = new ArrayList<>();
        results.add(walkEvery(pids, 0, workers, readAll, dirty));
        for (CompletableFuture<WalkResult> other : others) {
            results.add(other.join());
        }
        int denied = 0;
        for (WalkResult result : results) {
            for (int i = 0; i < result.foundCount; i += 2) {
                addOwner(result.found[i], result.found[i + 1]);
            }
            processes.keySet().removeAll(result.gone);
            relisted.addAll(result.relisted);
            denied += result.denied;
        }
        deniedProcesses = denied;
        processes.keySet().retainAll(new HashSet<>(pids)); // processes that are gone
    }

    /** What one worker found: (inode, pid) pairs, processes gone or refused, processes relisted. */
    private static final class WalkResult {
        long[] found = new long[64];
        int foundCount;
        final List<Long> gone = new ArrayList<>();

        void found(long inode, long pid) {
            if (foundCount + 2 > found.length) {
                found = Arrays.copyOf(found, found.length * 2);
            }
            found[foundCount++] = inode;
            found[foundCount++] = pid;
        }
        final List<Long> relisted = new ArrayList<>();
        int denied;
    }

    /** Walks {@code pids[first]}, {@code pids[first + step]}, ... */
    private WalkResult walkEvery(List<Long> pids, int first, int step, boolean readAll, Set<Long> dirty) {
        WalkResult result = new WalkResult();
        FdScanner scanner = fds.get();
        for (int i = first; i < pids.size(); i += step) {
            long pid = pids.get(i);
            walkProcess(pid, readAll || dirty.contains(pid), scanner, result);
        }
        return result;
    }

    /** Reads one process's socket links into {@code result}; touches no shared state but its own ProcessFds. */
    private void walkProcess(long pid, boolean readAll, FdScanner scanner, WalkResult result) {
        ProcessFds seen = processes.get(pid);
        boolean self = pid == selfPid; // our own fds come and go as we walk: never trust them
        long fdCount = fdCounts.applyAsLong(procRoot.resolve(Long.toString(pid)).resolve("fd"));
        if (!readAll && !self && fdCount > 0 && fdCount == seen.fdCount) {
            return;
        }
        boolean rereadAll = readAll || self;
        if (rereadAll) {
            seen.forget();
        }
        try {
            scanner.scan(pid, fd -> rereadAll || !seen.seen(fd), (fd, inode) -> {
                if (inode != FdScanner.UNREAD) {
                    seen.put(fd, inode);
                    if (inode > 0) {
                        result.found(inode, pid);
                    }
                }
            });
        } catch (AccessDeniedException e) {
            result.gone.add(pid); // EACCES: skip the rest of this process
            result.denied++;
            return;
        } catch (IOException e) {
            result.gone.add(pid); // exited while we looked, or unreadable: skipped silently
            return;
        }
        seen.fdCount = fdCount;
        result.relisted.add(pid);
    }

    /** The walker threads: daemons, made on first need. */
    private static synchronized ExecutorService pool() {
        if (walkers == null) {
            AtomicInteger count = new AtomicInteger();
            walkers = Executors.newFixedThreadPool(WORKERS - 1, runnable -> {
                Thread thread = new Thread(runnable, "procnet-proc-walker-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }
        return walkers;
    }

    private void addOwner(long inode, long pid) {
        long[] pids = ownersOf(inode);
        long[] more = withPid(pids == null ? NO_PIDS : pids, pid);
        if (more != pids) {
            owners.put(inode, more);
        }
    }

    private static final long[] NO_PIDS = new long[0];

    /**
     * {@code pids} (sorted) with {@code pid} added in its place, or {@code pids} itself when it
     * holds it already. The lowest pid is the socket's owner: the walk finds the holders of a
     * shared socket in whatever order the threads reach them, so taking the first one found made
     * the owner of a listener shared by a pre-forking server's master and workers (nginx, Apache,
     * gunicorn) flap between them from one full rescan to the next. The lowest pid is the same on
     * every walk, and it is usually the master, which started first and forked the others.
     */
    static long[] withPid(long[] pids, long pid) {
        int at = Arrays.binarySearch(pids, pid);
        if (at >= 0) {
            return pids;
        }
        int insert = -at - 1;
        long[] more = new long[pids.length + 1];
        System.arraycopy(pids, 0, more, 0, insert);
        more[insert] = pid;
        System.arraycopy(pids, insert, more, insert + 1, pids.length - insert);
        return more;
    }

    /** Linux 6.2+ reports the number of open fds as the size of the fd directory; 0 means unknown. */
    private static long fdCountOf(Path fdDir) {
        try {
            return Files.size(fdDir);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A decimal name as a number, -1 for any other name. */
    public static long parsePid(String name) {
        if (name.isEmpty() || name.length() > 18) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

}
