package io.procnet.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A process that owns sockets. Immutable and thread-safe.
 *
 * <p>A pid is only unique together with its start time: the OS reuses pids, so two
 * {@code ProcessInfo}s with the same pid and different start times are different processes.
 *
 * @param pid         process id, >= 0
 * @param parentPid   the parent's process id (Linux {@code /proc/<pid>/stat}, Windows
 *                    {@code th32ParentProcessID}), or {@link #NO_PARENT} when the OS does not say
 * @param name        short name ({@code nginx}, {@code java.exe}); empty when unknown
 * @param commandLine full command line; empty when unknown or not readable
 * @param user        owning user name, or null when unknown
 * @param startTime   when the process started, or null when unknown
 * @param executable  full path of the program file ({@code /usr/sbin/nginx},
 *                    {@code C:\Windows\System32\svchost.exe}); empty when unknown or not readable
 * @param services    the services the process hosts (Windows: {@code Dnscache} and {@code NlaSvc} in
 *                    one {@code svchost.exe}), sorted; empty when none or unknown
 */
public record ProcessInfo(long pid, long parentPid, String name, String commandLine, String user,
                          Instant startTime, String executable, List<String> services) {

    /** The {@link #parentPid()} of a process whose parent is not known. */
    public static final long NO_PARENT = -1;

    public ProcessInfo {
        if (pid < 0) {
            throw new IllegalArgumentException("pid must not be negative: " + pid);
        }
        if (parentPid < NO_PARENT) {
            throw new IllegalArgumentException("parent pid must be >= 0, or -1 when unknown: " + parentPid);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(executable, "executable");
        services = List.copyOf(Objects.requireNonNull(services, "services"));
    }

    /** A process whose parent is not known. */
    public ProcessInfo(long pid, String name, String commandLine, String user, Instant startTime, String executable,
                       List<String> services) {
        this(pid, NO_PARENT, name, commandLine, user, startTime, executable, services);
    }

    /** A process that hosts no services and whose parent is not known. */
    public ProcessInfo(long pid, String name, String commandLine, String user, Instant startTime, String executable) {
        this(pid, NO_PARENT, name, commandLine, user, startTime, executable, List.of());
    }

    /** A process whose executable is not known. */
    public ProcessInfo(long pid, String name, String commandLine, String user, Instant startTime) {
        this(pid, name, commandLine, user, startTime, "");
    }

    /** The same process, hosting {@code services}. */
    public ProcessInfo withServices(List<String> services) {
        return new ProcessInfo(pid, parentPid, name, commandLine, user, startTime, executable, services);
    }

    /** The same process, child of {@code parentPid}. */
    public ProcessInfo withParentPid(long parentPid) {
        return new ProcessInfo(pid, parentPid, name, commandLine, user, startTime, executable, services);
    }

    /** A process whose details could not be read: it exited, or access was denied. */
    public static ProcessInfo unknown(long pid) {
        return new ProcessInfo(pid, NO_PARENT, "", "", null, null, "", List.of());
    }

    /** True when nothing but the pid is known. */
    public boolean isUnknown() {
        return parentPid == NO_PARENT && name.isEmpty() && commandLine.isEmpty() && user == null && startTime == null
                && executable.isEmpty() && services.isEmpty();
    }

    /**
     * What a person should read: the name, or {@code pid <n>} when the name is unknown; a process
     * hosting services reads {@code svchost (Dnscache, NlaSvc)}, without the {@code .exe}, or
     * {@code pid 900 (Dnscache)} when its name is unknown.
     */
    public String displayName() {
        String base = name.isEmpty() ? "pid " + pid : name;
        if (services.isEmpty()) {
            return base;
        }
        boolean exe = base.regionMatches(true, Math.max(0, base.length() - 4), ".exe", 0, 4);
        return (exe ? base.substring(0, base.length() - 4) : base) + " (" + String.join(", ", services) + ")";
    }
}
