package io.procnet.collect.posix.internal.linux;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.util.function.IntPredicate;

/**
 * {@link FdScanner} through libc, for 64-bit Linux: {@code getdents64} lists many fds per call
 * into a reused native buffer, and {@code readlinkat} reads each link relative to the open
 * directory, with the name passed by its address inside that buffer. An fd costs one call that
 * allocates nothing, and the entries and links are parsed from views of the native memory. Not
 * thread-safe (one reused buffer).
 */
public final class LibcFdScanner implements FdScanner {
    /** {@code struct linux_dirent64}, the same on every architecture: d_reclen at 16, d_name at 19. */
    private static final int D_RECLEN = 16;
    private static final int D_NAME = 19;
    /** Directory entries per getdents64 call: about 1300 fds of a process. */
    private static final int ENTRY_BYTES = 32 * 1024;
    /** {@code socket:[4294967295]} is 19 bytes; longer targets are not sockets and are cut. */
    private static final int LINK_BYTES = 64;
    private static final byte[] SOCKET = {'s', 'o', 'c', 'k', 'e', 't', ':', '['};

    private final String procRoot;
    private final Memory memory = new Memory(ENTRY_BYTES + LINK_BYTES);
    private final long entriesAddress = Pointer.nativeValue(memory);
    private final long linkAddress = entriesAddress + ENTRY_BYTES;
    private final ByteBuffer view = memory.getByteBuffer(0, ENTRY_BYTES + LINK_BYTES).order(ByteOrder.nativeOrder());

    public LibcFdScanner(String procRoot) {
        this.procRoot = procRoot;
    }

    @Override
    public void scan(long pid, IntPredicate readLink, Visitor visitor) throws IOException {
        String path = procRoot + "/" + pid + "/fd";
        int directory = LibC.open(path, LibC.O_RDONLY | LibC.O_CLOEXEC);
        if (directory < 0) {
            throw error(path, Native.getLastError());
        }
        try {
            for (long filled = getdents(directory, path); filled > 0; filled = getdents(directory, path)) {
                int end = (int) filled;
                for (int entry = 0, size; entry < end; entry += size) {
                    size = view.getShort(entry + D_RECLEN) & 0xFFFF;
                    if (size <= D_NAME || entry + size > end) {
                        throw new IOException(path + ": malformed directory entry from getdents64");
                    }
                    int number = fdNumber(entry, size);
                    if (number < 0) {
                        continue; // "." and ".."
                    }
                    if (!readLink.test(number)) {
                        visitor.fd(number, UNREAD);
                        continue;
                    }
                    long length = LibC.readlinkat(directory, entriesAddress + entry + D_NAME, linkAddress, LINK_BYTES);
                    if (length < 0) {
                        int errno = Native.getLastError();
                        if (errno == LibC.ENOENT) {
                            continue; // closed while we looked
                        }
                        throw error(path + "/" + number, errno);
                    }
                    visitor.fd(number, socketInode((int) length));
                }
            }
        } finally {
            LibC.close(directory);
        }
    }

    private long getdents(int directory, String path) throws IOException {
        long filled = LibC.getdents64(directory, entriesAddress, ENTRY_BYTES);
        if (filled < 0) {
            throw error(path, Native.getLastError());
        }
        return filled;
    }

    /** The fd number named by the entry of {@code size} bytes at {@code entry}, -1 for any other name. */
    private int fdNumber(int entry, int size) {
        int end = entry + size;
        long value = 0;
        int at = entry + D_NAME;
        for (; at < end && view.get(at) != 0; at++) {
            int digit = view.get(at) - '0';
            if (digit < 0 || digit > 9 || value > Integer.MAX_VALUE) {
                return -1;
            }
            value = value * 10 + digit;
        }
        return at == entry + D_NAME || value > Integer.MAX_VALUE ? -1 : (int) value;
    }

    /** The inode of the {@code socket:[inode]} link target of {@code length} bytes, 0 for any other. */
    private long socketInode(int length) {
        if (length < SOCKET.length + 2 || length > LINK_BYTES) {
            return 0;
        }
        for (int i = 0; i < SOCKET.length; i++) {
            if (view.get(ENTRY_BYTES + i) != SOCKET[i]) {
                return 0;
            }
        }
        if (view.get(ENTRY_BYTES + length - 1) != ']') {
            return 0;
        }
        long inode = 0;
        for (int i = ENTRY_BYTES + SOCKET.length; i < ENTRY_BYTES + length - 1; i++) {
            int digit = view.get(i) - '0';
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
