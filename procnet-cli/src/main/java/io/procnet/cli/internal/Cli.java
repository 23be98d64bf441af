package io.procnet.cli.internal;

import com.beust.jcommander.JCommander;
import com.beust.jcommander.ParameterException;
import com.beust.jcommander.Parameters;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The command line: picks the command ({@code serve} when none is named), parses its options, runs it
 * and turns what goes wrong into an exit code and one line: 2 for the user's mistakes, 1 for the
 * machine's. {@code --verbose} adds the stack trace.
 */
public final class Cli {
    /** The exit code of a mistake in the command line or in a file it names. */
    public static final int USAGE = 2;
    /** The exit code of a failure at run time. */
    public static final int FAILURE = 1;

    private static final String DEFAULT_COMMAND = "serve";

    private final Map<String, Supplier<Command>> commands = new LinkedHashMap<>();
    private final Terminal terminal;
    private final PrintStream err;

    private Cli(PrintStream out, PrintStream err, boolean interactive) {
        this.terminal = new Terminal(out, err, interactive);
        this.err = err;
        commands.put("serve", ServeCommand::new);
        commands.put("snapshot", SnapshotCommand::new);
        commands.put("collectors", CollectorsCommand::new);
        commands.put("vendor", VendorCommand::new);
    }

    /** The command line of this process: standard output and error, progress lines when on a terminal. */
    public static Cli standard() {
        return new Cli(System.out, System.err, System.console() != null);
    }

    /** Runs {@code args} and returns the exit code; serve returns only when stopped. */
    public int run(String... args) {
        boolean verbose = Arrays.asList(args).contains("--verbose") || Arrays.asList(args).contains("-v");
        Logging.configure(verbose);
        try {
            return dispatch(args);
        } catch (UsageException e) {
            return fail(USAGE, e.getMessage(), e, verbose);
        } catch (FailureException e) {
            return fail(FAILURE, e.getMessage(), e, verbose);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return fail(FAILURE, "interrupted", e, verbose);
        } catch (RuntimeException e) {
            return fail(FAILURE, "unexpected error: " + e, e, verbose);
        }
    }

    private int dispatch(String[] args) throws UsageException, FailureException, InterruptedException {
        String name = DEFAULT_COMMAND;
        String[] rest = args;
        if (args.length > 0 && commands.containsKey(args[0])) {
            name = args[0];
            rest = Arrays.copyOfRange(args, 1, args.length);
        } else if (args.length > 0 && !args[0].startsWith("-")) {
            throw new UsageException("'" + args[0] + "' is not a command; the commands are "
                    + String.join(", ", commands.keySet()));
        } else if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            terminal.out().print(overview());
            terminal.out().flush();
            return 0;
        }
        Command command = commands.get(name).get();
        JCommander parser = parserFor(name, command);
        try {
            parser.parse(rest);
        } catch (ParameterException e) {
            throw new UsageException(e.getMessage() + hint(name), e);
        }
        if (command.common.help) {
            StringBuilder usage = new StringBuilder();
            parser.getUsageFormatter().usage(usage);
            terminal.out().print(usage);
            terminal.out().flush();
            return 0;
        }
        List<String> unknown = new ArrayList<>(parser.getUnknownOptions());
        unknown.addAll(command.common.rest);
        if (!unknown.isEmpty()) {
            String first = unknown.get(0);
            throw new UsageException((first.startsWith("-") ? "unknown option '" : "unexpected argument '") + first
                    + "'" + hint(name));
        }
        return command.run(terminal);
    }

    private static JCommander parserFor(String name, Command command) {
        JCommander parser = JCommander.newBuilder().addObject(command).programName("procnet " + name).build();
        parser.setAcceptUnknownOptions(true);
        parser.setCaseSensitiveOptions(true);
        parser.setAllowAbbreviatedOptions(false);
        return parser;
    }

    /** {@code procnet --help}: the commands, then the options of serve, the default one. */
    private String overview() {
        StringBuilder text = new StringBuilder("Procnet: a live map of processes and their network connections.\n\n"
                + "Usage: procnet [command] [options]   (the command is serve when none is named)\n\nCommands:\n");
        for (Map.Entry<String, Supplier<Command>> entry : commands.entrySet()) {
            String description = entry.getValue().get().getClass().getAnnotation(Parameters.class).commandDescription();
            text.append(String.format("  %-11s %s%n", entry.getKey(), description));
        }
        text.append("\n'procnet <command> --help' shows a command's options. Those of serve:\n\n");
        parserFor(DEFAULT_COMMAND, commands.get(DEFAULT_COMMAND).get()).getUsageFormatter().usage(text);
        return text.toString();
    }

    private static String hint(String command) {
        return " (see 'procnet " + command + " --help')";
    }

    private int fail(int code, String message, Exception e, boolean verbose) {
        terminal.say("procnet: " + message);
        if (verbose) {
            e.printStackTrace(err);
        }
        return code;
    }
}
