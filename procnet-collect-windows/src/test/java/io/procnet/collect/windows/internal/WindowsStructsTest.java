package io.procnet.collect.windows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class WindowsStructsTest {

    @Test
    void decodesAToolhelpEntry() {
        WindowsStructs.ProcessEntry entry = WindowsStructs.decodeProcessEntry(Fixtures.load("process-entry-self-wine.bin"));

        assertThat(entry.pid()).isEqualTo(Fixtures.RECORDER_PID);
        assertThat(entry.parentPid()).isZero(); // started by Wine from Linux: no Windows parent
        assertThat(entry.exeFile()).isEqualTo("iphlpapi_dump.exe");
    }

    /** The recorded entry with another parent and name. */
    private static ByteBuffer processEntry(long parent, String exeFile) {
        ByteBuffer b = copy(Fixtures.load("process-entry-self-wine.bin"), WindowsStructs.PROCESS_ENTRY_SIZE);
        b.putInt(WindowsStructs.PROCESS_ENTRY_PARENT, (int) parent);
        byte[] name = exeFile.getBytes(StandardCharsets.UTF_16LE);
        b.put(WindowsStructs.PROCESS_ENTRY_EXE, new byte[WindowsStructs.MAX_PATH * 2]).put(WindowsStructs.PROCESS_ENTRY_EXE, name);
        return b;
    }

    /** The first {@code length} bytes of {@code b} in a buffer of their own. */
    private static ByteBuffer copy(ByteBuffer b, int length) {
        byte[] bytes = new byte[length];
        b.get(0, bytes, 0, Math.min(length, b.limit()));
        return ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    }

    @Test
    void aToolhelpEntryCarriesItsParentAsADword() {
        assertThat(WindowsStructs.decodeProcessEntry(processEntry(1234, "java.exe")))
                .isEqualTo(new WindowsStructs.ProcessEntry(Fixtures.RECORDER_PID, 1234, "java.exe"));
        assertThat(WindowsStructs.decodeProcessEntry(processEntry(0xFFFF_FFF0L, "x.exe")).parentPid()).isEqualTo(0xFFFF_FFF0L);
    }

    @Test
    void aToolhelpEntryMustBeWholeAndItsNameEndInANul() {
        ByteBuffer recorded = Fixtures.load("process-entry-self-wine.bin");
        assertThat(WindowsStructs.decodeProcessEntry(copy(recorded, WindowsStructs.PROCESS_ENTRY_SIZE))).isNotNull();
        assertThat(WindowsStructs.decodeProcessEntry(copy(recorded, WindowsStructs.PROCESS_ENTRY_SIZE - 1))).isNull();
        assertThat(WindowsStructs.decodeProcessEntry(ByteBuffer.allocate(0))).isNull();

        String longest = "n".repeat(WindowsStructs.MAX_PATH - 1); // and its NUL: MAX_PATH characters
        assertThat(WindowsStructs.decodeProcessEntry(processEntry(8, longest)).exeFile()).isEqualTo(longest);
        assertThat(WindowsStructs.decodeProcessEntry(processEntry(8, longest + "x"))).isNull(); // no room for the NUL
        ByteBuffer longer = copy(processEntry(8, longest + "x"), WindowsStructs.PROCESS_ENTRY_SIZE + 8); // zeros after
        assertThat(WindowsStructs.decodeProcessEntry(longer)).isNull(); // the name ends within MAX_PATH, or not at all
        assertThat(WindowsStructs.decodeProcessEntry(processEntry(8, "")).exeFile()).isEmpty();
    }

    @Test
    void namesEndAtAWholeNulCharacterNotAtTwoZeroBytes() {
        // U+4E00 is the bytes 00 4E: a zero byte after the zero byte before the name is no NUL
        assertThat(WindowsStructs.decodeProcessEntry(processEntry(8, "\u4E00\u4E8C\u4E09.exe")).exeFile())
                .isEqualTo("\u4E00\u4E8C\u4E09.exe");
        long base = 0x10000;
        Map<Long, List<String>> byPid = new TreeMap<>();
        assertThat(WindowsStructs.decodeServices(oneService(base, 56 + 8, 58, "\u4E00a\0"), base, 1, byPid)).isZero();
        assertThat(byPid).isEqualTo(Map.of(900L, List.of("\u4E00a")));
    }

    @Test
    void decodesWinesRunningServicesByProcess() {
        ByteBuffer file = Fixtures.load("services-wine.bin");
        long base = file.getLong(0);
        int count = file.getInt(8);
        ByteBuffer services = file.slice(12, file.limit() - 12);

        Map<Long, List<String>> byPid = WindowsStructs.decodeServices(services, base, count);

        assertThat(byPid.values()).flatExtracting(names -> names)
                .contains("EventLog", "PlugPlay", "Winedevice1"); // what a fresh Wine prefix runs
        assertThat(byPid.keySet()).allMatch(pid -> pid > 0);
    }

    @Test
    void serviceEntriesWithoutAProcessOrPointingOutsideTheBufferGiveNoName() {
        long base = 0x10000;
        ByteBuffer b = ByteBuffer.allocate(3 * 56 + 64).order(ByteOrder.LITTLE_ENDIAN);
        byte[] name = "Dnscache\0".getBytes(StandardCharsets.UTF_16LE);
        b.put(3 * 56, name);
        b.putLong(0, base + 3 * 56).putInt(20, 4).putInt(44, 900); // running in 900
        b.putLong(56, base + 3 * 56).putInt(56 + 20, 1).putInt(56 + 44, 0); // stopped: no process
        b.putLong(112, base + 100_000).putInt(112 + 20, 4).putInt(112 + 44, 902); // a pointer outside

        assertThat(WindowsStructs.decodeServices(b, base, 3)).isEqualTo(Map.of(900L, List.of("Dnscache")));
        assertThat(WindowsStructs.decodeServices(b, base, 1000)).hasSize(1); // a count past the buffer

        Map<Long, List<String>> byPid = new TreeMap<>();
        assertThat(WindowsStructs.decodeServices(b, base, 3, byPid)).isEqualTo(1); // the pointer outside; stopped is no loss
        assertThat(WindowsStructs.decodeServices(b, base, 5, new TreeMap<>())).isEqualTo(1 + 1); // and one past the end
        assertThat(WindowsStructs.decodeServices(b, base, 0, new TreeMap<>())).isZero();
        assertThat(WindowsStructs.decodeServices(b, base, -1, new TreeMap<>())).isZero();
    }

    /** One running service entry at 0 whose name pointer is {@code base + nameAt}, in a buffer of {@code length}. */
    private static ByteBuffer oneService(long base, int length, int nameAt, String name) {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        b.putLong(0, base + nameAt).putInt(20, 4).putInt(WindowsStructs.SERVICE_PID, 900);
        byte[] text = name.getBytes(StandardCharsets.UTF_16LE);
        b.put(nameAt, text, 0, Math.min(text.length, length - nameAt));
        return b;
    }

    @Test
    void aServiceNameMustEndInItsNulInsideTheBuffer() {
        long base = 0x10000;
        Map<Long, List<String>> byPid = new TreeMap<>();
        // the NUL in the last two bytes, at an odd offset
        assertThat(WindowsStructs.decodeServices(oneService(base, 56 + 1 + 8, 57, "Dns\0"), base, 1, byPid)).isZero();
        assertThat(byPid).isEqualTo(Map.of(900L, List.of("Dns")));
        // a NUL cut in half, at an even and at an odd offset
        assertThat(WindowsStructs.decodeServices(oneService(base, 56 + 7, 56, "Dns\0"), base, 1, new TreeMap<>())).isEqualTo(1);
        assertThat(WindowsStructs.decodeServices(oneService(base, 56 + 8, 57, "Dns\0"), base, 1, new TreeMap<>())).isEqualTo(1);
        // no NUL at all; an empty name; a name at the last byte; a name just past the buffer
        assertThat(WindowsStructs.decodeServices(oneService(base, 56 + 6, 56, "Dns"), base, 1, new TreeMap<>())).isEqualTo(1);
        assertThat(WindowsStructs.decodeServices(oneService(base, 56 + 2, 56, "\0"), base, 1, new TreeMap<>())).isEqualTo(1);
        assertThat(WindowsStructs.decodeServices(oneService(base, 56 + 1, 56, ""), base, 1, new TreeMap<>())).isEqualTo(1);
        assertThat(WindowsStructs.decodeServices(oneService(base, 56, 56, ""), base, 1, new TreeMap<>())).isEqualTo(1);
        // a name before the buffer
        assertThat(WindowsStructs.decodeServices(oneService(base, 64, 8, "\0"), base + 16, 1, new TreeMap<>())).isEqualTo(1);
    }

    @Test
    void aServiceNameMayStartAtTheBuffersFirstByte() {
        long base = 0x0042_0041L; // the entry's own pointer to its first byte reads "AB", then a NUL
        ByteBuffer b = oneService(base, 56, 0, "");
        Map<Long, List<String>> byPid = new TreeMap<>();

        assertThat(WindowsStructs.decodeServices(b, base, 1, byPid)).isZero();
        assertThat(byPid).isEqualTo(Map.of(900L, List.of("AB")));
    }

    @Test
    void theServicesOfAProcessAreSortedIgnoringCase() {
        long base = 0x10000;
        String[] names = {"NlaSvc", "dhcp", "Dnscache"};
        ByteBuffer b = ByteBuffer.allocate(3 * 56 + 3 * 32).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < names.length; i++) {
            int nameAt = 3 * 56 + 32 * i;
            b.putLong(i * 56, base + nameAt).putInt(i * 56 + WindowsStructs.SERVICE_PID, 900)
                    .put(nameAt, (names[i] + "\0").getBytes(StandardCharsets.UTF_16LE));
        }

        assertThat(WindowsStructs.decodeServices(b, base, 3)).isEqualTo(Map.of(900L, List.of("dhcp", "Dnscache", "NlaSvc")));
    }

    @Test
    void aServiceEntryMustBeWhole() {
        long base = 0x10000;
        ByteBuffer whole = oneService(base, 2 * 56, 56, "Dns\0");
        Map<Long, List<String>> byPid = new TreeMap<>();
        assertThat(WindowsStructs.decodeServices(whole.slice(0, 56), base, 1, byPid)).isEqualTo(1); // the name is cut off
        assertThat(WindowsStructs.decodeServices(whole.slice(0, 55), base, 1, byPid)).isEqualTo(1); // the entry is cut
        assertThat(WindowsStructs.decodeServices(whole, base, 2, byPid)).isZero(); // the second entry: stopped, no process
        assertThat(byPid).isEqualTo(Map.of(900L, List.of("Dns")));
    }

    @Test
    void followsThePebToTheCommandLineAsWineLaidItOut() {
        ByteBuffer basic = Fixtures.load("process-basic-information-self-wine.bin");
        long peb = WindowsStructs.decodePointer(basic, WindowsStructs.BASIC_INFORMATION_PEB);
        assertThat(basic.getLong(32)).isEqualTo(Fixtures.RECORDER_PID); // UniqueProcessId
        assertThat(peb).isNotZero();

        long parameters = WindowsStructs.decodePointer(Fixtures.load("peb-self-wine.bin"), WindowsStructs.PEB_PROCESS_PARAMETERS);
        assertThat(parameters).isNotZero();
        WindowsStructs.UnicodeString line = WindowsStructs.decodeUnicodeStringAt(
                Fixtures.load("process-parameters-self-wine.bin"), WindowsStructs.PARAMETERS_COMMAND_LINE);
        ByteBuffer text = Fixtures.load("command-line-text-self-wine.bin");

        assertThat(line.lengthBytes()).isEqualTo(text.limit());
        assertThat(new String(text.array(), StandardCharsets.UTF_16LE)).startsWith("\"Z:\\").endsWith("iphlpapi_dump.exe\"");
    }

    @Test
    void decodesACommandLineGivenInOneBuffer() {
        long base = 0x7FF0_0000L;
        byte[] text = "C:\\Windows\\System32\\svchost.exe -k NetworkService".getBytes(StandardCharsets.UTF_16LE);
        ByteBuffer b = ByteBuffer.allocate(16 + text.length).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) text.length).putShort(2, (short) text.length).putLong(8, base + 16).put(16, text);

        assertThat(WindowsStructs.decodeUnicodeString(b, base)).isEqualTo("C:\\Windows\\System32\\svchost.exe -k NetworkService");
        assertThat(WindowsStructs.decodeUnicodeString(b, base + 8)).isNull(); // points before the text
        assertThat(WindowsStructs.decodeUnicodeString(ByteBuffer.allocate(4), base)).isNull();
    }

    /** A UNICODE_STRING of {@code length} bytes pointing at {@code base + textAt}, in a buffer of {@code size}. */
    private static ByteBuffer unicodeString(int size, int length, long base, int textAt) {
        ByteBuffer b = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort(0, (short) length).putShort(2, (short) length).putLong(8, base + textAt);
        for (int i = 16; i + 1 < size; i += 2) {
            b.putChar(i, 'a');
        }
        return b;
    }

    @Test
    void aCommandLineMustLieWhollyInTheBufferAfterItsHeader() {
        long base = 0x7FF0_0000L;
        assertThat(WindowsStructs.decodeUnicodeString(unicodeString(20, 4, base, 16), base)).isEqualTo("aa"); // exactly
        assertThat(WindowsStructs.decodeUnicodeString(unicodeString(19, 4, base, 16), base)).isNull(); // a byte short
        assertThat(WindowsStructs.decodeUnicodeString(unicodeString(20, 2, base, 15), base)).isNull(); // into the header
        assertThat(WindowsStructs.decodeUnicodeString(unicodeString(16, 0, base, 16), base)).isEmpty();
        assertThat(WindowsStructs.decodeUnicodeString(ByteBuffer.allocate(15), base)).isNull(); // no room for the header
        // a pointer so far on that the offset plus the length overflows
        assertThat(WindowsStructs.decodeUnicodeString(unicodeString(20, 4, 0, 0).putLong(8, Long.MAX_VALUE), 0)).isNull();
        assertThat(WindowsStructs.decodeUnicodeString(unicodeString(20, 4, 0, 0).putLong(8, Long.MIN_VALUE), 1)).isNull();
    }

    @Test
    void aPointerOrAUnicodeStringNotWhollyInTheBufferIsNone() {
        ByteBuffer b = ByteBuffer.allocate(24).order(ByteOrder.LITTLE_ENDIAN).putLong(16, 0x1234_5678_9ABCL);
        assertThat(WindowsStructs.decodePointer(b, 16)).isEqualTo(0x1234_5678_9ABCL);
        assertThat(WindowsStructs.decodePointer(b, 17)).isZero();
        assertThat(WindowsStructs.decodePointer(b, -1)).isZero();
        assertThat(WindowsStructs.decodePointer(b.slice(16, 8), 0)).isEqualTo(0x1234_5678_9ABCL); // its own index 0

        ByteBuffer s = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN).putShort(24, (short) 6).putLong(32, 0xABCDL);
        assertThat(WindowsStructs.decodeUnicodeStringAt(s, 24)).isEqualTo(new WindowsStructs.UnicodeString(6, 0xABCDL));
        assertThat(WindowsStructs.decodeUnicodeStringAt(s.slice(24, 16), 0)).isEqualTo(new WindowsStructs.UnicodeString(6, 0xABCDL));
        assertThat(WindowsStructs.decodeUnicodeStringAt(s, 25)).isNull();
        assertThat(WindowsStructs.decodeUnicodeStringAt(s, -1)).isNull();
        assertThat(WindowsStructs.decodeUnicodeStringAt(s.putShort(24, (short) -2), 24).lengthBytes()).isEqualTo(0xFFFE);
    }

    @Test
    void fileTimesCountFrom1601() {
        assertThat(WindowsStructs.fromFileTime(116_444_736_000_000_000L)).isEqualTo(Instant.EPOCH);
        assertThat(WindowsStructs.fromFileTime(116_444_736_000_000_001L)).isEqualTo(Instant.EPOCH.plusNanos(100));
        assertThat(WindowsStructs.fromFileTime(1)).isEqualTo(Instant.parse("1601-01-01T00:00:00.000000100Z"));
        assertThat(WindowsStructs.fromFileTime(0)).isNull();
        assertThat(WindowsStructs.fromFileTime(-1)).isNull();
    }
}
