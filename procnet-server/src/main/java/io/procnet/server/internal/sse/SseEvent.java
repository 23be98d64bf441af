package io.procnet.server.internal.sse;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.zip.Deflater;

/**
 * One Server-Sent Event as the bytes every client is sent, and the same event compressed, made
 * once for all the clients that take gzip.
 *
 * <p>The compressed form is a run of deflate blocks that starts with an empty history and ends on
 * a sync flush: it refers to nothing before it and ends on a byte boundary, so it continues any
 * client's gzip stream at any event, and the client can decode the whole event at once. Each
 * client's stream is one gzip header ({@link #GZIP_HEADER}) followed by such events; it has no
 * trailer, since an event stream ends only when its connection does. Thread-safe.
 */
public final class SseEvent {
    /** A gzip member header: deflate, no name, no time, unknown OS. */
    public static final byte[] GZIP_HEADER = {0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, (byte) 0xff};

    private final byte[] bytes;
    private volatile byte[] gzipped;

    private SseEvent(byte[] bytes) {
        this.bytes = bytes;
    }

    /** An event with a name, an id and a one-line JSON body. */
    public static SseEvent of(String name, long id, byte[] json) {
        byte[] head = ("event: " + name + "\nid: " + id + "\ndata: ").getBytes(StandardCharsets.UTF_8);
        byte[] event = new byte[head.length + json.length + 2];
        System.arraycopy(head, 0, event, 0, head.length);
        System.arraycopy(json, 0, event, head.length, json.length);
        event[event.length - 2] = '\n';
        event[event.length - 1] = '\n';
        return new SseEvent(event);
    }

    /** A comment line, which clients ignore and proxies see as traffic. */
    public static SseEvent comment(String text) {
        return new SseEvent((": " + text + "\n\n").getBytes(StandardCharsets.UTF_8));
    }

    public byte[] bytes() {
        return bytes;
    }

    /** The event as a self-contained run of deflate blocks (see the class comment). */
    public byte[] gzipped() {
        byte[] compressed = gzipped;
        if (compressed == null) {
            compressed = deflate(bytes);
            gzipped = compressed; // two threads may both compress it once; both results are the same
        }
        return compressed;
    }

    static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(bytes);
            ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
            byte[] buffer = new byte[Math.min(64 * 1024, bytes.length + 64)];
            int written;
            do {
                written = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
                out.write(buffer, 0, written);
            } while (written == buffer.length || !deflater.needsInput());
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }
}
