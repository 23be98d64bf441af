package io.procnet.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client over a plain socket, as a browser's EventSource reads a stream:
 * events are parsed as their bytes arrive (through gzip too, when asked for), each stamped with
 * the time it was complete. Comments arrive as events named {@code :comment}. Close it to hang up.
 */
public final class SseClient implements AutoCloseable {
    /** One event; {@code receivedNanos} is System.nanoTime when its blank line arrived. */
    public record Event(String name, String id, String data, long receivedNanos) {
    }

    private final Socket socket;
    private final Map<String, String> headers;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final Thread reader;
    private volatile IOException failure;
    private volatile boolean ended;

    private SseClient(Socket socket, Map<String, String> headers, InputStream body) {
        this.socket = socket;
        this.headers = headers;
        this.reader = new Thread(() -> read(body), "sse-client");
        reader.setDaemon(true);
        reader.start();
    }

    public static SseClient open(InetSocketAddress server, boolean gzip, String lastEventId) throws IOException {
        Socket socket = new Socket();
        socket.connect(server, 5000);
        try {
            RawHttp.EventStreamBody stream = RawHttp.openEventStream(socket, server, gzip, lastEventId);
            return new SseClient(socket, stream.headers(), stream.body());
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** The next event (comments included), or null after {@code timeout}. */
    public Event next(Duration timeout) throws InterruptedException {
        return events.poll(timeout.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** The next event that is not a comment, or null after {@code timeout}. */
    public Event nextEvent(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Event event = next(timeout); event != null; event = next(Duration.ofNanos(deadline - System.nanoTime()))) {
            if (!event.name().equals(":comment")) {
                return event;
            }
        }
        return null;
    }

    /** Every event received so far and not yet taken. */
    public List<Event> drain() {
        List<Event> all = new ArrayList<>();
        events.drainTo(all);
        return all;
    }

    /** Whether the server ended the stream (or the connection broke). */
    public boolean ended() {
        return ended;
    }

    public IOException failure() {
        return failure;
    }

    private void read(InputStream body) {
        byte[] buffer = new byte[16 * 1024];
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        String name = null;
        String id = null;
        StringBuilder data = null;
        try {
            for (int read = body.read(buffer); read >= 0; read = body.read(buffer)) {
                for (int i = 0; i < read; i++) {
                    if (buffer[i] != '\n') {
                        line.write(buffer[i]);
                        continue;
                    }
                    String text = line.toString(StandardCharsets.UTF_8);
                    line.reset();
                    if (text.isEmpty()) {
                        if (data != null) {
                            events.add(new Event(name == null ? "message" : name, id, data.toString(), System.nanoTime()));
                        }
                        name = null;
                        data = null;
                    } else if (text.startsWith(":")) {
                        events.add(new Event(":comment", null, text.substring(1).trim(), System.nanoTime()));
                    } else if (text.startsWith("event: ")) {
                        name = text.substring(7);
                    } else if (text.startsWith("id: ")) {
                        id = text.substring(4);
                    } else if (text.startsWith("data: ")) {
                        data = data == null ? new StringBuilder(text.substring(6)) : data.append('\n').append(text.substring(6));
                    }
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

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
