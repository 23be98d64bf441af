package io.procnet.collect.posix.internal.linux;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.function.IntPredicate;

/** {@link FdScanner} in pure Java: a directory stream and one {@code readSymbolicLink} per fd. */
public final class NioFdScanner implements FdScanner {
    private final Path procRoot;

    public NioFdScanner(Path procRoot) {
        this.procRoot = procRoot;
    }

    @Override
    public void scan(long pid, IntPredicate readLink, Visitor visitor) throws IOException {
        try (DirectoryStream<Path> fds = Files.newDirectoryStream(procRoot.resolve(Long.toString(pid)).resolve("fd"))) {
            for (Path fd : fds) {
                long number = SocketOwners.parsePid(fd.getFileName().toString());
                if (number < 0 || number > Integer.MAX_VALUE) {
                    continue;
                }
                if (!readLink.test((int) number)) {
                    visitor.fd((int) number, UNREAD);
                    continue;
                }
                String target;
                try {
                    target = Files.readSymbolicLink(fd).toString();
                } catch (NoSuchFileException closed) {
                    continue;
                }
                visitor.fd((int) number, FdScanner.socketInode(target));
            }
        }
    }
}
