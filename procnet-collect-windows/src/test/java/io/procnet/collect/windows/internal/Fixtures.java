package io.procnet.collect.windows.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/** The recorded buffers under src/test/resources (see src/test/c/record-fixtures.sh). */
final class Fixtures {
    /** The pid of the recording program under Wine, from fixtures-wine.txt ({@code pid=N}). */
    static final long RECORDER_PID = Long.parseLong(new String(load("fixtures-wine.txt").array(),
            java.nio.charset.StandardCharsets.US_ASCII).strip().substring("pid=".length()));

    private Fixtures() {
    }

    static ByteBuffer load(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture " + name);
            }
            return ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
