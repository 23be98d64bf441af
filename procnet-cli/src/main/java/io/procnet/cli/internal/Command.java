package io.procnet.cli.internal;

import com.beust.jcommander.ParametersDelegate;

/**
 * One {@code procnet} command: its options are fields (of the command and of this class) that
 * JCommander fills in before {@link #run}.
 */
abstract class Command {

    /** The options every command takes. */
    @ParametersDelegate
    final CommonOptions common = new CommonOptions();

    /**
     * Runs the command.
     *
     * @return the exit code, 0 when all went well
     * @throws UsageException   for a mistake of the user's (exit 2)
     * @throws FailureException for a failure of the machine's (exit 1)
     */
    abstract int run(Terminal terminal) throws UsageException, FailureException, InterruptedException;
}
