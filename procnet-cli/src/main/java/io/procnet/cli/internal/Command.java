package io.procnet.cli.internal;

/** One {@code procnet} command: its options are fields that JCommander fills in before {@link #run}. */
interface Command {

    /** The options every command takes. */
    CommonOptions common();

    /**
     * Runs the command.
     *
     * @return the exit code, 0 when all went well
     * @throws UsageException   for a mistake of the user's (exit 2)
     * @throws FailureException for a failure of the machine's (exit 1)
     */
    int run(Terminal terminal) throws UsageException, FailureException, InterruptedException;
}
