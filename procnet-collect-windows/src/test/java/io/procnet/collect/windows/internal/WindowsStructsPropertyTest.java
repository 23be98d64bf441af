package io.procnet.collect.windows.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.testkit.Bytes;
import io.procnet.testkit.Damage;
import io.procnet.testkit.Damaged;
import io.procnet.testkit.Trials;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Properties of every decoder of {@link WindowsStructs} on the recorded structures: cut at every
 * length, with garbage around the bytes, and with bytes overwritten. No exception escapes; a
 * structure decodes as in the whole recording or gives no value (a service is counted as
 * skipped); nothing past the buffer's limit is read.
 */
class WindowsStructsPropertyTest {
    /** Damage to Windows' little-endian fields: 1 to 8 edits a copy. */
    private static final Damage DAMAGE = Damage.binary(ByteOrder.LITTLE_ENDIAN).edits(8);

    /**
     * A recorded structure and one decoder of it: {@code none} is what the decoder gives for bytes
     * that do not hold the structure, {@code size} how many bytes it needs, {@code fields} the byte
     * ranges {@code [from, to)} that its value comes from.
     */
    private record Single(String name, byte[] bytes, Function<ByteBuffer, Object> decode, Object none, int size,
                          int[]... fields) {
        Object whole() {
            return decode.apply(ByteBuffer.wrap(bytes));
        }

        boolean touched(Damaged mutation) {
            return Arrays.stream(fields).anyMatch(field -> mutation.touched(field[0], field[1]));
        }

        @Override
        public String toString() {
            return name;
        }
    }

    /** The recorder's command line as {@code ProcessCommandLineInformation} gives it: its UNICODE_STRING, then the text. */
    private static byte[] commandLineInformation() {
        byte[] parameters = Fixtures.load("process-parameters-self-wine.bin").array();
        byte[] text = Fixtures.load("command-line-text-self-wine.bin").array();
        byte[] bytes = new byte[WindowsStructs.UNICODE_STRING_SIZE + text.length];
        System.arraycopy(parameters, WindowsStructs.PARAMETERS_COMMAND_LINE, bytes, 0, WindowsStructs.UNICODE_STRING_SIZE);
        System.arraycopy(text, 0, bytes, WindowsStructs.UNICODE_STRING_SIZE, text.length);
        return bytes; // its Buffer is the recorded address of the text, COMMAND_LINE_BASE + 16
    }

    /** The address of {@link #commandLineInformation()}: its text stays where the recording says. */
    private static final long COMMAND_LINE_BASE = ByteBuffer.wrap(Fixtures.load("process-parameters-self-wine.bin").array())
            .order(ByteOrder.LITTLE_ENDIAN).getLong(WindowsStructs.PARAMETERS_COMMAND_LINE + 8)
            - WindowsStructs.UNICODE_STRING_SIZE;

    private static List<Single> singles() {
        int name = WindowsStructs.PROCESS_ENTRY_EXE;
        int nameEnd = name + ("iphlpapi_dump.exe".length() + 1) * 2;
        int line = WindowsStructs.PARAMETERS_COMMAND_LINE;
        byte[] information = commandLineInformation();
        List<Single> singles = List.of(
                new Single("PROCESSENTRY32W", Fixtures.load("process-entry-self-wine.bin").array(),
                        WindowsStructs::decodeProcessEntry, null, WindowsStructs.PROCESS_ENTRY_SIZE,
                        new int[] {8, 12}, new int[] {32, 36}, new int[] {name, nameEnd}),
                new Single("PROCESS_BASIC_INFORMATION.PebBaseAddress",
                        Fixtures.load("process-basic-information-self-wine.bin").array(),
                        b -> WindowsStructs.decodePointer(b, WindowsStructs.BASIC_INFORMATION_PEB), 0L,
                        WindowsStructs.BASIC_INFORMATION_PEB + 8, new int[] {8, 16}),
                new Single("PEB.ProcessParameters", Fixtures.load("peb-self-wine.bin").array(),
                        b -> WindowsStructs.decodePointer(b, WindowsStructs.PEB_PROCESS_PARAMETERS), 0L,
                        WindowsStructs.PEB_PROCESS_PARAMETERS + 8, new int[] {0x20, 0x28}),
                new Single("RTL_USER_PROCESS_PARAMETERS.CommandLine", Fixtures.load("process-parameters-self-wine.bin").array(),
                        b -> WindowsStructs.decodeUnicodeStringAt(b, line), null, line + WindowsStructs.UNICODE_STRING_SIZE,
                        new int[] {line, line + 2}, new int[] {line + 8, line + 16}),
                new Single("ProcessCommandLineInformation", information,
                        b -> WindowsStructs.decodeUnicodeString(b, COMMAND_LINE_BASE), null, information.length,
                        new int[] {0, 2}, new int[] {8, information.length}));
        for (Single single : singles) {
            assertThat(single.whole()).as(single.name()).isNotNull().isNotEqualTo(single.none());
        }
        return singles;
    }

