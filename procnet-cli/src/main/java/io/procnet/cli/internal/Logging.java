package io.procnet.cli.internal;

/**
 * Sets up SLF4J's simple logger before the first logger exists: the libraries' {@code System.Logger}
 * and Undertow's JBoss Logging both reach it; info by default, debug for Procnet with {@code --verbose}.
 */
final class Logging {
    private static final String PREFIX = "org.slf4j.simpleLogger.";

    private Logging() {
    }

    static void configure(boolean verbose) {
        set("org.jboss.logging.provider", "slf4j");
        set(PREFIX + "defaultLogLevel", "info");
        set(PREFIX + "log.io.procnet", verbose ? "debug" : "info");
        // XNIO and Undertow announce their versions at info: only their warnings are for the user
        set(PREFIX + "log.org.xnio", verbose ? "info" : "warn");
        set(PREFIX + "log.io.undertow", verbose ? "info" : "warn");
        set(PREFIX + "log.org.jboss", verbose ? "info" : "warn");
        set(PREFIX + "showThreadName", Boolean.toString(verbose));
        set(PREFIX + "showLogName", Boolean.toString(verbose));
        set(PREFIX + "showShortLogName", "false");
        set(PREFIX + "showDateTime", Boolean.toString(verbose));
        set(PREFIX + "dateTimeFormat", "HH:mm:ss.SSS");
        set(PREFIX + "levelInBrackets", "false");
    }

    /** A system property, unless the user set it already ({@code -Dorg.slf4j.simpleLogger...}). */
    private static void set(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }
}
