package io.procnet.cli.internal;

import com.beust.jcommander.Parameter;
import java.util.ArrayList;
import java.util.List;

/** {@code --help} and {@code --verbose}, which every command takes, and the arguments it does not. */
final class CommonOptions {

    @Parameter(names = {"--help", "-h"}, help = true, description = "Show this help and exit", order = 100)
    boolean help;

    @Parameter(names = {"--verbose", "-v"}, description = "Log debug messages, and show the stack trace of an error",
            order = 101)
    boolean verbose;

    /** Whatever is left: JCommander collects stray words here, and the command refuses them. */
    @Parameter(hidden = true)
    List<String> rest = new ArrayList<>();
}
