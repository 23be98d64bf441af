package io.procnet.collect.posix.internal.ss;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.collect.posix.internal.Fixtures;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.testkit.Damage;
import io.procnet.testkit.Damaged;
import io.procnet.testkit.Trials;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the parser over every recorded output, cut at every length and damaged
 * ({@link Damage}, on seeded {@link Trials}); the text is made from the bytes as the collector
 * makes it, so a cut may fall inside a character of a hostile name. Whatever the text, nothing
 * escapes. A cut output gives the rows of its whole sockets (a socket line and its {@code -i}
 * line), and its cut socket either as in the whole output or counted as malformed; a damaged one
 * gives every socket it did not touch as it was.
 *
 * <p>One cut cannot be told from whole output: right after a socket line's newline, before its
 * {@code -i} line, which reads as a socket ss printed without one (as without {@code -i}). That
 * socket comes without counters, and is otherwise as in the whole output.
 */
class SsParserPropertyTest {
    /** Copies per fixture: enough to reach every line of the small fixtures many times over, in about a second. */
    private static final int COPIES = 1_000;

    /** A socket of the output: where its line starts, that line's newline, and the newline of its -i line (or the same). */
    private record Socket(int start, int newline, int end) {
    }

    static Stream<Arguments> fixtures() {
        return Stream.of(Arguments.of("ss-tanpi-hostile-names.txt", Protocol.TCP),
                Arguments.of("ss-tanpi-v6-and-v4mapped.txt", Protocol.TCP),
                Arguments.of("ss-uanpi.txt", Protocol.UDP));
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aCutOutputGivesItsWholeSocketsAndReadsOrCountsTheOneCut(String fixture, Protocol protocol) {
        byte[] bytes = Fixtures.bytes(SsParserPropertyTest.class, fixture);
        SsParser.Parsed whole = parse(bytes, bytes.length, protocol);
        List<Socket> sockets = sockets(bytes);
        assertThat(whole.malformed()).as(fixture).isZero();
        assertThat(whole.rows()).as(fixture).hasSameSizeAs(sockets);
        for (int length = 0; length <= bytes.length; length++) {
            int complete = 0;
            Socket cutSocket = null;
            for (Socket socket : sockets) {
                if (socket.end() < length) {
                    complete++;
                } else if (socket.start() < length) {
                    cutSocket = socket;
                }
            }
            List<SsParser.Row> before = whole.rows().subList(0, complete);
            String what = fixture + " cut at " + length + " of " + bytes.length;

            SsParser.Parsed cut = parse(bytes, length, protocol);

            if (cutSocket == null) {
                assertThat(cut.rows()).as(what).isEqualTo(before);
                assertThat(cut.malformed()).as(what + ", malformed").isZero();
            } else if (length == cutSocket.newline() + 1) {
                List<SsParser.Row> expected = new ArrayList<>(before);
                expected.add(withoutCounters(whole.rows().get(complete)));
                assertThat(cut.rows()).as(what + ", before the -i line").isEqualTo(expected);
                assertThat(cut.malformed()).as(what + ", malformed").isZero();
            } else if (cut.malformed() == 0) {
                assertThat(cut.rows()).as(what + ", the cut socket read")
                        .isEqualTo(whole.rows().subList(0, complete + 1));
            } else {
                assertThat(cut.rows()).as(what).isEqualTo(before);
                assertThat(cut.malformed()).as(what + ", malformed").isEqualTo(1);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aDamagedOutputThrowsNothingAndKeepsTheSocketsItDidNotTouch(String fixture, Protocol protocol) {
        byte[] bytes = Fixtures.bytes(SsParserPropertyTest.class, fixture);
        List<SsParser.Row> wholeRows = parse(bytes, bytes.length, protocol).rows();
        List<Socket> sockets = sockets(bytes);
        Trials.run(fixture + ": damaged", COPIES, random -> {
            Damaged copy = Damage.text().copy(random, bytes);
            SsParser.Parsed damaged;
            try {
                damaged = parse(copy.bytes(), copy.bytes().length, protocol);
            } catch (RuntimeException e) {
                throw new AssertionError(copy + " threw " + e, e);
            }

            List<SsParser.Row> kept = new ArrayList<>();
            for (int i = 0; i < sockets.size(); i++) {
                // the newline before decides where the socket starts; the first byte after, whether the next line is its -i line
                if (!copy.touched(sockets.get(i).start() - 1, sockets.get(i).end() + 2)) {
                    kept.add(wholeRows.get(i));
                }
            }
            if (!kept.isEmpty()) { // AssertJ finds no empty subsequence in a list that is not empty
                assertThat(damaged.rows()).as(copy.toString()).containsSubsequence(kept);
            }
        });
    }

    private static SsParser.Row withoutCounters(SsParser.Row row) {
        SocketEntry s = row.socket();
        return new SsParser.Row(new SocketEntry(s.protocol(), s.local(), s.remote(), s.state(), s.pid(), s.inode(), null,
                s.namespace()), row.users());
    }

    private static SsParser.Parsed parse(byte[] bytes, int length, Protocol protocol) {
        return SsParser.parse(new String(bytes, 0, length, StandardCharsets.UTF_8), protocol);
    }

    /** The sockets after the header line: lines that start with no blank, each with the -i line after it, if any. */
    private static List<Socket> sockets(byte[] bytes) {
        List<Integer> starts = new ArrayList<>();
        List<Integer> newlines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                starts.add(start);
                newlines.add(i);
                start = i + 1;
            }
        }
        List<Socket> sockets = new ArrayList<>();
        for (int line = 1; line < starts.size(); line++) { // line 0 is the header
            if (!blankAt(bytes, starts.get(line))) {
                boolean info = line + 1 < starts.size() && blankAt(bytes, starts.get(line + 1));
                sockets.add(new Socket(starts.get(line), newlines.get(line), newlines.get(info ? line + 1 : line)));
            }
        }
        return sockets;
    }

    private static boolean blankAt(byte[] bytes, int at) {
        return bytes[at] == ' ' || bytes[at] == '\t';
    }
}
