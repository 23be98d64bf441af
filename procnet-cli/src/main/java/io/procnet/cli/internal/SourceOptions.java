package io.procnet.cli.internal;

import com.beust.jcommander.Parameter;
import io.procnet.ProcNet;
import io.procnet.cli.internal.Converters.PortList;
import io.procnet.cli.internal.Converters.PortSet;
import io.procnet.graph.GraphOptions;
import io.procnet.model.Protocol;
import io.procnet.rules.RuleFileException;
import io.procnet.rules.RuleFiles;
import io.procnet.rules.RuleSet;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import io.procnet.spi.CollectorProvider;
import io.procnet.spi.CollectorRegistry;
import io.procnet.spi.ProviderStatus;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Collectors;

/** What to collect and how to draw it: the options {@code serve} and {@code snapshot} share. */
final class SourceOptions {

    @Parameter(names = "--collector", placeholder = "ID", description = "Collector id (see 'procnet collectors'); by default the best available",
            order = 10)
    String collector;

    @Parameter(names = "--rules", placeholder = "FILE", description = "YAML or JSON rule file typing and labelling processes", order = 11)
    String rules;

    @Parameter(names = "--no-default-rules", description = "Leave out the built-in rules that follow yours", order = 12)
    boolean noDefaultRules;

    @Parameter(names = "--p2p-only", description = "Only process-to-process edges: no remote endpoints, no listeners",
            order = 13)
    boolean p2pOnly;

    @Parameter(names = "--udp", description = "Include UDP sockets", order = 14)
    boolean udp;

    @Parameter(names = "--svc-ports", converter = PortList.class, placeholder = "PORTS",
            description = "More service ports for the direction heuristics, comma-separated (3000,5000)", order = 15)
    PortSet servicePorts = PortSet.none();

    /** The graph options of this host with the user's choices. */
    GraphOptions graphOptions() {
        return GraphOptions.forThisHost().withP2pOnly(p2pOnly).withUdp(udp)
                .withExtraServicePorts(servicePorts.ports());
    }

    /** The collector that was asked for, or the best available one, created and ready. */
    ProcNet openCollector() throws UsageException, FailureException {
        CollectorRegistry registry = CollectorRegistry.discover();
        if (collector != null && registry.find(collector.strip()).isEmpty()) {
            throw new UsageException("--collector '" + collector + "': no such collector; the collectors are "
                    + registry.statuses().stream().map(ProviderStatus::id).collect(Collectors.joining(", ")));
        }
        try {
            CollectorProvider provider = registry.select(collector);
            CollectorOptions options = CollectorOptions.defaults()
                    .withProtocols(udp ? EnumSet.allOf(Protocol.class) : EnumSet.of(Protocol.TCP));
            return ProcNet.builder().registry(registry).collector(provider.id()).collectorOptions(options)
                    .graphOptions(graphOptions()).build();
        } catch (CollectorException e) {
            throw new FailureException(e.getMessage(), e);
        }
    }

    /** The rules that follow the user's: the built-in ones, unless left out. */
    RuleSet builtInRules() {
        return noDefaultRules ? RuleSet.empty() : RuleSet.defaults();
    }

    /** The user's rule file, found as {@link RuleFiles#locate} finds it, or null when none was given. */
    Path ruleFile() throws UsageException {
        if (rules == null) {
            return null;
        }
        try {
            return RuleFiles.locate(rules);
        } catch (RuleFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }

    /** The user's rules followed by the built-in ones, read once. */
    RuleSet loadRules() throws UsageException {
        Path file = ruleFile();
        if (file == null) {
            return builtInRules();
        }
        try {
            return RuleSet.load(file).followedBy(builtInRules());
        } catch (RuleFileException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
