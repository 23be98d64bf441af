package io.procnet.cli.internal;

import com.beust.jcommander.Parameters;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ProviderStatus;
import java.io.PrintStream;
import java.util.List;

/** {@code procnet collectors}: every collector found, whether it can run here, and which one serve takes. */
@Parameters(commandDescription = "List the collectors found, whether each can run here, and the one serve would use")
final class CollectorsCommand extends Command {

    @Override
    int run(Terminal terminal) {
        CollectorRegistry registry = CollectorRegistry.discover();
        String chosen;
        try {
            chosen = registry.select().id();
        } catch (CollectorException e) {
            chosen = null;
        }
        List<ProviderStatus> statuses = registry.statuses();
        int idWidth = "ID".length();
        for (ProviderStatus status : statuses) {
            idWidth = Math.max(idWidth, status.id().length());
        }
        PrintStream out = terminal.out();
        String row = "%s %-" + idWidth + "s  %8s  %s%n";
        out.printf(row, " ", "ID", "PRIORITY", "STATUS");
        for (ProviderStatus status : statuses) {
            boolean available = status.availability().available();
            out.printf(row, status.id().equals(chosen) ? "*" : " ", status.id(),
                    status.priority() == Integer.MIN_VALUE ? "-" : Integer.toString(status.priority()),
                    (available ? "available: " : "unavailable: ") + oneLine(status.availability().describe()));
        }
        out.println(chosen == null
                ? "No collector can run here, so serve would stop."
                : "* is the one serve takes (--collector ID takes another).");
        out.flush();
        return 0;
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s*\\R\\s*", " ");
    }
}
