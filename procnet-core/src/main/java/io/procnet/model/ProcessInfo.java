package io.procnet.model;

import java.time.Instant;
import java.util.Objects;

/**
 * A process that owns sockets. Immutable and thread-safe.
 *
 * <p>A pid is only unique together with its start time: the OS reuses pids, so two
 * {@code ProcessInfo}s with the same pid and different start times are different processes.
 *
 * @param pid         process id, >= 0
 * @param name        short name ({@code nginx}, {@code java.exe}); empty when unknown
 * @param commandLine full command line; empty when unknown or not readable
 * @param user        owning user name, or null when unknown
 * @param startTime   when the process started, or null when unknown
 * @param executable  full path of the program file ({@code /usr/sbin/nginx},
 *                    {@code C:\Windows\System32\svchost.exe}); empty when unknown or not readable
 */
public record ProcessInfo(long pid, String name, String commandLine, String user, Instant startTime,
                          String executable) {

    public ProcessInfo {
        if (pid < 0) {
            throw new IllegalArgumentException("pid must not be negative: " + pid);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandLine, "commandLine");
        Objects.requireNonNull(executable, "executable");
    }

    /** A process whose executable is not known. */
    public ProcessInfo(long pid, String name, String commandLine, String user, Instant startTime) {
        this(pid, name, commandLine, user, startTime, "");
    }

    /** A process whose details could not be read: it exited, or access was denied. */
    public static ProcessInfo unknown(long pid) {
        return new ProcessInfo(pid, "", "", null, null, "");
    }

    /** True when nothing but the pid is known. */
    public boolean isUnknown() {
        return name.isEmpty() && commandLine.isEmpty() && user == null && startTime == null && executable.isEmpty();
    }

    /** The name, or {@code pid <n>} when the name is unknown: what a person should read. */
    public String displayName() {
        return name.isEmpty() ? "pid " + pid : name;
    }
}
