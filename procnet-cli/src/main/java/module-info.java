/**
 * The {@code procnet} command: the live map ({@code serve}), one-shot snapshots and exports
 * ({@code snapshot}), the collectors found ({@code collectors}) and vis-network for offline use
 * ({@code vendor}). It is wiring only: it parses options and calls the library, the rules and the
 * server. It exports nothing.
 */
module io.procnet.cli {
    requires io.procnet.core;
    requires io.procnet.rules;
    requires io.procnet.server;
    requires jcommander;
    requires org.slf4j;

    // JCommander reads and writes the commands' option fields by reflection
    opens io.procnet.cli.internal to jcommander;
}