    @Test
    void everyCutOfAStructureGivesNoValueUntilItIsWholeThenTheWholeValue() {
        for (Single single : singles()) {
            Object whole = single.whole();
            for (int length = 0; length <= single.bytes().length; length++) {
                assertThat(single.decode().apply(Bytes.cut(single.bytes(), length))).as(single + " cut at " + length)
                        .isEqualTo(length < single.size() ? single.none() : whole);
            }
        }
    }

    @Test
    void nothingOutsideAStructuresBufferIsRead() {
        List<Single> singles = singles();
        Trials.run("structs: garbage around the buffer", 300, random -> {
            for (Single single : singles) {
                for (int length = 0; length <= single.bytes().length; length++) {
                    byte[] cut = Arrays.copyOf(single.bytes(), length);
                    assertThat(single.decode().apply(Bytes.amidGarbage(random, cut))).as(single + " cut at " + length)
                            .isEqualTo(single.decode().apply(ByteBuffer.wrap(cut)));
                }
            }
        });
    }

    @Test
    void overwrittenBytesThrowNothingAndChangeAStructureOnlyThroughItsFields() {
        List<Single> singles = singles();
        Trials.run("structs: bytes overwritten", 50_000, random -> {
            Single single = singles.get(random.nextInt(singles.size()));
            Damaged mutation = DAMAGE.copy(random, single.bytes());
            int length = random.nextInt(4) == 0 ? random.nextInt(single.bytes().length + 1) : single.bytes().length;
            String what = single + " with " + mutation + ", cut at " + length;

            Object value = single.decode().apply(ByteBuffer.wrap(mutation.bytes(), 0, length).slice());

            if (!single.touched(mutation)) {
                assertThat(value).as(what).isEqualTo(length < single.size() ? single.none() : single.whole());
            }
            if (value instanceof WindowsStructs.ProcessEntry entry) {
                assertThat(entry.exeFile()).as(what).doesNotContain("\0").hasSizeLessThan(WindowsStructs.MAX_PATH);
            }
            if (value instanceof String text) { // Length bytes of UTF-16: fewer characters when a surrogate is unpaired
                int lengthBytes = ByteBuffer.wrap(mutation.bytes()).order(ByteOrder.LITTLE_ENDIAN).getShort(0) & 0xFFFF;
                assertThat(text).as(what).hasSizeLessThanOrEqualTo((lengthBytes + 1) / 2);
            }
        });
    }

    @Test
    void aCommandLineDecodesForAnyBaseAndPointerWithoutAnException() {
        byte[] information = commandLineInformation();
        String whole = WindowsStructs.decodeUnicodeString(ByteBuffer.wrap(information), COMMAND_LINE_BASE);
        int recordedLength = ByteBuffer.wrap(information).order(ByteOrder.LITTLE_ENDIAN).getShort(0) & 0xFFFF;
        Trials.run("structs: any base and pointer", 50_000, random -> {
            long base = random.nextBoolean() ? edgeOrRandom(random) : COMMAND_LINE_BASE;
            long pointer = switch (random.nextInt(3)) {
                case 0 -> base + WindowsStructs.UNICODE_STRING_SIZE; // where the text is
                case 1 -> base + random.nextInt(-64, information.length + 64);
                default -> edgeOrRandom(random);
            };
            int lengthBytes = random.nextBoolean() ? recordedLength : random.nextInt(0x10000);
            ByteBuffer b = ByteBuffer.wrap(information.clone()).order(ByteOrder.LITTLE_ENDIAN);
            b.putShort(0, (short) lengthBytes).putLong(8, pointer);
            String what = "base " + base + ", pointer " + pointer + ", length " + lengthBytes;

            String text = WindowsStructs.decodeUnicodeString(b, base);

            if (pointer - base == WindowsStructs.UNICODE_STRING_SIZE && lengthBytes == recordedLength) {
                assertThat(text).as(what).isEqualTo(whole);
            }
            if (text != null) { // the recorded text: no unpaired surrogate
                assertThat(text).as(what).hasSize((lengthBytes + 1) / 2);
            }
        });
    }

