package io.procnet.server.bench;

import io.procnet.server.RawHttp;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.function.BiConsumer;

/**
 * One benchmark client of {@code /api/events}, lean enough that 200 of them share two cores with
 * the server: a raw socket and one reader thread (a small stack), events parsed as they arrive
 * (through gzip when asked for, as a browser asks) and never kept. Of each event it keeps only
 * what the benchmark checks: its version and the version it starts {@code from}, the tick of its
 * {@code takenAt} ({@link BusyHost#TICK_MILLIS} per tick), its size and System.nanoTime when its
 * blank line arrived. It checks the order as it reads: a delta whose {@code from} is not the
 * version it had, or whose version is not one more, is a mismatch. Read the figures after
 * {@link #close()}, which joins the reader.
 */
final class EventStream implements AutoCloseable {
    private static final int HEAD = 200;

    private final Socket socket;
    private final Thread reader;
    private final BiConsumer<Long, byte[]> dataSink;
    private volatile long version = -1;
    private volatile boolean ended;
    private volatile IOException failure;
    private int mismatches;
    private int graphs;
    private long[] ticks = new long[512];
    private long[] received = new long[512];
    private int[] sizes = new int[512];
    private int deltas;

    private EventStream(Socket socket, InputStream body, BiConsumer<Long, byte[]> dataSink) {
        this.socket = socket;
        this.dataSink = dataSink;
        this.reader = new Thread(null, () -> read(body), "bench-sse-" + socket.getLocalPort(), 256 * 1024);
        reader.setDaemon(true);
    }

    /**
     * Opens the stream and starts reading.
     *
     * @param dataSink given each delta's version and whole {@code data} line, or null to keep none
     */
    static EventStream open(InetSocketAddress server, boolean gzip, BiConsumer<Long, byte[]> dataSink)
            throws IOException {
        Socket socket = new Socket();
        socket.connect(server, 10_000);
        InputStream body;
        try {
            body = RawHttp.openEventStream(socket, server, gzip, null).body();
        } catch (IOException failed) {
            socket.close();
            throw failed;
        }
        EventStream stream = new EventStream(socket, body, dataSink);
        stream.reader.start();
        return stream;
    }

    /** The version of the last event read, -1 before the first. */
    long version() {
        return version;
    }

    boolean ended() {
        return ended;
    }

    IOException failure() {
        return failure;
    }

    /** Deltas whose {@code from} was not the version this client had, or whose version was not the next. */
    int mismatches() {
        return mismatches;
    }

    /** Whole-graph events: one, the first, on a stream that misses nothing. */
    int graphs() {
        return graphs;
    }

    int deltas() {
        return deltas;
    }

    /** The tick (of {@link BusyHost}'s clock) of delta {@code i}. */
    long tick(int i) {
        return ticks[i];
    }

    /** System.nanoTime when delta {@code i} was complete. */
    long received(int i) {
        return received[i];
    }

    /** The bytes of delta {@code i}'s {@code data} line (its JSON). */
    int size(int i) {
        return sizes[i];
    }

    private void read(InputStream body) {
        byte[] buffer = new byte[32 * 1024];
        byte[] head = new byte[HEAD];
        int headLength = 0;
        byte[] whole = dataSink == null ? null : new byte[64 * 1024];
        int wholeLength = 0;
        int lineLength = 0;
        String name = null;
        String data = null;
        int dataLength = 0;
        byte[] dataWhole = null;
        try {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    byte b = buffer[i];
                    if (b != '\n') {
                        if (headLength < HEAD) {
                            head[headLength++] = b;
                        }
                        if (whole != null) {
                            if (wholeLength == whole.length) {
                                whole = Arrays.copyOf(whole, whole.length * 2);
                            }
                            whole[wholeLength++] = b;
                        }
                        lineLength++;
                        continue;
                    }
                    if (lineLength == 0) { // the blank line that ends an event
                        if (data != null && ("delta".equals(name) || "graph".equals(name))) {
                            event("delta".equals(name), data, dataLength, dataWhole, System.nanoTime());
                        }
                        name = null;
                        data = null;
                        dataWhole = null;
                    } else if (starts(head, headLength, "event: ")) {
                        name = new String(head, 7, headLength - 7, StandardCharsets.UTF_8);
                    } else if (starts(head, headLength, "data: ")) {
                        data = new String(head, 6, headLength - 6, StandardCharsets.UTF_8);
                        dataLength = lineLength - 6;
                        dataWhole = whole == null ? null : Arrays.copyOfRange(whole, 6, wholeLength);
                    }
                    headLength = 0;
                    wholeLength = 0;
                    lineLength = 0;
                }
            }
        } catch (IOException e) {
            if (!socket.isClosed()) {
                failure = e;
            }
        } finally {
            ended = true;
        }
    }

    private void event(boolean delta, String head, int dataLength, byte[] whole, long nanos) {
        long v = number(head, "\"version\":");
        if (delta) {
            long from = number(head, "\"from\":");
            if (from != version || v != from + 1) {
                mismatches++;
            }
            if (deltas == ticks.length) {
                ticks = Arrays.copyOf(ticks, deltas * 2);
                received = Arrays.copyOf(received, deltas * 2);
                sizes = Arrays.copyOf(sizes, deltas * 2);
            }
            ticks[deltas] = tickOf(head);
            received[deltas] = nanos;
            sizes[deltas] = dataLength;
            deltas++;
            if (dataSink != null) {
                dataSink.accept(v, whole);
            }
        } else {
            if (graphs > 0) {
                mismatches++; // a stream that misses nothing gets the whole graph once, first
            }
            graphs++;
        }
        version = v;
    }

    private static long tickOf(String head) {
        int at = head.indexOf("\"takenAt\":\"");
        if (at < 0) {
            return -1;
        }
        int start = at + 11;
        Instant takenAt = Instant.parse(head.substring(start, head.indexOf('"', start)));
        return (takenAt.toEpochMilli() - BusyHost.T0.toEpochMilli()) / BusyHost.TICK_MILLIS;
    }

    private static long number(String text, String key) {
        int at = text.indexOf(key);
        if (at < 0) {
            return Long.MIN_VALUE;
        }
        int i = at + key.length();
        int end = i;
        while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '-')) {
            end++;
        }
        return Long.parseLong(text.substring(i, end));
    }

    private static boolean starts(byte[] head, int length, String prefix) {
        if (length < prefix.length()) {
            return false;
        }
        for (int i = 0; i < prefix.length(); i++) {
            if (head[i] != prefix.charAt(i)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
        try {
            reader.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
