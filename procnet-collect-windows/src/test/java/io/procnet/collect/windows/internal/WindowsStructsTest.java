package io.procnet.collect.windows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WindowsStructsTest {

    @Test
    void decodesAToolhelpEntry() {
        WindowsStructs.ProcessEntry entry = WindowsStructs.decodeProcessEntry(Fixtures.load("process-entry-self-wine.bin"));

        assertThat(entry.pid()).isEqualTo(Fixtures.RECORDER_PID);
        assertThat(entry.exeFile()).isEqualTo("iphlpapi_dump.exe");
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

    @Test
    void fileTimesCountFrom1601() {
        assertThat(WindowsStructs.fromFileTime(116_444_736_000_000_000L)).isEqualTo(Instant.EPOCH);
        assertThat(WindowsStructs.fromFileTime(116_444_736_000_000_001L)).isEqualTo(Instant.EPOCH.plusNanos(100));
        assertThat(WindowsStructs.fromFileTime(0)).isNull();
    }
}
