package io.procnet.server.browser;

import java.util.Objects;
import java.util.logging.Level;

/**
 * One entry of the browser's console log, as Chromium reports it: {@code console.error}, uncaught
 * errors and failed loads are {@link Level#SEVERE}, {@code console.warn} {@link Level#WARNING},
 * {@code console.log} and {@code console.info} {@link Level#INFO}, {@code console.debug}
 * {@link Level#FINE}. The text starts with the source and line ({@code http://host/live.js 12:8})
 * and holds the logged values, strings quoted.
 *
 * @param level       the entry's level
 * @param text        what Chromium wrote
 * @param epochMillis when, by the browser's clock
 */
public record ConsoleMessage(Level level, String text, long epochMillis) {
    public ConsoleMessage {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(text, "text");
    }

    /** Whether this is an error: {@code console.error}, an uncaught error or a failed load. */
    public boolean isError() {
        return level.intValue() >= Level.SEVERE.intValue();
    }

    @Override
    public String toString() {
        return level + " " + text;
    }
}
