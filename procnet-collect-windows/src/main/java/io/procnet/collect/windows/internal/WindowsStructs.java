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
 *
 * <p>Each decoder reads a buffer from index 0 (whatever its position) to its limit, never past
 * it, and throws nothing for any bytes: a structure that does not fit, a pointer outside the
 * buffer or a string without its terminating NUL gives no value (null, or 0 for a pointer), or
 * is counted as skipped.
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

    /**
     * A {@code PROCESSENTRY32W} at the start of {@code b}, with its parent's pid as Windows gives
     * it (0 for none); null when {@code b} is shorter than the structure or the name has no NUL.
     */
    static ProcessEntry decodeProcessEntry(ByteBuffer b) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        if (le.limit() < PROCESS_ENTRY_SIZE) {
            return null;
        }
        String exeFile = utf16z(le, PROCESS_ENTRY_EXE, PROCESS_ENTRY_EXE + MAX_PATH * 2);
        return exeFile == null ? null : new ProcessEntry(le.getInt(PROCESS_ENTRY_PID) & 0xFFFFFFFFL,
                le.getInt(PROCESS_ENTRY_PARENT) & 0xFFFFFFFFL, exeFile);
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
     * running, but also starting, stopping or paused, which still hold their sockets. Returns how
     * many entries were skipped: those of the {@code count} that lie past the end of the buffer,
     * and services with a process whose name is empty, outside the buffer or without its NUL.
     */
    static int decodeServices(ByteBuffer b, long base, int count, Map<Long, List<String>> byPid) {
        ByteBuffer le = b.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        int fit = Math.min(Math.max(count, 0), le.limit() / SERVICE_ENTRY_SIZE);
        int skipped = Math.max(count, 0) - fit;
        for (int i = 0; i < fit; i++) {
            int entry = i * SERVICE_ENTRY_SIZE;
            long pid = le.getInt(entry + SERVICE_PID) & 0xFFFFFFFFL;
            if (pid == 0) {
                continue; // stopped
            }
            String name = nameAt(le, base, le.getLong(entry));
            if (name == null) {
                skipped++;
            } else {
                byPid.computeIfAbsent(pid, p -> new ArrayList<>()).add(name);
            }
        }
        return skipped;
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
        if (le.limit() < UNICODE_STRING_SIZE) {
            return null;
        }
        int length = le.getShort(0) & 0xFFFF;
        long offset = le.getLong(8) - base;
        if (length == 0) {
            return "";
        }
        if (offset < UNICODE_STRING_SIZE || offset > le.limit() - length) { // not offset + length: it may overflow
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

    /** The pointer at {@code at} in {@code b} (64-bit little-endian); 0, a null pointer, when it is not all in {@code b}. */
    static long decodePointer(ByteBuffer b, int at) {
        if (at < 0 || at > b.limit() - Long.BYTES) {
            return 0;
        }
        return b.duplicate().order(ByteOrder.LITTLE_ENDIAN).getLong(at);
    }

    /** The {@code UNICODE_STRING} at {@code at} in {@code b}: Length 0, Buffer 8; null when it is not all in {@code b}. */
    static UnicodeString decodeUnicodeStringAt(ByteBuffer b, int at) {
        if (at < 0 || at > b.limit() - UNICODE_STRING_SIZE) {
            return null;
        }
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

    /**
     * The NUL-terminated UTF-16 name at the address {@code pointer}; null when it is empty, outside
     * the buffer or its NUL is not in it.
     */
    private static String nameAt(ByteBuffer le, long base, long pointer) {
        long offset = pointer - base;
        if (offset < 0 || offset >= le.limit()) {
            return null;
        }
        String name = utf16z(le, (int) offset, le.limit());
        return name == null || name.isEmpty() ? null : name;
    }

    /**
     * The UTF-16LE string from {@code at} up to its NUL character, which must start at an index
     * below {@code end - 1} ({@code end} at most the buffer's limit); null when it does not.
     */
    private static String utf16z(ByteBuffer le, int at, int end) {
        for (int nul = at; nul < end - 1; nul += 2) {
            if (le.get(nul) == 0 && le.get(nul + 1) == 0) {
                byte[] bytes = new byte[nul - at];
                le.get(at, bytes);
                return new String(bytes, StandardCharsets.UTF_16LE);
            }
        }
        return null;
    }
}
