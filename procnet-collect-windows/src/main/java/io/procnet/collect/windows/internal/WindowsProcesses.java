package io.procnet.collect.windows.internal;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.Pointer;
import io.procnet.collect.windows.internal.Win32.Kernel32;
import io.procnet.collect.windows.internal.Win32.NtDll;
import io.procnet.model.ProcessInfo;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Process details on Windows: names and parent pids from a Toolhelp32 snapshot, then for each
 * owner asked for, its creation time, image path, command line and user through a handle. Cached
 * per (pid, creation time), so a reused pid is read afresh. Not thread-safe.
 *
 * <p>The parent pid is the number Windows gives ({@code th32ParentProcessID}); Windows does not
 * keep it up to date, so it may name a process that has exited, or another process that got
 * its pid since.
 */
final class WindowsProcesses {
    /** A command line longer than this (bytes of UTF-16) is cut; Windows allows 32k characters. */
    static final int MAX_COMMAND_LINE_BYTES = 65_534;

    private final Memory entry = new Memory(WindowsStructs.PROCESS_ENTRY_SIZE);
    private final Memory small = new Memory(MAX_COMMAND_LINE_BYTES + WindowsStructs.UNICODE_STRING_SIZE);
    private final WindowsUsers users = new WindowsUsers();
    private Map<Long, ProcessInfo> cache = new HashMap<>();
    private Map<Long, ProcessInfo> used = new HashMap<>();
    private Map<Long, WindowsStructs.ProcessEntry> entries = Map.of();
    private int denied;
    private boolean commandLineClassWorks = true;

    /**
     * Takes the snapshot of names and parents this collection's {@link #read}s use; returns false
     * when the system gave none, so that every process is nameless this time.
     */
    boolean startCollection() {
        Map<Long, WindowsStructs.ProcessEntry> snapshot = new HashMap<>();
        long handle = Kernel32.CreateToolhelp32Snapshot(Win32.TH32CS_SNAPPROCESS, 0);
        if (handle != Win32.INVALID_HANDLE && handle != 0) {
            try {
                entry.clear();
                entry.setInt(0, WindowsStructs.PROCESS_ENTRY_SIZE);
                for (boolean more = Kernel32.Process32FirstW(handle, entry); more;
                     more = Kernel32.Process32NextW(handle, entry)) {
                    WindowsStructs.ProcessEntry process = WindowsStructs.decodeProcessEntry(
                            entry.getByteBuffer(0, WindowsStructs.PROCESS_ENTRY_SIZE));
                    if (process != null) { // null only for a name without its NUL, which Windows never gives
                        snapshot.put(process.pid(), process);
                    }
                }
            } finally {
                Kernel32.CloseHandle(handle);
            }
        }
        entries = snapshot;
        denied = 0;
        return !snapshot.isEmpty();
    }

    /** Forgets the processes not read in this collection. */
    void endCollection() {
        cache = used;
        used = new HashMap<>();
    }

    /** Processes whose details could not be opened in this collection: run elevated to see them. */
    int denied() {
        return denied;
    }

    /**
     * The process, with what could be read of it; {@link ProcessInfo#unknown} when the pid names
     * a process created after {@code tablesRead}, which cannot be the one the tables meant.
     */
    ProcessInfo read(long pid, Instant tablesRead) {
        WindowsStructs.ProcessEntry entry = entries.get(pid);
        long parent = entry == null ? ProcessInfo.NO_PARENT : entry.parentPid();
        if (pid == 4) {
            // HTTP.sys listeners belong to it; it has no image or command line to open
            return new ProcessInfo(4, "System", "", null, null).withParentPid(parent);
        }
        String name = entry == null ? "" : entry.exeFile();
        long handle = Kernel32.OpenProcess(Win32.PROCESS_QUERY_LIMITED_INFORMATION | Win32.PROCESS_VM_READ, false, (int) pid);
        boolean canReadMemory = handle != 0;
        if (handle == 0) {
            handle = Kernel32.OpenProcess(Win32.PROCESS_QUERY_LIMITED_INFORMATION, false, (int) pid);
        }
        if (handle == 0) {
            if (Native.getLastError() != Win32.ERROR_ACCESS_DENIED) {
                return ProcessInfo.unknown(pid); // exited since the tables were read
            }
            denied++; // the snapshot still gives its name and parent
            return entry == null ? ProcessInfo.unknown(pid) : new ProcessInfo(pid, name, "", null, null).withParentPid(parent);
        }
        try {
            Instant created = creationTime(handle);
            if (created != null && created.isAfter(tablesRead)) {
                return ProcessInfo.unknown(pid); // the pid was reused since the tables were read
            }
            ProcessInfo cached = cache.get(pid);
            if (cached != null && Objects.equals(cached.startTime(), created) && cached.name().equals(name)
                    && cached.parentPid() == parent) {
                used.put(pid, cached);
                return cached;
            }
            String commandLine = commandLine(handle, canReadMemory);
            ProcessInfo info = new ProcessInfo(pid, parent, name, commandLine == null ? "" : commandLine,
                    users.userOf(handle), created, imagePath(handle), List.of());
            used.put(pid, info);
            return info;
        } finally {
            Kernel32.CloseHandle(handle);
        }
    }

