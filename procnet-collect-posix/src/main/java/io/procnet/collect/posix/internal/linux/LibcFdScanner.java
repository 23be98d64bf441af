package io.procnet.collect.posix.internal.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.function.IntPredicate;

/**
 * {@link FdScanner} through libc, for 64-bit Linux (the {@code dirent} layout below): {@code opendir}/{@code readdir} and {@code readlinkat} relative
 * to the open directory, with the name passed straight from the {@code dirent}, so an fd costs
 * one syscall and no Java string. About three times faster than {@link NioFdScanner}. Not
 * thread-safe (one reused link buffer).
 */
public final class LibcFdScanner implements FdScanner {
    /** {@code struct dirent} of glibc on 64-bit Linux: d_ino 0, d_off 8, d_reclen 16, d_type 18, d_name 19. */
    private static final int D_NAME = 19;
    private static final int D_RECLEN = 16;
    /** Longest fd name read: fd numbers have at most 10 digits. */
    private static final int NAME_BYTES = 12;
    /** {@code socket:[4294967295]} is 19 bytes; longer targets are not sockets and are cut. */
    private static final int LINK_BYTES = 64;
    private static final byte[] SOCKET = "socket:[".getBytes(StandardCharsets.US_ASCII);

    private final String procRoot;
    private final Memory link = new Memory(LINK_BYTES);
    private final byte[] linkBytes = new byte[LINK_BYTES];
    private final byte[] nameBytes = new byte[NAME_BYTES];

    public LibcFdScanner(String procRoot) {
        this.procRoot = procRoot;
    }

    @Override
    public void scan(long pid, IntPredicate readLink, Visitor visitor) throws IOException {
        String path = procRoot + "/" + pid + "/fd";
        Pointer directory = LibC.opendir(path);
        if (directory == null) {
            throw error(path, Native.getLastError());
        }
        try {
            int directoryFd = LibC.dirfd(directory);
            for (Pointer entry = LibC.readdir(directory); entry != null; entry = LibC.readdir(directory)) {
                int number = fdNumber(entry);
                if (number < 0) {
                    continue; // "." and ".."
                }
                if (!readLink.test(number)) {
                    visitor.fd(number, UNREAD);
                    continue;
                }
                long length = LibC.readlinkat(directoryFd, entry.share(D_NAME), link, LINK_BYTES);
                if (length < 0) {
                    int errno = Native.getLastError();
                    if (errno == LibC.ENOENT) {
                        continue; // closed while we looked
                    }
                    throw error(path + "/" + number, errno);
                }
                visitor.fd(number, socketInode((int) length));
            }
        } finally {
            LibC.closedir(directory);
        }
    }

    private int fdNumber(Pointer entry) {
        int recordLength = entry.getShort(D_RECLEN) & 0xFFFF;
        int available = Math.min(NAME_BYTES, recordLength - D_NAME); // never read past the record
        if (available <= 0) {
            return -1;
        }
        java.util.Arrays.fill(nameBytes, (byte) 0);
        entry.read(D_NAME, nameBytes, 0, available);
        long value = 0;
        int i = 0;
        for (; i < NAME_BYTES && nameBytes[i] != 0; i++) {
            int digit = nameBytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return i == 0 || value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    private long socketInode(int length) {
        if (length < SOCKET.length + 2 || length > LINK_BYTES) {
            return 0;
        }
        link.read(0, linkBytes, 0, length);
        for (int i = 0; i < SOCKET.length; i++) {
            if (linkBytes[i] != SOCKET[i]) {
                return 0;
            }
        }
        if (linkBytes[length - 1] != ']') {
            return 0;
        }
        long inode = 0;
        for (int i = SOCKET.length; i < length - 1; i++) {
            int digit = linkBytes[i] - '0';
            if (digit < 0 || digit > 9) {
                return 0;
            }
            inode = inode * 10 + digit;
        }
        return inode;
    }

    private static IOException error(String path, int errno) {
        if (errno == LibC.ENOENT) {
            return new NoSuchFileException(path);
        }
        if (errno == LibC.EACCES || errno == LibC.EPERM) {
            return new AccessDeniedException(path);
        }
        return new IOException(path + ": errno " + errno);
    }
}
