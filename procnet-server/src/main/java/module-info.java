/**
 * The Procnet live map server: one collection loop, graph deltas over Server-Sent Events, the page,
 * vis-network and the icons, on Undertow.
 */
module io.procnet.server {
    requires transitive io.procnet.core;
    requires undertow.core;
    requires xnio.api;
    requires com.fasterxml.jackson.databind;
    requires java.net.http;

    exports io.procnet.server;

    opens io.procnet.server.internal.wire to com.fasterxml.jackson.databind;
}