    private static long edgeOrRandom(SplittableRandom random) {
        long[] edges = {0, 1, -1, Long.MAX_VALUE, Long.MIN_VALUE, Long.MAX_VALUE - 20, Long.MIN_VALUE + 20};
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : random.nextLong();
    }

    @Test
    void anyFileTimeGivesAnInstantOrNoneAndBackTheSameTicks() {
        Trials.run("structs: file times", 100_000, random -> {
            long ticks = random.nextInt(8) == 0 ? edgeOrRandom(random) + random.nextInt(-2, 3) : random.nextLong();

            Instant instant = WindowsStructs.fromFileTime(ticks);

            if (ticks <= 0) {
                assertThat(instant).as("ticks " + ticks).isNull();
            } else {
                long back = (instant.getEpochSecond() + 11_644_473_600L) * 10_000_000 + instant.getNano() / 100;
                assertThat(back).as("ticks " + ticks + " at " + instant).isEqualTo(ticks);
            }
        });
    }

    // ---- services: a recorded EnumServicesStatusExW chunk, decoded entry by entry in the test to know what each holds

    /** One recorded service entry: its process, its name, and where its name's bytes and NUL end. */
    private record Service(int index, long pid, String name, int nameFrom, int nameEnd) {
    }

    private static final class Services {
        final long base;
        final int count;
        final byte[] bytes;
        final List<Service> entries = new ArrayList<>();

        Services() {
            ByteBuffer file = Fixtures.load("services-wine.bin");
            base = file.getLong(0);
            count = file.getInt(8);
            bytes = Arrays.copyOfRange(file.array(), 12, file.limit());
            ByteBuffer le = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < count; i++) {
                int from = (int) (le.getLong(i * WindowsStructs.SERVICE_ENTRY_SIZE) - base);
                int end = from;
                while (le.getShort(end) != 0) {
                    end += 2;
                }
                String name = new String(bytes, from, end - from, StandardCharsets.UTF_16LE);
                long pid = le.getInt(i * WindowsStructs.SERVICE_ENTRY_SIZE + WindowsStructs.SERVICE_PID) & 0xFFFF_FFFFL;
                entries.add(new Service(i, pid, name, from, end + 2));
            }
        }

