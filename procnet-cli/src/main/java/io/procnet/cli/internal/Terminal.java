package io.procnet.cli.internal;

import java.io.PrintStream;

/**
 * Where a command writes: results to standard output, messages to standard error. A progress line
 * rewrites itself on a terminal and prints once, finished, elsewhere. Not thread-safe.
 */
final class Terminal {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean interactive;
    private boolean progressShown;

    Terminal(PrintStream out, PrintStream err, boolean interactive) {
        this.out = out;
        this.err = err;
        this.interactive = interactive;
    }

    /** Standard output, for the command's result. */
    PrintStream out() {
        return out;
    }

    /** One line for the user on standard error. */
    void say(String line) {
        endProgress();
        err.println(line);
        err.flush();
    }

    /** A line that replaces the previous progress line on a terminal; only the last one elsewhere. */
    void progress(String line, boolean last) {
        if (interactive) {
            err.print("\r" + line + "\u001b[K");
            progressShown = true;
            if (last) {
                endProgress();
            }
        } else if (last) {
            err.println(line);
        }
        err.flush();
    }

    private void endProgress() {
        if (progressShown) {
            err.println();
            progressShown = false;
        }
    }
}
