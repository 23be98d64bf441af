/**
 * Procnet core: the socket model, the collector SPI and registry, the topology graph, and its
 * text renderings (socket table, DOT, Mermaid).
 * Depends on nothing but the JDK.
 */
module io.procnet.core {
    exports io.procnet;
    exports io.procnet.model;
    exports io.procnet.spi;
    exports io.procnet.graph;
    exports io.procnet.export;

    uses io.procnet.spi.CollectorProvider;
}
