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

    public static native Pointer opendir(String path);

    public static native Pointer readdir(Pointer directory);

    public static native int dirfd(Pointer directory);

    public static native int closedir(Pointer directory);

    /** 64-bit only ({@code ssize_t} and {@code size_t} as Java {@code long}): a NativeLong result costs a reflective allocation per call. */
    public static native long readlinkat(int directoryFd, Pointer name, Pointer buffer, long size);
}
