package io.procnet.server;

import io.procnet.graph.GraphOptions;
import io.procnet.graph.NodeClassifier;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.CollectionIssue;
import io.procnet.model.InetAddresses;
import io.procnet.server.internal.http.FileEndpoints;
import io.procnet.server.internal.http.GraphEndpoints;
import io.procnet.server.internal.http.HostCheck;
import io.procnet.server.internal.http.IconFiles;
import io.procnet.server.internal.http.PageFiles;
import io.procnet.server.internal.http.ProcessEndpoint;
import io.procnet.server.internal.http.Responses;
import io.procnet.server.internal.http.Router;
import io.procnet.server.internal.http.SecurityHandler;
import io.procnet.server.internal.http.ThisHost;
import io.procnet.server.internal.http.TokenCheck;
import io.procnet.server.internal.http.VendorFiles;
import io.procnet.server.internal.loop.CollectionLoop;
import io.procnet.server.internal.loop.GraphPublisher;
import io.procnet.server.internal.sse.EventHub;
import io.procnet.server.internal.wire.WireHost;
import io.procnet.spi.ConnectionCollector;
import io.undertow.Undertow;
import io.undertow.UndertowOptions;
import io.undertow.server.HttpHandler;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

/**
 * The live map server: one loop collects every interval, builds the graph and pushes what changed
 * to every browser over Server-Sent Events; the page, vis-network and the icons come with it.
 * It binds {@code 127.0.0.1} unless told otherwise, and bound to any other address it asks every
 * request for a token. The whole of it, for this machine:
 *
 * <pre>{@code
 * try (ProcNet procnet = ProcNet.create();
 *      ProcnetServer server = ProcnetServer.builder().source(procnet::snapshot).start()) {
 *     System.out.println("live map at " + server.url());
 *     Thread.currentThread().join();
 * }
 * }</pre>
 *
 * Thread-safe. {@link #close()} stops the loop and the listener and frees the port.
 */
public final class ProcnetServer implements AutoCloseable {
    /** The default port, the original's. */
    public static final int DEFAULT_PORT = 8765;
    /** The default interval between collections, the original's. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(1);
    /**
     * How many bytes of events may wait for one client before it is cut off as too slow: several
     * deltas of a large graph, yet a bounded cost per stalled client.
     */
    public static final long DEFAULT_CLIENT_BUFFER_BYTES = 8L * 1024 * 1024;
    /** How often an idle event stream gets a comment, within the idle timeouts of common proxies. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(15);

    private static final System.Logger LOG = System.getLogger("io.procnet.server");

    private final Undertow undertow;
    private final CollectionLoop loop;
    private final EventHub hub;
    private final InetSocketAddress address;
    private final String token;

    private ProcnetServer(Undertow undertow, CollectionLoop loop, EventHub hub, InetSocketAddress address,
                          String token) {
        this.undertow = undertow;
        this.loop = loop;
        this.hub = hub;
        this.address = address;
        this.token = token;
    }

    public static Builder builder() {
        return new Builder();
    }

    /** The address and port the server listens on (the port chosen, when port 0 was asked for). */
    public InetSocketAddress address() {
        return address;
    }

    /** The page's URL, with {@code ?token=} when the server needs one. */
    public URI url() {
        InetAddress bound = address.getAddress();
        String host = bound.isAnyLocalAddress() ? ThisHost.describe().name()
                : bound instanceof java.net.Inet6Address ? "[" + InetAddresses.format(bound) + "]"
                : InetAddresses.format(bound);
        return URI.create("http://" + host + ":" + address.getPort() + "/" + (token == null ? "" : "?token=" + token));
    }

    /** The token every request needs, when the server is bound beyond loopback. */
    public Optional<String> token() {
        return Optional.ofNullable(token);
    }

    /** How many event streams are open now. */
    public int clients() {
        return hub.clients();
    }

    /** The event hub, for this package's tests, which look at the clients' queues. */
    EventHub hub() {
        return hub;
    }

    @Override
    public void close() {
        loop.close();
        hub.closeAll();
        undertow.stop();
    }

