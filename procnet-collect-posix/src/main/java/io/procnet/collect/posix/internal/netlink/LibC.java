package io.procnet.collect.posix.internal.netlink;

import com.sun.jna.Native;
import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;

/** The few libc calls of the netlink collector, by JNA direct mapping (the fastest JNA call path). */
final class LibC {
    static {
        Native.register("c");
    }

    static final int SOCK_DGRAM = 2;
    static final int SOCK_CLOEXEC = 0x80000;
    static final int MSG_TRUNC = 0x20;
    static final int EINTR = 4;

    private LibC() {
    }

    static native int socket(int domain, int type, int protocol);

    static native NativeLong sendto(int fd, Pointer buffer, NativeLong length, int flags, Pointer address,
                                    int addressLength);

    static native NativeLong recv(int fd, Pointer buffer, NativeLong length, int flags);

    static native int close(int fd);
}
