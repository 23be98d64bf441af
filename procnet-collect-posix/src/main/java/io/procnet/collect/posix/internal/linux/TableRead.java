package io.procnet.collect.posix.internal.linux;

import io.procnet.model.CollectionIssue;
import java.util.List;

/** The rows of one read of the socket tables, and what could not be read. */
public record TableRead(List<RawSocket> rows, List<CollectionIssue> issues) {
    public TableRead {
        rows = List.copyOf(rows);
        issues = List.copyOf(issues);
    }
}
