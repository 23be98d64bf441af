package io.procnet.collect.posix.internal.linux;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/**
 * The libc calls of the Linux collectors, by JNA direct mapping (the fastest JNA call path).
 * Loading this class loads JNA's native library and libc: only collectors and probes touch it.
 */
public final class LibC {
    static {
        Native.register("c");
    }

    public static final int SOCK_DGRAM = 2;
    public static final int SOCK_CLOEXEC = 0x80000;
    public static final int MSG_TRUNC = 0x20;
    public static final int ENOENT = 2;
    public static final int EINTR = 4;
    public static final int EACCES = 13;
    public static final int EPERM = 1;

    private LibC() {
    }

    public static native int socket(int domain, int type, int protocol);

    public static native NativeLong sendto(int fd, Pointer buffer, NativeLong length, int flags, Pointer address,
                                           int addressLength);

    public static native NativeLong recv(int fd, Pointer buffer, NativeLong length, int flags);

    public static native int close(int fd);

    public static native int getpid();

    public static final int O_RDONLY = 0;
    public static final int O_CLOEXEC = 0x80000;
    public static final int CLONE_NEWNET = 0x40000000;

    /** {@code open(2)} without a mode: glibc's variadic {@code open} reads no mode for O_RDONLY. */
    public static native int open(String path, int flags);

    public static native int setns(int fd, int namespaceType);

    /**
     * {@code getdents64(2)} (glibc 2.30+) into the native memory at {@code buffer}: the entries of
     * an open directory, many per call. 64-bit only: the address and sizes are Java {@code long}s,
     * so the call allocates nothing.
     */
    public static native long getdents64(int directoryFd, long buffer, long size);

    /** {@code readlinkat(2)} with a name and a buffer given by address; 64-bit only, like {@link #getdents64}. */
    public static native long readlinkat(int directoryFd, long name, long buffer, long size);
}
