/**
 * Procnet core: the socket model, the collector SPI and registry, and the topology graph.
 * Depends on nothing but the JDK.
 */
module io.procnet.core {
    exports io.procnet;
    exports io.procnet.model;
    exports io.procnet.spi;
    exports io.procnet.graph;

    uses io.procnet.spi.CollectorProvider;
}
