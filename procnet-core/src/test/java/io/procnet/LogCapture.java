package io.procnet;

import java.util.ArrayList;
import java.util.List;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * The records a {@link System.Logger} of the given name writes while the capture is open, through
 * the java.util.logging backend that the JDK's default logger finder uses.
 */
public final class LogCapture implements AutoCloseable {
    private final Logger logger; // held: java.util.logging keeps loggers only weakly
    private final List<Entry> records = new ArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            synchronized (records) {
                records.add(new Entry(record.getLevel().getName(), record.getMessage(), record.getThrown()));
            }
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture(String name) {
        logger = Logger.getLogger(name);
        logger.addHandler(handler);
    }

    /** Captures what the logger of {@code type} writes. */
    public static LogCapture of(Class<?> type) {
        return new LogCapture(type.getName());
    }

    /** One record: its level's name ({@code WARNING}), its message and its exception. */
    public record Entry(String level, String message, Throwable thrown) {
    }

    public List<Entry> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    @Override
    public void close() {
        logger.removeHandler(handler);
    }
}
