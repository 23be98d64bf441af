package io.procnet.collect.posix.internal.procfs;

import io.procnet.collect.posix.internal.linux.ProcFiles;
import io.procnet.collect.posix.internal.linux.SocketTable;
import io.procnet.collect.posix.internal.linux.TableRead;
import io.procnet.collect.posix.internal.linux.TableReadBuilder;
import io.procnet.model.Protocol;
import io.procnet.spi.CollectorException;
import io.procnet.spi.CollectorOptions;
import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.file.Path;

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
        TableReadBuilder read = new TableReadBuilder();
        for (Protocol protocol : Protocol.values()) {
            if (!options.includes(protocol)) {
                continue;
            }
            for (String file : new String[] {protocol.id(), protocol.id() + "6"}) {
                String text;
                try {
                    text = ProcFiles.read(netDir.resolve(file));
                } catch (IOException e) {
                    read.partFailed("cannot read " + netDir.resolve(file) + ": " + e.getMessage());
                    continue;
                }
                ProcNetParser.Parsed parsed = ProcNetParser.parse(text, protocol, ByteOrder.nativeOrder());
                read.rows().addAll(parsed.rows());
                read.partRead(parsed.malformed());
            }
        }
        return read.build("cannot read any socket table under " + netDir, "lines of " + netDir + "/*");
    }
}
