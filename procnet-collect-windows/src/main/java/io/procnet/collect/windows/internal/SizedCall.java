package io.procnet.collect.windows.internal;

import com.sun.jna.Memory;
import io.procnet.spi.CollectorException;

/**
 * A call that fills a buffer and, when the buffer is too small, says how big it must be: the
 * socket tables. The buffer is reused from call to call and grown on
 * demand, a bounded number of times. Not thread-safe.
 */
final class SizedCall {
    /** Tables grow between the call that sizes the buffer and the one that fills it; this many tries are plenty. */
    static final int MAX_ATTEMPTS = 6;
    /** Far above any real table (100k TCP6 rows take 5.6 MB). */
    static final long MAX_BYTES = 256L * 1024 * 1024;

    /** Calls the API with a buffer of {@code size} bytes; returns 0 or an error code, and sets {@code needed[0]}. */
    @FunctionalInterface
    interface Call {
        int invoke(Memory buffer, int size, int[] needed);
    }

    private final String what;
    private final int tooSmall;
    private Memory buffer;

    /**
     * @param what     the API, for messages
     * @param tooSmall the error code that means the buffer was too small
     */
    SizedCall(String what, int tooSmall, int initialBytes) {
        this.what = what;
        this.tooSmall = tooSmall;
        this.buffer = new Memory(initialBytes);
    }

    /** The buffer, filled. */
    Memory fill(Call call) throws CollectorException {
        int[] needed = new int[1];
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            int status = call.invoke(buffer, (int) buffer.size(), needed);
            if (status == 0) {
                return buffer;
            }
            if (status != tooSmall) {
                throw new CollectorException(what + " failed with error " + status);
            }
            long wanted = Math.max(buffer.size() * 2, (needed[0] & 0xFFFFFFFFL) * 5 / 4 + 4096); // room to grow
            if (wanted > MAX_BYTES) {
                throw new CollectorException(what + " wants " + wanted + " bytes, more than the " + MAX_BYTES + " allowed");
            }
            buffer = new Memory(wanted);
        }
        throw new CollectorException(what + " still wanted a bigger buffer after " + MAX_ATTEMPTS + " tries");
    }
}
