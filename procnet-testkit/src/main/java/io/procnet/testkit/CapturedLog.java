package io.procnet.testkit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * What a module logs while a test runs. {@code System.Logger} writes to java.util.logging when no
 * other backend is on the path, as in the tests; the modules do not read java.logging themselves,
 * so their surefire runs add the edge ({@code --add-reads}). Records may come from any thread.
 * Close it to stop capturing.
 */
public final class CapturedLog implements AutoCloseable {
    private final Logger logger;
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

    /** Captures what is logged to {@code loggerName} and the loggers below it. */
    public CapturedLog(String loggerName) {
        this.logger = Logger.getLogger(loggerName);
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

    /** The errors logged, in order. */
    public List<String> errors() {
        return messages(Level.SEVERE);
    }

    /** Forgets what was logged so far. */
    public void clear() {
        records.clear();
    }

    private List<String> messages(Level level) {
        return records.stream().filter(record -> record.getLevel().equals(level)).map(LogRecord::getMessage).toList();
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
