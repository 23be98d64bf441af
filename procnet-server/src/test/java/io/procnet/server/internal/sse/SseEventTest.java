package io.procnet.server.internal.sse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;

class SseEventTest {

    @Test
    void anEventIsItsNameIdAndOneDataLine() {
        SseEvent event = SseEvent.of("delta", 42, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(new String(event.bytes(), StandardCharsets.UTF_8))
                .isEqualTo("event: delta\nid: 42\ndata: {\"a\":1}\n\n");
        assertThat(new String(SseEvent.comment("keep-alive").bytes(), StandardCharsets.UTF_8))
                .isEqualTo(": keep-alive\n\n");
    }

    @Test
    void theGzippedFormIsMadeOnce() {
        SseEvent event = SseEvent.of("graph", 1, "{}".getBytes(StandardCharsets.UTF_8));
        assertThat(event.gzipped()).isSameAs(event.gzipped());
    }

    @Test
    void eachGzippedEventDecodesOnItsOwnWithoutWaitingForTheNext() throws Exception {
        for (SseEvent event : new SseEvent[] {small("a"), large(7, 300_000), SseEvent.comment("keep-alive")}) {
            Inflater inflater = new Inflater(true);
            inflater.setInput(event.gzipped());
            byte[] out = new byte[event.bytes().length + 1];
            int n = inflateAll(inflater, out);
            assertThat(n).isEqualTo(event.bytes().length);
            assertThat(java.util.Arrays.copyOf(out, n)).isEqualTo(event.bytes());
            // every byte was taken and the stream goes on: a sync flush, no final block
            assertThat(inflater.getRemaining()).isZero();
            assertThat(inflater.finished()).isFalse();
            inflater.end();
        }
    }

    @Test
    void aClientStreamIsTheHeaderAndEventsOneAfterAnother() throws Exception {
        SseEvent a = small("first");
        SseEvent b = large(11, 200_000);
        SseEvent c = SseEvent.comment("keep-alive");
        Gate gate = new Gate();
        gate.release(SseEvent.GZIP_HEADER);
        gate.release(a.gzipped());
        // as a browser reads: each event comes out whole before the next byte of the stream exists
        GZIPInputStream gzip = new GZIPInputStream(gate, 512);
        assertThat(gzip.readNBytes(a.bytes().length)).isEqualTo(a.bytes());
        gate.release(b.gzipped());
        assertThat(gzip.readNBytes(b.bytes().length)).isEqualTo(b.bytes());
        gate.release(c.gzipped());
        gate.release(a.gzipped());
        assertThat(gzip.readNBytes(c.bytes().length + a.bytes().length))
                .isEqualTo(concat(c.bytes(), a.bytes()));
    }

    private static int inflateAll(Inflater inflater, byte[] out) throws DataFormatException {
        int n = 0;
        while (n < out.length) {
            int more = inflater.inflate(out, n, out.length - n);
            if (more == 0) {
                break;
            }
            n += more;
        }
        return n;
    }

    private static SseEvent small(String text) {
        return SseEvent.of("delta", 7, ("{\"text\":\"" + text + "\"}").getBytes(StandardCharsets.UTF_8));
    }

    /** An event of hex digits from a seeded random: it compresses to about half, well over one deflate buffer. */
    private static SseEvent large(long seed, int size) {
        Random random = new Random(seed);
        StringBuilder json = new StringBuilder("{\"x\":\"");
        while (json.length() < size) {
            json.append(Long.toHexString(random.nextLong()));
        }
        return SseEvent.of("delta", 8, json.append("\"}").toString().getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }

    /** A stream that has only the bytes released so far, and fails the test when read past them. */
    private static final class Gate extends InputStream {
        private final ByteArrayOutputStream released = new ByteArrayOutputStream();
        private int position;

        void release(byte[] bytes) {
            released.writeBytes(bytes);
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) {
            byte[] all = released.toByteArray();
            if (position == all.length) {
                throw new AssertionError("the decoder asked for bytes the server had not sent yet, after " + position);
            }
            int n = Math.min(length, all.length - position);
            System.arraycopy(all, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
