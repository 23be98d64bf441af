package io.procnet.collect.posix.internal.netlink;

import static org.assertj.core.api.Assertions.assertThat;

import io.procnet.collect.posix.internal.Fixtures;
import io.procnet.collect.posix.internal.linux.RawSocket;
import io.procnet.model.Protocol;
import io.procnet.model.SocketEntry;
import io.procnet.testkit.Bytes;
import io.procnet.testkit.Damage;
import io.procnet.testkit.Damaged;
import io.procnet.testkit.Trials;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties of the decoder over every recorded reply, each datagram cut at every length and
 * damaged ({@link Damage}, on seeded {@link Trials}). Whatever the bytes: nothing escapes, nothing
 * past the given length is read (the same bytes followed by the rest of the datagram, or by
 * garbage, decode the same), and the address cache changes no answer. A cut datagram gives exactly
 * the rows of its whole messages and counts the one it cut; a damaged one gives the rows of the
 * messages before the first damaged header as they were (after a damaged length nothing can be
 * framed, and a damaged type may end the dump).
 */
class InetDiagCodecPropertyTest {
    /** Copies per datagram: enough to reach every field of the small fixtures many times over, in about a second. */
    private static final int COPIES = 1_000;
    /** Damage to the fields of the host's order, and to lengths either side of this format's sizes. */
    private static final Damage DAMAGE = Damage.binary(ByteOrder.nativeOrder()).words(
            InetDiag.NLMSG_HDRLEN + 3, InetDiag.NLMSG_HDRLEN + 4, InetDiag.NLMSG_HDRLEN + 5, // an NLMSG_ERROR
            InetDiag.MSG_LENGTH - 1, InetDiag.MSG_LENGTH, InetDiag.MSG_LENGTH + 1, // an inet_diag_msg
            InetDiag.MSG_LENGTH + InetDiag.RTA_HDRLEN,
            InetDiag.NLMSG_HDRLEN + InetDiag.MSG_LENGTH - 1, InetDiag.NLMSG_HDRLEN + InetDiag.MSG_LENGTH, // a message
            InetDiag.NLMSG_HDRLEN + InetDiag.MSG_LENGTH + 1,
            InetDiag.NLMSG_HDRLEN + InetDiag.MSG_LENGTH + InetDiag.RTA_HDRLEN); // ...and its first attribute
    private final InetDiagCodec warm = new InetDiagCodec(); // one for every decode of a test: its cache fills up

    /** What one decode gave. */
    private record Result(List<RawSocket> rows, InetDiagCodec.Status status, int errno, int malformed) {
    }

    /** A message of a datagram, framed by the test from the recorded lengths. */
    private record Message(int offset, int length, int type) {
    }

