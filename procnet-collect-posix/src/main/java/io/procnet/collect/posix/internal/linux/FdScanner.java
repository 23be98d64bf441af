package io.procnet.collect.posix.internal.linux;

import java.io.IOException;
import java.util.function.IntPredicate;

/** Lists the fds of a process under {@code /proc/<pid>/fd} and reads which socket each one is. */
public interface FdScanner {

    /** Marks an fd whose link was not read. */
    long UNREAD = -1;

    /** Receives one fd: its number and its socket inode (0 for anything but a socket, {@link #UNREAD} when not read). */
    @FunctionalInterface
    interface Visitor {
        void fd(int number, long inode);
    }

    /**
     * Visits every fd of {@code pid}, reading the link only of those {@code readLink} accepts. An
     * fd closed while we look is skipped.
     *
     * @throws java.nio.file.NoSuchFileException     when the process is gone
     * @throws java.nio.file.AccessDeniedException   when its fds may not be read
     */
    void scan(long pid, IntPredicate readLink, Visitor visitor) throws IOException;

    /** The inode of a {@code socket:[12345]} link target, 0 for any other target. */
    static long socketInode(String target) {
        String prefix = "socket:[";
        if (!target.startsWith(prefix) || !target.endsWith("]")) {
            return 0;
        }
        try {
            return Long.parseLong(target, prefix.length(), target.length() - 1, 10);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
