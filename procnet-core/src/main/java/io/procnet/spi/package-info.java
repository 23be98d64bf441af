/**
 * The collector SPI: implement {@link io.procnet.spi.CollectorProvider} and
 * {@link io.procnet.spi.ConnectionCollector}, register the provider with
 * {@link java.util.ServiceLoader}, and {@link io.procnet.spi.CollectorRegistry} finds it.
 */
package io.procnet.spi;
