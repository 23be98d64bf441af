package io.procnet.collect.posix.internal.procfs;

import io.procnet.collect.posix.internal.linux.ProcFiles;
import io.procnet.collect.posix.internal.linux.RawSocket;
import io.procnet.collect.posix.internal.linux.SocketTable;
import io.procnet.collect.posix.internal.linux.TableRead;
import io.procnet.model.CollectionIssue;
import io.procnet.model.Protocol;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The socket tables as {@code /proc/net/{tcp,tcp6,udp,udp6}} text. */
public final class ProcNetTable implements SocketTable {
    private final Path netDir;
    private final CollectorOptions options;

    /** @param netDir normally {@code /proc/net}, or {@code /proc/<pid>/net} for another namespace */
    public ProcNetTable(Path netDir, CollectorOptions options) {
        this.netDir = netDir;
        this.options = options;
    }

    @Override
    public TableRead read() throws CollectorException {
        List<RawSocket> rows = new ArrayList<>();
        List<CollectionIssue> issues = new ArrayList<>();
        int malformed = 0;
        int tablesRead = 0;
        for (Protocol protocol : Protocol.values()) {
            if (!options.includes(protocol)) {
                continue;
            }
            for (String file : new String[] {protocol.id(), protocol.id() + "6"}) {
                String text;
                try {
                    text = ProcFiles.read(netDir.resolve(file));
                } catch (IOException e) {
                    issues.add(new CollectionIssue(CollectionIssue.PARTIAL_DATA,
                            "cannot read " + netDir.resolve(file) + ": " + e.getMessage(), 0));
                    continue;
                }
                tablesRead++;
                ProcNetParser.Parsed parsed = ProcNetParser.parse(text, protocol, ByteOrder.nativeOrder());
                rows.addAll(parsed.rows());
                malformed += parsed.malformed();
            }
        }
        if (tablesRead == 0) {
            throw new CollectorException("cannot read any socket table under " + netDir);
        }
        if (malformed > 0) {
            issues.add(new CollectionIssue(CollectionIssue.MALFORMED_ROWS,
                    malformed + " lines of " + netDir + "/* could not be parsed and were skipped", malformed));
        }
        return new TableRead(rows, issues);
    }
}