        /** What the first {@code length} bytes must decode to: the entries wholly in them with their names. */
        Decoded expectedAt(int length) {
            Map<Long, List<String>> byPid = new TreeMap<>();
            int skipped = 0;
            for (Service service : entries) {
                boolean entryFits = (service.index() + 1) * WindowsStructs.SERVICE_ENTRY_SIZE <= length;
                if (entryFits && service.pid() == 0) {
                    continue;
                }
                if (entryFits && service.nameEnd() <= length) {
                    byPid.computeIfAbsent(service.pid(), p -> new ArrayList<>()).add(service.name());
                } else {
                    skipped++;
                }
            }
            return new Decoded(byPid, skipped);
        }
    }

    /** A decode of services: the names by pid, in the order of the entries, and how many were skipped. */
    private record Decoded(Map<Long, List<String>> byPid, int skipped) {
        static Decoded of(ByteBuffer b, long base, int count) {
            Map<Long, List<String>> byPid = new TreeMap<>();
            int skipped = WindowsStructs.decodeServices(b, base, count, byPid);
            return new Decoded(byPid, skipped);
        }

        int names() {
            return byPid.values().stream().mapToInt(List::size).sum();
        }
    }

    @Test
    void everyCutOfTheServicesDecodesTheEntriesWhollyInItAndCountsTheOthers() {
        Services services = new Services();
        Decoded whole = Decoded.of(ByteBuffer.wrap(services.bytes), services.base, services.count);
        assertThat(whole).isEqualTo(services.expectedAt(services.bytes.length));
        assertThat(whole.names()).isEqualTo(services.count);

        for (int length = 0; length <= services.bytes.length; length++) {
            // a slice has exactly the capacity of the cut: no copy of 64 KB for each of 64 K lengths
            ByteBuffer cut = ByteBuffer.wrap(services.bytes, 0, length).slice();
            assertThat(Decoded.of(cut, services.base, services.count)).as("cut at " + length)
                    .isEqualTo(services.expectedAt(length));
        }
    }

    @Test
    void nothingPastTheServicesLimitIsRead() {
        Services services = new Services();
        int n = services.bytes.length;
        Decoded[] expected = new Decoded[n + 1];
        for (int length = 0; length <= n; length++) {
            expected[length] = services.expectedAt(length);
        }
        Trials.run("services: garbage around the buffer", 10, random -> {
            ByteBuffer b = Bytes.amidGarbage(random, services.bytes);
            // from the whole buffer down to none: each step turns the last byte of the cut into garbage
            for (int length = n; length >= 0; length--) {
                b.limit(length).position(random.nextInt(length + 1));
                assertThat(Decoded.of(b, services.base, services.count)).as("cut at " + length).isEqualTo(expected[length]);
                if (length > 0) {
                    b.put(length - 1, (byte) random.nextInt(256));
                }
            }
        });
    }

    @Test
    void overwrittenServicesThrowNothingAndAccountForEveryEntry() {
        Services services = new Services();
        int used = services.entries.stream().mapToInt(Service::nameEnd).max().orElseThrow() + 64;
        Trials.run("services: bytes overwritten", 20_000, random -> {
            Damaged mutation = DAMAGE.copy(random, services.bytes, 0, used);
            boolean otherCount = random.nextInt(8) == 0;
            int count = otherCount ? (int) edgeOrRandom(random) : services.count;
            boolean otherBase = random.nextInt(8) == 0;
            long base = otherBase ? edgeOrRandom(random) : services.base;
            int length = random.nextInt(4) == 0 ? random.nextInt(used) : services.bytes.length;
            String what = mutation + ", count " + count + ", base " + base + ", cut at " + length;

            Decoded decoded = Decoded.of(ByteBuffer.wrap(mutation.bytes(), 0, length).slice(), base, count);

            int fit = Math.min(Math.max(count, 0), length / WindowsStructs.SERVICE_ENTRY_SIZE);
            ByteBuffer le = ByteBuffer.wrap(mutation.bytes()).order(ByteOrder.LITTLE_ENDIAN);
            int stopped = 0;
            for (int i = 0; i < fit; i++) {
                stopped += le.getInt(i * WindowsStructs.SERVICE_ENTRY_SIZE + WindowsStructs.SERVICE_PID) == 0 ? 1 : 0;
            }
            assertThat(decoded.names() + decoded.skipped() + stopped).as(what + ": every entry accounted for")
                    .isEqualTo(Math.max(count, 0));
            assertThat(decoded.byPid().keySet()).as(what).allMatch(pid -> pid > 0);
            assertThat(decoded.byPid().values()).as(what).allSatisfy(names -> assertThat(names)
                    .allSatisfy(name -> assertThat(name).isNotEmpty().doesNotContain("\0")));
            if (!otherBase) {
                for (Service service : services.entries) {
                    int entry = service.index() * WindowsStructs.SERVICE_ENTRY_SIZE;
                    if (service.index() < fit && service.nameEnd() <= length
                            && !mutation.touched(entry, entry + WindowsStructs.SERVICE_ENTRY_SIZE)
                            && !mutation.touched(service.nameFrom(), service.nameEnd())) {
                        assertThat(decoded.byPid().get(service.pid())).as(what + ": " + service).contains(service.name());
                    }
                }
            }
        });
    }
}
