package io.procnet.collect.posix.internal.linux;

import io.procnet.spi.Availability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Facts about the Linux host shared by the Linux collectors. */
public final class LinuxHost {
    /** Every owner is read again this often, which corrects ownership changes. */
    public static final long FULL_RESCAN_NANOS = TimeUnit.SECONDS.toNanos(30);
    public static final Path PROC = Path.of("/proc");

    private LinuxHost() {
    }

    /** Unavailable with the reason when this is not Linux or {@code /proc/net/tcp} cannot be read. */
    public static Availability probe() {
        String os = System.getProperty("os.name", "");
        if (!os.toLowerCase(Locale.ROOT).startsWith("linux")) {
            return Availability.unavailable("not Linux: " + os);
        }
        if (!Files.isReadable(PROC.resolve("net/tcp"))) {
            return Availability.unavailable("/proc/net/tcp is not readable");
        }
        return Availability.available("Linux with /proc");
    }

    /** Root, or a process with the effective capabilities to read every process's fds. */
    public static boolean privileged() {
        try {
            for (String line : ProcFiles.read(PROC.resolve("self/status")).split("\n")) {
                if (line.startsWith("CapEff:")) {
                    long caps = Long.parseUnsignedLong(line.substring(7).strip(), 16);
                    long ptrace = 1L << 19; // CAP_SYS_PTRACE
                    long dacRead = 1L << 2; // CAP_DAC_READ_SEARCH
                    return (caps & ptrace) != 0 && (caps & dacRead) != 0;
                }
            }
        } catch (IOException | NumberFormatException e) {
            return false;
        }
        return false;
    }

    /**
     * A collector over the tables of our own network namespace ({@code own}) and of every other
     * one ({@code others}, given a process in it), with the owners and process details of this
     * host.
     */
    public static LinuxCollector collector(String id, SocketTable own, AllNamespaces.TableFactory others) {
        return new LinuxCollector(id, new AllNamespaces(own, others, new NetNamespaces(PROC)),
                new SocketOwners(PROC, fdScanners(), System::nanoTime, FULL_RESCAN_NANOS),
                new ProcessReader(PROC, new UserNames(Path.of("/etc/passwd"))), Clock.systemUTC(), privileged());
    }

    /** Makes libc fd scanners on 64-bit Linux where JNA loads, else pure Java ones. */
    static Supplier<FdScanner> fdScanners() {
        try {
            LibC.getpid();
            if (com.sun.jna.Native.POINTER_SIZE == 8) {
                return () -> new LibcFdScanner(PROC.toString());
            }
        } catch (LinkageError e) {
            // no JNA here: the pure Java scanner reads the same links
        }
        return () -> new NioFdScanner(PROC);
    }
}
