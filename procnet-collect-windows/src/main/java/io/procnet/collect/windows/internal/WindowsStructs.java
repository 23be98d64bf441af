package io.procnet.collect.windows.internal;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decodes the 64-bit Windows structures the collector reads besides the socket tables. Pure:
 * bytes in, values out; pointers inside a buffer are turned into offsets with the buffer's
 * address. Layouts checked with {@code offsetof} by {@code src/test/c/iphlpapi_dump.c}.
 */
final class WindowsStructs {
    /** {@code PROCESSENTRY32W}: dwSize 0, th32ProcessID 8, th32ParentProcessID 32, szExeFile 44 (260 WCHARs). */
    static final int PROCESS_ENTRY_SIZE = 568;
    static final int PROCESS_ENTRY_PID = 8;
    static final int PROCESS_ENTRY_PARENT = 32;
    static final int PROCESS_ENTRY_EXE = 44;
    static final int MAX_PATH = 260;
    /**
     * {@code ENUM_SERVICE_STATUS_PROCESSW}: lpServiceName 0, lpDisplayName 8, then
     * {@code SERVICE_STATUS_PROCESS} at 16 with dwProcessId at 44.
     */
    static final int SERVICE_ENTRY_SIZE = 56;
    static final int SERVICE_PID = 44;
    /** Between 1601-01-01, where FILETIME counts from, and 1970-01-01, in seconds. */
    private static final long FILETIME_EPOCH_SECONDS = 11_644_473_600L;

    private WindowsStructs() {
    }

    /** One process of a Toolhelp32 snapshot. */
    record ProcessEntry(long pid, long parentPid, String exeFile) {
    }

    /** A {@code PROCESSENTRY32W} at the start of {@code b}. */
    static ProcessEntry decodeProcessEntry(ByteBuffer b) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new ProcessEntry(le.getInt(PROCESS_ENTRY_PID) & 0xFFFFFFFFL, le.getInt(PROCESS_ENTRY_PARENT) & 0xFFFFFFFFL,
                utf16z(le, PROCESS_ENTRY_EXE, MAX_PATH * 2));
    }

    /**
     * The services of an {@code EnumServicesStatusExW} result of {@code count} entries, by the
     * process hosting them, each list sorted. {@code base} is the buffer's address, which its
     * string pointers are relative to; a pointer outside the buffer gives no name.
     */
    static Map<Long, List<String>> decodeServices(ByteBuffer b, long base, int count) {
        Map<Long, List<String>> byPid = new TreeMap<>();
        decodeServices(b, base, count, byPid);
        return sorted(byPid);
    }

    /**
     * Adds the services of one chunk to {@code byPid}. A service counts when it has a process:
     * running, but also starting, stopping or paused, which still hold their sockets.
     */
    static void decodeServices(ByteBuffer b, long base, int count, Map<Long, List<String>> byPid) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < count && (long) (i + 1) * SERVICE_ENTRY_SIZE <= le.limit(); i++) {
            int entry = i * SERVICE_ENTRY_SIZE;
            long pid = le.getInt(entry + SERVICE_PID) & 0xFFFFFFFFL;
            if (pid == 0) {
                continue; // stopped
            }
            String name = stringAt(le, base, le.getLong(entry));
            if (name != null && !name.isEmpty()) {
                byPid.computeIfAbsent(pid, p -> new ArrayList<>()).add(name);
            }
        }
    }

    /** {@code byPid} with each list sorted as Windows sorts names, ignoring case. */
    static Map<Long, List<String>> sorted(Map<Long, List<String>> byPid) {
        byPid.values().forEach(names -> names.sort(String.CASE_INSENSITIVE_ORDER));
        return byPid;
    }

    /**
     * The text of a {@code UNICODE_STRING} at the start of {@code b} (Length 0, Buffer 8) whose
     * characters lie in the same buffer, at address {@code base}: what
     * {@code NtQueryInformationProcess(ProcessCommandLineInformation)} returns. Null when the
     * pointer or length is outside the buffer.
     */
    static String decodeUnicodeString(ByteBuffer b, long base) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (le.limit() < 16) {
            return null;
        }
        int length = le.getShort(0) & 0xFFFF;
        long offset = le.getLong(8) - base;
        if (length == 0) {
            return "";
        }
        if (offset < 16 || offset + length > le.limit()) {
            return null;
        }
        byte[] bytes = new byte[length];
        le.get((int) offset, bytes);
        return new String(bytes, StandardCharsets.UTF_16LE);
    }

    /** {@code PROCESS_BASIC_INFORMATION.PebBaseAddress}. */
    static final int BASIC_INFORMATION_PEB = 8;
    static final int BASIC_INFORMATION_SIZE = 48;
    /** {@code PEB.ProcessParameters}. */
    static final int PEB_PROCESS_PARAMETERS = 0x20;
    /** {@code RTL_USER_PROCESS_PARAMETERS.CommandLine}, a {@code UNICODE_STRING}. */
    static final int PARAMETERS_COMMAND_LINE = 0x70;
    static final int UNICODE_STRING_SIZE = 16;

    /** A {@code UNICODE_STRING}: the length of its text in bytes, and where the text is. */
    record UnicodeString(int lengthBytes, long address) {
    }

    /** The pointer at {@code at} in {@code b} (64-bit little-endian). */
    static long decodePointer(ByteBuffer b, int at) {
        return b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(at);
    }

    /** The {@code UNICODE_STRING} at {@code at} in {@code b}: Length 0, Buffer 8. */
    static UnicodeString decodeUnicodeStringAt(ByteBuffer b, int at) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        return new UnicodeString(le.getShort(at) & 0xFFFF, le.getLong(at + 8));
    }

    /** A {@code FILETIME} (100 ns ticks since 1601) as an instant; null for 0. */
    static Instant fromFileTime(long ticks) {
        if (ticks <= 0) {
            return null;
        }
        return Instant.ofEpochSecond(ticks / 10_000_000 - FILETIME_EPOCH_SECONDS, ticks % 10_000_000 * 100);
    }

    /** The NUL-terminated UTF-16 string at the address {@code pointer}, or null when it is outside the buffer. */
    private static String stringAt(ByteBuffer le, long base, long pointer) {
        long offset = pointer - base;
        if (offset < 0 || offset >= le.limit()) {
            return null;
        }
        return utf16z(le, (int) offset, le.limit() - (int) offset);
    }

    /** A NUL-terminated UTF-16LE string of at most {@code maxBytes} at {@code at}. */
    static String utf16z(ByteBuffer le, int at, int maxBytes) {
        int end = at;
        int limit = Math.min(le.limit(), at + maxBytes) - 1;
        while (end < limit && (le.get(end) != 0 || le.get(end + 1) != 0)) {
            end += 2;
        }
        byte[] bytes = new byte[end - at];
        le.get(at, bytes);
        return new String(bytes, StandardCharsets.UTF_16LE);
    }
}
