package io.procnet.collect.posix.internal.linux;

import io.procnet.model.CollectionIssue;
import io.procnet.spi.CollectorException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The socket tables of our own network namespace and of every other one a process is in
 * (containers), each read once per collection through one representative process, with every
 * row tagged with its namespace. Not thread-safe.
 */
public final class AllNamespaces implements SocketTable {

    /** Opens a table that reads inside the network namespace of {@code pid}. */
    @FunctionalInterface
    public interface TableFactory {
        SocketTable openFor(long pid) throws IOException;
    }

    private final SocketTable own;
    private final TableFactory others;
    private final NetNamespaces namespaces;
    private final Map<String, SocketTable> tables = new HashMap<>();

    public AllNamespaces(SocketTable own, TableFactory others, NetNamespaces namespaces) {
        this.own = own;
        this.others = others;
        this.namespaces = namespaces;
    }

    @Override
    public TableRead read() throws CollectorException {
        TableRead ownRead = own.read();
        List<RawSocket> rows = new ArrayList<>(ownRead.rows());
        List<CollectionIssue> issues = new ArrayList<>(ownRead.issues());
        Map<String, Long> current = namespaces.others();
        for (Map.Entry<String, Long> namespace : current.entrySet()) {
            try {
                SocketTable table = tables.get(namespace.getKey());
                if (table == null) {
                    table = others.openFor(namespace.getValue());
                    tables.put(namespace.getKey(), table);
                }
                TableRead read = table.read();
                for (RawSocket row : read.rows()) {
                    rows.add(row.inNamespace(namespace.getKey()));
                }
                issues.addAll(read.issues());
            } catch (IOException | CollectorException e) {
                closeTable(namespace.getKey());
                issues.add(new CollectionIssue(CollectionIssue.PARTIAL_DATA, "sockets of network namespace "
                        + namespace.getKey() + " (pid " + namespace.getValue() + ") could not be read: "
                        + e.getMessage(), 0));
            }
        }
        for (Iterator<String> known = tables.keySet().iterator(); known.hasNext(); ) {
            String namespace = known.next();
            if (!current.containsKey(namespace)) {
                tables.get(namespace).close(); // the namespace is gone
                known.remove();
            }
        }
        return new TableRead(rows, issues);
    }

    private void closeTable(String namespace) {
        SocketTable table = tables.remove(namespace);
        if (table != null) {
            table.close();
        }
    }

    @Override
    public void close() {
        own.close();
        tables.values().forEach(SocketTable::close);
        tables.clear();
    }
}
