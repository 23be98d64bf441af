package io.procnet.cli.internal;

import java.io.IOException;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Opens a URL in the user's browser with the system's own opener ({@code open}, {@code xdg-open},
 * {@code rundll32}), so the JVM loads no desktop toolkit. Where no desktop exists, it says so.
 */
final class Browser {
    private Browser() {
    }

    static void open(URI url, Terminal terminal) {
        List<String> command = opener(System.getProperty("os.name", ""), System.getenv());
        if (command.isEmpty()) {
            terminal.say("--open: no desktop here (no DISPLAY or WAYLAND_DISPLAY); open " + url + " in a browser");
            return;
        }
        List<String> full = new ArrayList<>(command);
        full.add(url.toString());
        try {
            new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException e) {
            terminal.say("--open: cannot start " + command.get(0) + " (" + e.getMessage() + "); open " + url
                    + " in a browser");
        }
    }

    /** The command that opens a URL on this OS, empty where there is no desktop to open it on. */
    static List<String> opener(String osName, Map<String, String> environment) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            return List.of("rundll32", "url.dll,FileProtocolHandler");
        }
        if (os.startsWith("mac")) {
            return List.of("open");
        }
        boolean desktop = !environment.getOrDefault("DISPLAY", "").isEmpty()
                || !environment.getOrDefault("WAYLAND_DISPLAY", "").isEmpty();
        return desktop ? List.of("xdg-open") : List.of();
    }
}
