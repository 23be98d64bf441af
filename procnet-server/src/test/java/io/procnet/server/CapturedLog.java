package io.procnet.server;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What the server logs while a test runs. {@code System.Logger} writes to java.util.logging when no
 * other backend is on the path, as in these tests; the module does not read java.logging itself,
 * so surefire adds the edge ({@code --add-reads}). Records may come from any thread.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger = Logger.getLogger("io.procnet.server");
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    public CapturedLog() {
        logger.addHandler(handler);
    }

    /** The warnings logged, in order. */
    public List<String> warnings() {
        return messages(Level.WARNING);
    }

    /** The information logged, in order. */
    public List<String> infos() {
        return messages(Level.INFO);
    }

    private List<String> messages(Level level) {
        return records.stream().filter(record -> record.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
