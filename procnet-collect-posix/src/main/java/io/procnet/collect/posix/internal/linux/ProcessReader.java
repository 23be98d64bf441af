package io.procnet.collect.posix.internal.linux;

import io.procnet.model.ProcessInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Process details from {@code /proc/<pid>/{stat,comm,cmdline,status}}, cached per (pid, start
 * time). A cached process is handed out without any I/O until it is {@link #invalidate
 * invalidated} (the owner walk saw its fds change, which is how a reused pid shows up) or its
 * entry is older than a revalidation period; then one {@code stat} read tells whether the pid
 * still names the same process under the same name (an exec keeps the start time but not the
 * name). That read also gives the parent pid, which changes without any of the rest: when a
 * parent exits, the kernel hands its children to init or to a subreaper, so a cached process
 * comes back with its new parent; between two {@code stat} reads the parent is as old as the
 * last one, at most {@link #REVALIDATE_NANOS}. Not thread-safe.
 */
public final class ProcessReader {
    /** USER_HZ: the unit of /proc times, 100 on every mainstream Linux architecture. */
    private static final long TICKS_PER_SECOND = 100;

    /** A cached process is checked again at least this often, so that renames and reused pids show. */
    public static final long REVALIDATE_NANOS = 30_000_000_000L;

    private final Path procRoot;
    private final UserNames users;
    private final LongSupplier nanoClock;
    private final long bootMillis;
    private Map<Long, Entry> cache = new HashMap<>();
    private Map<Long, Entry> used = new HashMap<>();

    private record Entry(ProcessInfo info, long validatedAt) {
    }

    public ProcessReader(Path procRoot, UserNames users) {
        this(procRoot, users, System::nanoTime);
    }

    public ProcessReader(Path procRoot, UserNames users, LongSupplier nanoClock) {
        this.procRoot = procRoot;
        this.users = users;
        this.nanoClock = nanoClock;
        long boot;
        try {
            boot = parseBootTimeSeconds(ProcFiles.read(procRoot.resolve("stat"))) * 1000;
        } catch (IOException | IllegalArgumentException e) {
            boot = -1;
        }
        this.bootMillis = boot;
    }

    /** The process, or {@link ProcessInfo#unknown(long)} when it exited or cannot be read. */
    public ProcessInfo read(long pid) {
        long now = nanoClock.getAsLong();
        Entry cached = used.containsKey(pid) ? used.get(pid) : cache.get(pid);
        if (cached != null && now - cached.validatedAt() < REVALIDATE_NANOS) {
            used.put(pid, cached);
            return cached.info();
        }
        Path dir = procRoot.resolve(Long.toString(pid));
        String stat;
        long startTicks;
        long parentPid;
        try {
            stat = ProcFiles.read(dir.resolve("stat"));
            startTicks = parseStartTicks(stat);
            parentPid = parseParentPid(stat);
        } catch (IOException | IllegalArgumentException e) {
            return ProcessInfo.unknown(pid);
        }
        Instant start = bootMillis < 0 ? null : Instant.ofEpochMilli(bootMillis + startTicks * 1000 / TICKS_PER_SECOND);
        // the same process keeps its start time; an exec keeps it too but changes the name
        boolean same = cached != null && Objects.equals(cached.info().startTime(), start)
                && isNamed(cached.info().name(), parseName(stat));
        ProcessInfo info;
        if (!same) {
            info = readDetails(pid, parentPid, dir, start);
        } else if (cached.info().parentPid() != parentPid) {
            info = cached.info().withParentPid(parentPid); // re-parented: nothing else to read again
        } else {
            info = cached.info();
        }
        used.put(pid, new Entry(info, now));
        return info;
    }

    /** Makes the next read of these pids check {@code /proc} again. */
    public void invalidate(Iterable<Long> pids) {
        for (Long pid : pids) {
            Entry entry = cache.get(pid);
            if (entry != null) {
                cache.put(pid, new Entry(entry.info(), Long.MIN_VALUE / 2));
            }
        }
    }

    /** Forgets the processes not read since the last call: exited ones leave the cache. */
    public void endCollection() {
        cache = used;
        used = new HashMap<>();
    }

    private ProcessInfo readDetails(long pid, long parentPid, Path dir, Instant start) {
        String name;
        try {
            name = ProcFiles.read(dir.resolve("comm")).strip();
        } catch (IOException e) {
            return ProcessInfo.unknown(pid);
        }
        String commandLine = "";
        try {
            byte[] cmdline = ProcFiles.readBytes(dir.resolve("cmdline"));
            commandLine = parseCmdline(cmdline);
            name = fullName(name, cmdline);
        } catch (IOException e) {
            // a kernel thread, or a process that just exited: keep the name
        }
        String user = null;
        try {
            long uid = parseStatusUid(ProcFiles.read(dir.resolve("status")));
            user = users.nameOf(uid);
        } catch (IOException | IllegalArgumentException e) {
            // keep what we have
        }
        String executable = "";
        try {
            executable = parseExeLink(Files.readSymbolicLink(dir.resolve("exe")).toString());
        } catch (IOException | UnsupportedOperationException e) {
            // a kernel thread, or another user's process when not root
        }
        return new ProcessInfo(pid, parentPid, name, commandLine, user, start, executable, List.of());
    }

    /** The kernel keeps at most this many characters of a process name in {@code comm}. */
    static final int COMM_LENGTH = 15;

    /**
     * The name, made whole when the kernel cut it ({@code QtWebEngineProc}): the file name of
     * the first argument when it starts with the cut name ({@code QtWebEngineProcess}), as
     * psutil does, so rules naming the program match.
     */
    static String fullName(String comm, byte[] cmdline) {
        if (comm.length() < COMM_LENGTH) {
            return comm;
        }
        int end = 0;
        while (end < cmdline.length && cmdline[end] != 0) {
            end++;
        }
        String first = new String(cmdline, 0, end, StandardCharsets.UTF_8);
        String file = first.substring(first.lastIndexOf('/') + 1);
        return file.startsWith(comm) ? file : comm;
    }

    /** Whether the kernel's {@code comm} is the (maybe cut) name {@code name}. */
    static boolean isNamed(String name, String comm) {
        return name.equals(comm) || (comm.length() >= COMM_LENGTH && name.startsWith(comm));
    }

    /** The target of {@code /proc/<pid>/exe}, without the " (deleted)" the kernel adds once the file was replaced. */
    static String parseExeLink(String target) {
        String deleted = " (deleted)";
        return target.endsWith(deleted) ? target.substring(0, target.length() - deleted.length()) : target;
    }

    /** Field 22 of {@code /proc/<pid>/stat}: the start time, in ticks after boot. */
    static long parseStartTicks(String stat) {
        return statField(stat, 22);
    }

    /**
     * Field 4 of {@code /proc/<pid>/stat}: the parent pid; 0 for init and kthreadd, whose parent
     * is the kernel itself.
     */
    static long parseParentPid(String stat) {
        long parent = statField(stat, 4);
        if (parent < 0) {
            throw new IllegalArgumentException("not a parent pid: " + parent);
        }
        return parent;
    }

    /**
     * Field {@code number} (counted from 1, as in proc(5), and at least 3) of {@code stat},
     * counted after the last ')': the name before it may hold anything, spaces and ')' too.
     *
     * @throws IllegalArgumentException when there is no such field or it is not a number
     */
    private static long statField(String stat, int number) {
        int close = stat.lastIndexOf(')');
        if (close < 0) {
            throw new IllegalArgumentException("no ')' in stat");
        }
        String[] fields = stat.substring(close + 1).strip().split(" ");
        // after "pid (comm) " field 3 (state) is fields[0]
        if (fields.length < number - 2) {
            throw new IllegalArgumentException("stat has " + fields.length + " fields after the name");
        }
        return Long.parseLong(fields[number - 3]);
    }

    /** The name in {@code /proc/<pid>/stat}: between the first '(' and the last ')'. */
    static String parseName(String stat) {
        int open = stat.indexOf('(');
        int close = stat.lastIndexOf(')');
        return open >= 0 && close > open ? stat.substring(open + 1, close) : "";
    }

    /** Arguments are NUL-separated; shown joined by spaces. */
    static String parseCmdline(byte[] cmdline) {
        int length = cmdline.length;
        while (length > 0 && cmdline[length - 1] == 0) {
            length--;
        }
        byte[] text = new byte[length];
        for (int i = 0; i < length; i++) {
            text[i] = cmdline[i] == 0 ? (byte) ' ' : cmdline[i];
        }
        return new String(text, StandardCharsets.UTF_8);
    }

    /** The real uid: the first number of the {@code Uid:} line. */
    static long parseStatusUid(String status) {
        for (String line : status.split("\n")) {
            if (line.startsWith("Uid:")) {
                return Long.parseLong(line.substring(4).strip().split("\\s+")[0]);
            }
        }
        throw new IllegalArgumentException("no Uid line");
    }

    /** The {@code btime} line of {@code /proc/stat}: boot time in seconds since the epoch. */
    static long parseBootTimeSeconds(String stat) {
        for (String line : stat.split("\n")) {
            if (line.startsWith("btime ")) {
                return Long.parseLong(line.substring(6).strip());
            }
        }
        throw new IllegalArgumentException("no btime line");
    }
}
