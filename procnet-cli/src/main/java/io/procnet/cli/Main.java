package io.procnet.cli;

import io.procnet.cli.internal.Cli;

/** {@code java -jar procnet.jar [command] [options]}: see {@code --help}. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        int status = Cli.standard().run(args);
        if (status != 0) {
            System.exit(status);
        }
    }
}
