package io.procnet.collect.posix.internal.procfs;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.collect.posix.internal.Fixtures;
import io.procnet.collect.posix.internal.linux.RawSocket;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.testkit.Damage;
import io.procnet.testkit.Damaged;
import io.procnet.testkit.Trials;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the parser over every recorded table, cut at every length and damaged
 * ({@link Damage}, on seeded {@link Trials}). Whatever the text, nothing escapes and every row is
 * one the model accepts. A cut table gives the rows of its whole lines, and its cut line either as
 * in the whole table or counted as malformed; a damaged one gives every line it did not touch as
 * it was. (A touched line may read as another socket: a flipped hex digit is as good an address as
 * the real one.)
 */
class ProcNetParserPropertyTest {
    /** Copies per fixture: enough to reach every line of the small fixtures many times over, in about a second. */
    private static final int COPIES = 1_000;

    /** A line of the table after its header: where it starts and where its newline is. */
    private record Line(int start, int newline) {
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(Arguments.of("proc-net-tcp-loopback.txt", Protocol.TCP),
                Arguments.of("proc-net-tcp6-v6-and-v4mapped.txt", Protocol.TCP),
                Arguments.of("proc-net-udp-bound-and-connected.txt", Protocol.UDP),
                Arguments.of("proc-net-udp6-bound.txt", Protocol.UDP));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aCutTableGivesItsWholeLinesAndReadsOrCountsTheOneCut(String fixture, Protocol protocol) {
        byte[] bytes = Fixtures.bytes(ProcNetParserPropertyTest.class, fixture);
        ProcNetParser.Parsed whole = parse(bytes, bytes.length, protocol);
        List<Line> lines = lines(bytes);
        assertThat(whole.malformed()).as(fixture).isZero();
        assertThat(whole.rows()).as(fixture).hasSameSizeAs(lines);
        for (int length = 0; length <= bytes.length; length++) {
            int complete = 0;
            boolean cutLine = false;
            for (Line line : lines) {
                if (line.newline() < length) {
                    complete++;
                } else if (line.start() < length && !new String(bytes, line.start(), length - line.start(),
                        StandardCharsets.UTF_8).isBlank()) {
                    cutLine = true;
                }
            }
            String what = fixture + " cut at " + length + " of " + bytes.length;

            ProcNetParser.Parsed cut = parse(bytes, length, protocol);

            if (cutLine && cut.malformed() == 0) {
                assertThat(cut.rows()).as(what + ", the cut line read").isEqualTo(whole.rows().subList(0, complete + 1));
            } else {
                assertThat(cut.rows()).as(what).isEqualTo(whole.rows().subList(0, complete));
                assertThat(cut.malformed()).as(what + ", malformed").isEqualTo(cutLine ? 1 : 0);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aDamagedTableThrowsNothingAndKeepsTheLinesItDidNotTouch(String fixture, Protocol protocol) {
        byte[] bytes = Fixtures.bytes(ProcNetParserPropertyTest.class, fixture);
        List<RawSocket> wholeRows = parse(bytes, bytes.length, protocol).rows();
        List<Line> lines = lines(bytes);
        Trials.run(fixture + ": damaged", COPIES, random -> {
            Damaged copy = Damage.text().copy(random, bytes);
            ProcNetParser.Parsed damaged;
            try {
                damaged = parse(copy.bytes(), copy.bytes().length, protocol);
                for (RawSocket socket : damaged.rows()) {
                    socket.withOwner(SocketEntry.NO_PID); // a row the model refuses would throw out of the collector
                }
            } catch (RuntimeException e) {
                throw new AssertionError(copy + " threw " + e, e);
            }

            List<RawSocket> kept = new ArrayList<>();
            for (int i = 0; i < lines.size(); i++) {
                // the newline before a line decides where it starts
                if (!copy.touched(lines.get(i).start() - 1, lines.get(i).newline() + 1)) {
                    kept.add(wholeRows.get(i));
                }
            }
            if (!kept.isEmpty()) { // AssertJ finds no empty subsequence in a list that is not empty
                assertThat(damaged.rows()).as(copy.toString()).containsSubsequence(kept);
            }
        });
    }

    private static ProcNetParser.Parsed parse(byte[] bytes, int length, Protocol protocol) {
        return ProcNetParser.parse(new String(bytes, 0, length, StandardCharsets.UTF_8), protocol,
                ByteOrder.LITTLE_ENDIAN); // recorded on x86-64
    }

    /** The lines after the header line. */
    private static List<Line> lines(byte[] bytes) {
        List<Line> lines = new ArrayList<>();
        int start = -1;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                if (start >= 0) {
                    lines.add(new Line(start, i));
                }
                start = i + 1;
            }
        }
        return lines;
    }
}