    /** Collects the server's settings; {@link #start()} binds the port and runs the first collection. */
    public static final class Builder {
        private SnapshotSource source;
        private NodeClassifier classifier = NodeClassifier.DEFAULT;
        private GraphOptions graphOptions;
        private Duration interval = DEFAULT_INTERVAL;
        private String host = "127.0.0.1";
        private int port = DEFAULT_PORT;
        private String token;
        private Path iconsDir;
        private Path vendorDir;
        private Supplier<List<CollectionIssue>> problems = List::of;
        private long clientBufferBytes = DEFAULT_CLIENT_BUFFER_BYTES;
        private Duration heartbeat = DEFAULT_HEARTBEAT;

        private Builder() {
        }

        /** Where the snapshots come from; called by the loop thread only. Required. */
        public Builder source(SnapshotSource source) {
            this.source = Objects.requireNonNull(source, "source");
            return this;
        }

        /** Collects with {@code collector}; the caller still owns it and closes it after the server. */
        public Builder collector(ConnectionCollector collector) {
            return source(SnapshotSource.of(Objects.requireNonNull(collector, "collector")));
        }

        /** Types and labels the process nodes; asked on every tick, so rules that reload apply at the next. */
        public Builder classifier(NodeClassifier classifier) {
            this.classifier = Objects.requireNonNull(classifier, "classifier");
            return this;
        }

        /** How the graph is built; {@link GraphOptions#forThisHost()} by default. Groups are never folded here. */
        public Builder graphOptions(GraphOptions options) {
            this.graphOptions = Objects.requireNonNull(options, "options");
            return this;
        }

        /** The time from the start of one collection to the start of the next; 1 s by default. */
        public Builder interval(Duration interval) {
            if (interval.isNegative() || interval.isZero()) {
                throw new IllegalArgumentException("the interval must be positive: " + interval);
            }
            this.interval = interval;
            return this;
        }

        /** The address to bind: {@code 127.0.0.1} by default; any non-loopback one needs a token. */
        public Builder host(String host) {
            this.host = Objects.requireNonNull(host, "host");
            return this;
        }

        /** The port, {@value #DEFAULT_PORT} by default; 0 takes a free one. */
        public Builder port(int port) {
            if (port < 0 || port > 65535) {
                throw new IllegalArgumentException("not a port: " + port);
            }
            this.port = port;
            return this;
        }

        /** The token requests must carry; generated when the server binds beyond loopback without one. */
        public Builder token(String token) {
            this.token = token == null || token.isBlank() ? null : token;
            return this;
        }

        /** PNG icons by type, looked up before the built-in set; null for none. */
        public Builder iconsDir(Path iconsDir) {
            this.iconsDir = iconsDir;
            return this;
        }

        /** vis-network files with a {@code manifest.json} (as {@code procnet vendor} writes them), served before the bundled ones. */
        public Builder vendorDir(Path vendorDir) {
            this.vendorDir = vendorDir;
            return this;
        }

        /** More problems to show among the graph's issues, asked on every tick (a rule file error). */
        public Builder problems(Supplier<List<CollectionIssue>> problems) {
            this.problems = Objects.requireNonNull(problems, "problems");
            return this;
        }

        /** How many bytes may wait for one client before it is cut off; see {@link #DEFAULT_CLIENT_BUFFER_BYTES}. */
        public Builder clientBufferBytes(long bytes) {
            if (bytes < 1) {
                throw new IllegalArgumentException("the client buffer must hold a byte at least: " + bytes);
            }
            this.clientBufferBytes = bytes;
            return this;
        }

        /** How often an event stream gets a keep-alive comment; 15 s by default. */
        public Builder heartbeat(Duration heartbeat) {
            if (heartbeat.isNegative() || heartbeat.isZero()) {
                throw new IllegalArgumentException("the heartbeat must be positive: " + heartbeat);
            }
            this.heartbeat = heartbeat;
            return this;
        }

