package io.procnet.server.internal.sse;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.List;
import org.xnio.IoUtils;
import org.xnio.channels.StreamSinkChannel;

/**
 * One client's event stream: the events not yet written, in a queue of at most {@code limit}
 * bytes, written by the connection's I/O thread as fast as the client reads. A client whose queue
 * would pass the limit has fallen behind: it is cut off, its queue freed, and its browser's
 * EventSource reconnects and resumes by {@code Last-Event-ID}. So a stalled reader costs at most
 * {@code limit} bytes (or its start, if that is larger) and never slows the loop or the other
 * clients. The start of the stream (the graph, or the deltas a client missed) is taken whole
 * whatever the limit, and so is any event when the queue is empty, so a graph larger than the limit
 * still reaches a client that keeps up.
 * {@link #offer} is thread-safe; everything that touches the channel runs on its I/O thread.
 */
public final class Subscriber {
    private final StreamSinkChannel sink;
    private final Closeable connection;
    private final boolean gzip;
    private final long limit;
    private final Ended onClose;
    private final ArrayDeque<ByteBuffer> queue = new ArrayDeque<>();
    private long queued;
    private long highWater;
    private boolean draining;
    private boolean closed;
    private boolean fellBehind;

    /**
     * @param sink       the response channel, headers set
     * @param connection the connection, closed when the stream ends: a client cut off for not
     *                   reading would never take a polite end of the stream
     * @param gzip       whether the response is gzip-encoded (the gzip header is queued here)
     * @param limit      the most bytes queued at once
     * @param onClose    told once when the stream ends, for whatever reason
     */
    public Subscriber(StreamSinkChannel sink, Closeable connection, boolean gzip, long limit, Ended onClose) {
        this.sink = sink;
        this.connection = connection;
        this.gzip = gzip;
        this.limit = limit;
        this.onClose = onClose;
        sink.getCloseSetter().set(channel -> close());
        // a handler that returns without resuming writes has its exchange ended by Undertow
        sink.getWriteSetter().set(channel -> drain());
        sink.resumeWrites();
        if (gzip) {
            enqueue(SseEvent.GZIP_HEADER, true);
        }
    }

    /**
     * Queues {@code event} for writing.
     *
     * @return false when the client is gone, or was cut off now because it fell behind
     */
    public boolean offer(SseEvent event) {
        return enqueue(gzip ? event.gzipped() : event.bytes(), false);
    }

    /**
     * Queues what the client starts from, whatever the limit: a client that could never get its
     * start could never follow, and the limit is for the backlog of a client that does not read.
     *
     * @return false when the client is gone
     */
    public boolean start(List<SseEvent> events) {
        for (SseEvent event : events) {
            if (!enqueue(gzip ? event.gzipped() : event.bytes(), true)) {
                return false;
            }
        }
        return true;
    }

    /** The bytes queued now. */
    public synchronized long queued() {
        return queued;
    }

    /** The most bytes that were ever queued at once. */
    public synchronized long highWater() {
        return highWater;
    }

    public synchronized boolean isClosed() {
        return closed;
    }

    /** Ends the stream (from any thread). */
    public void close() {
        boolean cutOff;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            cutOff = fellBehind;
            queue.clear();
            queued = 0;
        }
        sink.getIoThread().execute(() -> IoUtils.safeClose(connection));
        onClose.ended(this, cutOff);
    }

    private boolean enqueue(byte[] bytes, boolean evenBeyondLimit) {
        synchronized (this) {
            if (closed) {
                return false;
            }
            if (evenBeyondLimit || queued == 0 || queued + bytes.length <= limit) {
                queue.addLast(ByteBuffer.wrap(bytes));
                queued += bytes.length;
                highWater = Math.max(highWater, queued);
                if (!draining) {
                    draining = true;
                    sink.getIoThread().execute(this::drain);
                }
                return true;
            }
            fellBehind = true;
        }
        close();
        return false;
    }

    /** Writes what the client takes now, and asks to be called again when it takes more. */
    private void drain() {
        try {
            while (true) {
                ByteBuffer next;
                synchronized (this) {
                    next = queue.peekFirst();
                    if (next == null) {
                        draining = false;
                        break;
                    }
                }
                sink.write(next);
                if (next.hasRemaining()) {
                    awaitWritable();
                    return;
                }
                synchronized (this) {
                    if (queue.peekFirst() == next) { // else close() emptied the queue meanwhile
                        queue.removeFirst();
                        queued -= next.capacity();
                    }
                }
            }
            if (sink.flush()) {
                sink.suspendWrites();
            } else {
                awaitWritable();
            }
        } catch (IOException e) {
            close(); // the client went away
        }
    }

    private void awaitWritable() {
        sink.getWriteSetter().set(channel -> drain());
        sink.resumeWrites();
    }

    /** Told when a stream ends. */
    @FunctionalInterface
    public interface Ended {
        /** @param fellBehind true when the client was cut off for not reading */
        void ended(Subscriber subscriber, boolean fellBehind);
    }
}