    private static Instant creationTime(long handle) {
        long[] creation = new long[1];
        long[] unused = new long[1];
        return Kernel32.GetProcessTimes(handle, creation, unused, unused, unused)
                ? WindowsStructs.fromFileTime(creation[0]) : null;
    }

    private static String imagePath(long handle) {
        char[] path = new char[32_768];
        int[] length = {path.length};
        return Kernel32.QueryFullProcessImageNameW(handle, 0, path, length) ? new String(path, 0, length[0]) : "";
    }

    /**
     * The command line: {@code ProcessCommandLineInformation} where the system has it (Windows
     * 8.1 and later; it needs only limited query access, so it also reads services' processes
     * that refuse memory reads), else from the process's PEB, which Wine and older Windows have.
     */
    private String commandLine(long handle, boolean canReadMemory) {
        if (commandLineClassWorks) {
            int[] returned = new int[1];
            int status = NtDll.NtQueryInformationProcess(handle, Win32.PROCESS_COMMAND_LINE_INFORMATION, small,
                    (int) small.size(), returned);
            if (status == 0) {
                return WindowsStructs.decodeUnicodeString(small.getByteBuffer(0, small.size()), Pointer.nativeValue(small));
            }
            if (status == 0xC0000003) { // STATUS_INVALID_INFO_CLASS: this system does not know it
                commandLineClassWorks = false;
            }
        }
        return canReadMemory ? commandLineFromPeb(handle) : null;
    }

    private String commandLineFromPeb(long handle) {
        int[] returned = new int[1];
        if (NtDll.NtQueryInformationProcess(handle, Win32.PROCESS_BASIC_INFORMATION, small,
                WindowsStructs.BASIC_INFORMATION_SIZE, returned) != 0) {
            return null;
        }
        long peb = WindowsStructs.decodePointer(buffer(WindowsStructs.BASIC_INFORMATION_SIZE),
                WindowsStructs.BASIC_INFORMATION_PEB);
        if (peb == 0 || !readMemory(handle, peb + WindowsStructs.PEB_PROCESS_PARAMETERS, 8)) {
            return null;
        }
        long parameters = WindowsStructs.decodePointer(buffer(8), 0);
        if (parameters == 0 || !readMemory(handle, parameters + WindowsStructs.PARAMETERS_COMMAND_LINE,
                WindowsStructs.UNICODE_STRING_SIZE)) {
            return null;
        }
        WindowsStructs.UnicodeString line = WindowsStructs.decodeUnicodeStringAt(buffer(WindowsStructs.UNICODE_STRING_SIZE), 0);
        if (line == null) {
            return null;
        }
        int length = Math.min(line.lengthBytes(), MAX_COMMAND_LINE_BYTES) & ~1;
        if (length == 0 || !readMemory(handle, line.address(), length)) {
            return length == 0 ? "" : null;
        }
        return new String(small.getByteArray(0, length), StandardCharsets.UTF_16LE);
    }

    private boolean readMemory(long handle, long address, int length) {
        return Kernel32.ReadProcessMemory(handle, address, small, length, null);
    }

    private ByteBuffer buffer(int length) {
        return small.getByteBuffer(0, length);
    }
}
