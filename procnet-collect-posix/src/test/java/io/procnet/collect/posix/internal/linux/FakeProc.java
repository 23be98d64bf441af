package io.procnet.collect.posix.internal.linux;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** A /proc tree in a temp directory: processes with fds that link to sockets, stat, comm, cmdline, status. */
final class FakeProc {
    final Path root;

    FakeProc(Path root) throws IOException {
        this.root = root;
        Files.writeString(root.resolve("stat"), "cpu  1 2 3\nbtime 1795000000\nprocesses 5\n");
    }

    /** A process started {@code startTicks} after boot, child of init (pid 1). */
    FakeProc process(long pid, String comm, String cmdline, long uid, long startTicks) throws IOException {
        Path dir = Files.createDirectories(root.resolve(Long.toString(pid)).resolve("fd")).getParent();
        Files.writeString(dir.resolve("comm"), comm + "\n");
        Files.write(dir.resolve("cmdline"), (cmdline.replace(' ', '\0') + "\0").getBytes(StandardCharsets.UTF_8));
        Files.writeString(dir.resolve("status"), "Name:\t" + comm + "\nUid:\t" + uid + "\t" + uid + "\t" + uid + "\t"
                + uid + "\nGid:\t0\t0\t0\t0\n");
        Files.writeString(dir.resolve("stat"), pid + " (" + comm + ") S 1 " + pid + " " + pid
                + " 0 -1 4194560 100 0 0 0 5 3 0 0 20 0 1 0 " + startTicks + " 1000 100 18446744073709551615\n");
        return this;
    }

    /** Makes {@code ppid} the parent of a process, as the kernel does when its parent exits: only {@code stat} changes. */
    FakeProc parent(long pid, long ppid) throws IOException {
        Path file = root.resolve(Long.toString(pid)).resolve("stat");
        String stat = Files.readString(file);
        int close = stat.lastIndexOf(')');
        String[] after = stat.substring(close + 2).split(" ", 3); // state, ppid, the rest
        Files.writeString(file, stat.substring(0, close + 2) + after[0] + " " + ppid + " " + after[2]);
        return this;
    }

    /** Replaces the command line of a process, leaving everything else as it was. */
    FakeProc cmdline(long pid, String cmdline) throws IOException {
        Files.write(root.resolve(Long.toString(pid)).resolve("cmdline"),
                (cmdline.replace(' ', '\0') + "\0").getBytes(StandardCharsets.UTF_8));
        return this;
    }

    /** The {@code exe} link of a process. */
    FakeProc executable(long pid, String target) throws IOException {
        Files.createSymbolicLink(root.resolve(Long.toString(pid)).resolve("exe"), Path.of(target));
        return this;
    }

    FakeProc socketFd(long pid, int fd, long inode) throws IOException {
        return link(pid, fd, "socket:[" + inode + "]");
    }

    FakeProc link(long pid, int fd, String target) throws IOException {
        Path link = root.resolve(Long.toString(pid)).resolve("fd").resolve(Integer.toString(fd));
        Files.deleteIfExists(link);
        Files.createSymbolicLink(link, Path.of(target));
        return this;
    }

    void closeFd(long pid, int fd) throws IOException {
        Files.delete(root.resolve(Long.toString(pid)).resolve("fd").resolve(Integer.toString(fd)));
    }

    void exit(long pid) throws IOException {
        Path dir = root.resolve(Long.toString(pid));
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
    }
}
