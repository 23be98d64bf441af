package io.procnet.cli.internal;

import com.beust.jcommander.Parameter;
import com.beust.jcommander.Parameters;
import com.beust.jcommander.ParametersDelegate;
import io.procnet.ProcNet;
import io.procnet.export.DotGraph;
import io.procnet.export.MermaidGraph;
import io.procnet.export.SocketTable;
import io.procnet.graph.Graph;
import io.procnet.graph.TopologyBuilder;
import io.procnet.model.Snapshot;
import io.procnet.server.GraphJson;
import io.procnet.spi.CollectorException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/** {@code procnet snapshot}: one collection, printed as a table, JSON, DOT or Mermaid. */
@Parameters(commandDescription = "Collect once and print the sockets as a table, or the graph as json, dot or mermaid")
final class SnapshotCommand extends Command {

    /** The output formats. */
    enum Format {
        TABLE, JSON, DOT, MERMAID;

        /** The name the option takes, which is also how the help shows it. */
        @Override
        public String toString() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** {@code --format}, by name. */
    public static final class FormatChoice extends Converters.Choice<Format> {
        public FormatChoice(String option) {
            super(option, Format.class);
        }
    }

    @Parameter(names = "--format", converter = FormatChoice.class, placeholder = "table|json|dot|mermaid",
            description = "Output: the sockets as a table, or the graph as json (/api/graph), dot or mermaid", order = 1)
    Format format = Format.TABLE;

    @Parameter(names = "--fold-groups", description = "Fold each process group (nginx workers, postgres backends)"
            + " into one node", order = 2)
    boolean foldGroups;

    @Parameter(names = "--out", placeholder = "FILE", description = "Write to this file instead of standard output", order = 3)
    String out;

    @ParametersDelegate
    final SourceOptions source = new SourceOptions();

    @Override
    int run(Terminal terminal) throws UsageException, FailureException {
        Path target = out == null ? null : Directories.newFile("--out", out);
        TopologyBuilder builder = new TopologyBuilder(source.loadRules(),
                source.graphOptions().withFoldGroups(foldGroups));
        Snapshot snapshot;
        String collector;
        try (ProcNet procnet = source.openCollector()) {
            collector = procnet.collectorId();
            snapshot = procnet.snapshot();
        } catch (CollectorException e) {
            throw new FailureException("collection failed: " + e.getMessage(), e);
        }
        Graph graph = builder.build(snapshot);
        byte[] text = switch (format) {
            case JSON -> withNewline(GraphJson.of(graph));
            case TABLE -> SocketTable.render(snapshot, graph, builder.socketEdgeIds(snapshot)).getBytes(StandardCharsets.UTF_8);
            case DOT -> DotGraph.render(graph).getBytes(StandardCharsets.UTF_8);
            case MERMAID -> MermaidGraph.render(graph).getBytes(StandardCharsets.UTF_8);
        };
        write(text, target, terminal);
        if (target != null) {
            terminal.say("wrote " + target + ": " + graph.nodes().size() + " nodes, " + graph.edges().size()
                    + " edges from " + snapshot.sockets().size() + " sockets (" + collector + ")");
        }
        return 0;
    }

    private static byte[] withNewline(byte[] json) {
        byte[] line = new byte[json.length + 1];
        System.arraycopy(json, 0, line, 0, json.length);
        line[json.length] = '\n';
        return line;
    }

    /** To standard output, or whole to the file: a failed write leaves no half file behind. */
    private static void write(byte[] text, Path target, Terminal terminal) throws FailureException {
        if (target == null) {
            OutputStream stdout = terminal.out();
            try {
                stdout.write(text);
                stdout.flush();
            } catch (IOException e) {
                throw new FailureException("cannot write the output: " + e.getMessage(), e);
            }
            return;
        }
        try {
            Path temporary = Files.createTempFile(target.getParent(), target.getFileName() + ".", ".tmp");
            try {
                Files.write(temporary, text);
                Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } finally {
                Files.deleteIfExists(temporary);
            }
        } catch (IOException e) {
            throw new FailureException("--out '" + target + "': cannot write it (" + e.getMessage() + ")", e);
        }
    }
}