    static Stream<String> fixtures() {
        return Stream.of("tcp4-with-info.bin", "tcp6-v6-and-v4mapped-with-info.bin", "tcp6-without-info.bin",
                "udp4.bin", "udp6.bin");
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aCutDatagramGivesItsWholeMessagesAndCountsTheOneCut(String fixture) {
        Protocol protocol = protocolOf(fixture);
        List<byte[]> datagrams = datagrams(fixture);
        Trials.run(fixture + ": cut at every length", 1, random -> {
            for (byte[] datagram : datagrams) {
                assertEveryCut(fixture, datagram, protocol, random);
            }
        });
    }

    private void assertEveryCut(String fixture, byte[] datagram, Protocol protocol, SplittableRandom random) {
        Result whole = decode(new InetDiagCodec(), datagram, datagram.length, protocol, InetDiagCodec.ANY_SEQUENCE);
        assertThat(whole.malformed()).as(fixture).isZero();
        List<Message> messages = frame(datagram);
        for (int length = 0; length <= datagram.length; length++) {
            int rows = 0;
            int malformed = 0;
            InetDiagCodec.Status status = InetDiagCodec.Status.MORE;
            for (Message message : messages) {
                if (message.offset() + message.length() <= length) {
                    rows += message.type() == InetDiag.SOCK_DIAG_BY_FAMILY ? 1 : 0;
                    status = message.type() == InetDiag.NLMSG_DONE ? whole.status() : status;
                } else if (message.offset() < length) {
                    malformed = 1;
                }
            }
            byte[] cut = Arrays.copyOf(datagram, length);
            String what = fixture + " cut at " + length + " of " + datagram.length;

            Result decoded = decode(new InetDiagCodec(), cut, length, protocol, InetDiagCodec.ANY_SEQUENCE);

            assertThat(decoded).as(what)
                    .isEqualTo(new Result(whole.rows().subList(0, rows), status, 0, malformed));
            assertReadsNothingPast(cut, decoded, datagram, protocol, InetDiagCodec.ANY_SEQUENCE, random, what);
        }
    }

    @ParameterizedTest
    @MethodSource("fixtures")
    void aDamagedDatagramThrowsNothingAndKeepsTheMessagesBeforeTheDamage(String fixture) {
        Protocol protocol = protocolOf(fixture);
        List<byte[]> datagrams = datagrams(fixture);
        for (int d = 0; d < datagrams.size(); d++) {
            byte[] datagram = datagrams.get(d);
            int sequence = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder()).getInt(8); // as a dump checks it
            List<RawSocket> wholeRows = decode(new InetDiagCodec(), datagram, datagram.length, protocol, sequence).rows();
            List<Message> messages = frame(datagram);
            Trials.run(fixture + " datagram " + d + ": damaged", COPIES, random -> {
                Damaged copy = DAMAGE.copy(random, datagram);
                byte[] bytes = copy.bytes();

                Result damaged = decode(warm, bytes, bytes.length, protocol, sequence, copy);

                List<RawSocket> kept = new ArrayList<>();
                int row = 0;
                for (Message message : messages) {
                    if (copy.touched(message.offset(), message.offset() + InetDiag.NLMSG_HDRLEN)) {
                        break;
                    }
                    if (message.type() == InetDiag.SOCK_DIAG_BY_FAMILY) {
                        if (!copy.touched(message.offset(), message.offset() + message.length())) {
                            kept.add(wholeRows.get(row));
                        }
                        row++;
                    }
                }
                if (!kept.isEmpty()) { // AssertJ finds no empty subsequence in a list that is not empty
                    assertThat(damaged.rows()).as(copy.toString()).containsSubsequence(kept);
                }
                for (RawSocket socket : damaged.rows()) {
                    socket.withOwner(SocketEntry.NO_PID); // a row the model refuses would throw out of the collector
                }
                assertThat(decode(new InetDiagCodec(), bytes, bytes.length, protocol, sequence, copy))
                        .as(copy + " with an empty address cache").isEqualTo(damaged);
                assertReadsNothingPast(bytes, damaged, null, protocol, sequence, random, copy.toString());
            });
        }
    }

    /**
     * {@code bytes} followed by the rest of {@code datagram} (when given) and by random bytes decode
     * as {@code bytes} alone did: the decoder reads nothing past the length it is given.
     */
    private void assertReadsNothingPast(byte[] bytes, Result exact, byte[] datagram, Protocol protocol, int sequence,
                                        SplittableRandom random, String what) {
        if (datagram != null) {
            assertThat(decode(new InetDiagCodec(), datagram, bytes.length, protocol, sequence))
                    .as(what + ", followed by the rest of the datagram").isEqualTo(exact);
        }
        byte[] padded = Bytes.garbageAfter(random, bytes, bytes.length, 128);
        assertThat(decode(warm, padded, bytes.length, protocol, sequence)).as(what + ", followed by garbage")
                .isEqualTo(exact);
    }

    private static Result decode(InetDiagCodec codec, byte[] bytes, int length, Protocol protocol, int sequence) {
        List<RawSocket> rows = new ArrayList<>();
        InetDiagCodec.Decoded decoded = codec.decode(ByteBuffer.wrap(bytes), length, protocol, sequence, rows);
        return new Result(rows, decoded.status, decoded.errno, decoded.malformed);
    }

    private static Result decode(InetDiagCodec codec, byte[] bytes, int length, Protocol protocol, int sequence,
                                 Damaged copy) {
        try {
            return decode(codec, bytes, length, protocol, sequence);
        } catch (RuntimeException e) {
            throw new AssertionError(copy + " threw " + e, e);
        }
    }

    /** The messages of a whole datagram, by their lengths. */
    private static List<Message> frame(byte[] datagram) {
        ByteBuffer b = ByteBuffer.wrap(datagram).order(ByteOrder.nativeOrder());
        List<Message> messages = new ArrayList<>();
        for (int offset = 0; offset + InetDiag.NLMSG_HDRLEN <= datagram.length; ) {
            int length = b.getInt(offset);
            messages.add(new Message(offset, length, b.getShort(offset + 4) & 0xFFFF));
            offset += InetDiag.align(length);
        }
        return messages;
    }

    private static List<byte[]> datagrams(String fixture) {
        List<byte[]> datagrams = new ArrayList<>();
        for (ByteBuffer datagram : InetDiagCodecTest.datagrams(Fixtures.bytes(InetDiagCodecTest.class, fixture))) {
            datagrams.add(datagram.array());
        }
        return datagrams;
    }

    private static Protocol protocolOf(String fixture) {
        return fixture.startsWith("udp") ? Protocol.UDP : Protocol.TCP;
    }
}