        /**
         * Binds the port, runs the first collection and starts the loop.
         *
         * @throws BindException naming the address when the port is taken
         * @throws IOException   when the host cannot be resolved
         */
        public ProcnetServer start() throws IOException {
            if (source == null) {
                throw new IllegalStateException("the server needs a source (or a collector)");
            }
            if (iconsDir != null && !Files.isDirectory(iconsDir)) {
                throw new IllegalArgumentException("the icons dir " + iconsDir + " is not a directory");
            }
            if (vendorDir != null && !Files.isDirectory(vendorDir)) {
                throw new IllegalArgumentException("the vendor dir " + vendorDir + " is not a directory");
            }
            InetAddress bind = InetAddress.getByName(host);
            String accessToken = bind.isLoopbackAddress() ? token : token != null ? token : TokenCheck.generate();
            WireHost thisHost = ThisHost.describe();
            GraphOptions options = (graphOptions != null ? graphOptions : GraphOptions.forThisHost()).withFoldGroups(false);
            GraphPublisher publisher = new GraphPublisher(new TopologyBuilder(classifier, options), thisHost,
                    System.currentTimeMillis());
            EventHub hub = new EventHub(publisher.current());
            CollectionLoop loop = new CollectionLoop(source, publisher, hub, problems, interval, heartbeat);

            GraphEndpoints graph = new GraphEndpoints(hub, loop, clientBufferBytes);
            ProcessEndpoint processes = new ProcessEndpoint(hub);
            FileEndpoints files = new FileEndpoints(new PageFiles(), VendorFiles.open(vendorDir), new IconFiles(iconsDir));
            Router router = new Router()
                    .exact("/api/graph", graph::graph)
                    .exact("/api/events", graph::events)
                    .exact("/api/health", graph::health)
                    .prefix("/api/processes/", processes::handle)
                    .prefix("/vendor/", files::vendor)
                    .prefix("/icons/", files::icon)
                    .prefix("/api/", (exchange, rest) -> Responses.error(exchange, 404, "no such path: /api/" + rest))
                    .prefix("/", files::page);
            // the Host check needs the port bound, which port 0 leaves to the OS: until it is known, 503
            AtomicReference<HttpHandler> root = new AtomicReference<>(exchange -> {
                exchange.setStatusCode(503);
                exchange.endExchange();
            });
            Undertow undertow = Undertow.builder()
                    .addHttpListener(port, bind.getHostAddress())
                    .setIoThreads(2)
                    .setWorkerThreads(4)
                    .setServerOption(UndertowOptions.MAX_HEADER_SIZE, 64 * 1024)
                    .setServerOption(UndertowOptions.MAX_ENTITY_SIZE, 64L * 1024)
                    .setHandler(exchange -> root.get().handleRequest(exchange))
                    .build();
            try {
                undertow.start();
            } catch (RuntimeException e) {
                if (e.getCause() instanceof BindException) {
                    throw new BindException("port " + port + " on " + host + " is in use (or may not be bound): "
                            + e.getCause().getMessage());
                }
                throw e;
            }
            InetSocketAddress bound = (InetSocketAddress) undertow.getListenerInfo().get(0).getAddress();
            root.set(new SecurityHandler(new HostCheck(namesOf(bind, thisHost), bound.getPort()),
                    accessToken == null ? null : new TokenCheck(accessToken), router));
            ProcnetServer server = new ProcnetServer(undertow, loop, hub, bound, accessToken);
            try {
                loop.start();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                server.close();
                throw new IOException("interrupted while collecting the first snapshot", e);
            } catch (RuntimeException e) {
                server.close();
                throw e;
            }
            if (!bind.isLoopbackAddress()) {
                LOG.log(System.Logger.Level.WARNING, "listening on " + bound + ", beyond this machine: every request"
                        + " needs the token; open " + server.url());
            }
            LOG.log(System.Logger.Level.DEBUG, "live map at " + server.url() + ", vis-network " + files.vendor());
            return server;
        }

        /** The names the server may be reached by besides the loopback ones. */
        private Set<String> namesOf(InetAddress bind, WireHost thisHost) {
            Set<String> names = new HashSet<>();
            names.add(host.toLowerCase(Locale.ROOT));
            names.add(InetAddresses.format(bind));
            if (bind.isAnyLocalAddress()) {
                names.add(thisHost.name().toLowerCase(Locale.ROOT));
                try {
                    for (NetworkInterface network : Collections.list(NetworkInterface.getNetworkInterfaces())) {
                        for (InetAddress address : Collections.list(network.getInetAddresses())) {
                            names.add(InetAddresses.format(address));
                        }
                    }
                } catch (SocketException e) {
                    LOG.log(System.Logger.Level.WARNING, "cannot list this machine's addresses: " + e.getMessage());
                }
            }
            return names;
        }
    }
}
