package io.procnet.collect.windows.internal;

import com.sun.jna.Native;
import com.sun.jna.Pointer;
import com.sun.jna.WString;

/**
 * The Win32 calls of the collector, by JNA direct mapping (64-bit Windows: addresses are Java
 * {@code long}s). Loading a nested class loads its DLL: only the collector touches them.
 */
final class Win32 {
    static final int ERROR_ACCESS_DENIED = 5;
    static final int ERROR_INSUFFICIENT_BUFFER = 122;
    static final int ERROR_MORE_DATA = 234;
    static final int AF_INET = 2;
    static final int AF_INET6 = 23;
    static final int TCP_TABLE_OWNER_PID_ALL = 5;
    static final int UDP_TABLE_OWNER_PID = 1;
    static final int TH32CS_SNAPPROCESS = 0x2;
    static final int PROCESS_QUERY_LIMITED_INFORMATION = 0x1000;
    static final int PROCESS_VM_READ = 0x10;
    static final int SC_MANAGER_ENUMERATE_SERVICE = 0x4;
    static final int SC_ENUM_PROCESS_INFO = 0;
    static final int SERVICE_WIN32 = 0x30;
    static final int SERVICE_ACTIVE = 1;
    static final int TOKEN_QUERY = 0x8;
    static final int TOKEN_USER = 1;
    static final int PROCESS_BASIC_INFORMATION = 0;
    static final int PROCESS_COMMAND_LINE_INFORMATION = 60;
    /** {@code INVALID_HANDLE_VALUE}. */
    static final long INVALID_HANDLE = -1;

    private Win32() {
    }

    static final class IpHlpApi {
        static {
            Native.register("iphlpapi");
        }

        private IpHlpApi() {
        }

        static native int GetExtendedTcpTable(Pointer table, int[] size, boolean order, int family, int tableClass,
                                              int reserved);

        static native int GetExtendedUdpTable(Pointer table, int[] size, boolean order, int family, int tableClass,
                                              int reserved);
    }

    static final class Kernel32 {
        static {
            Native.register("kernel32");
        }

        private Kernel32() {
        }

        static native long CreateToolhelp32Snapshot(int flags, int pid);

        static native boolean Process32FirstW(long snapshot, Pointer entry);

        static native boolean Process32NextW(long snapshot, Pointer entry);

        static native long OpenProcess(int access, boolean inherit, int pid);

        static native boolean CloseHandle(long handle);

        static native boolean QueryFullProcessImageNameW(long process, int flags, char[] name, int[] size);

        static native boolean GetProcessTimes(long process, long[] creation, long[] exit, long[] kernel, long[] user);

        static native boolean ReadProcessMemory(long process, long address, Pointer buffer, long size, long[] read);

        static native int GetCurrentProcessId();
    }

    static final class NtDll {
        static {
            Native.register("ntdll");
        }

        private NtDll() {
        }

        static native int NtQueryInformationProcess(long process, int infoClass, Pointer info, int length, int[] returned);
    }

    static final class AdvApi32 {
        static {
            Native.register("advapi32");
        }

        private AdvApi32() {
        }

        static native long OpenSCManagerW(WString machine, WString database, int access);

        static native boolean EnumServicesStatusExW(long manager, int infoLevel, int serviceType, int serviceState,
                                                    Pointer services, int size, int[] needed, int[] returned,
                                                    int[] resume, WString group);

        static native boolean CloseServiceHandle(long handle);

        static native boolean OpenProcessToken(long process, int access, long[] token);

        static native boolean GetTokenInformation(long token, int infoClass, Pointer info, int length, int[] returned);

        static native int GetLengthSid(long sid);

        static native boolean LookupAccountSidW(WString system, long sid, char[] name, int[] nameLength, char[] domain,
                                                int[] domainLength, int[] use);
    }
}
