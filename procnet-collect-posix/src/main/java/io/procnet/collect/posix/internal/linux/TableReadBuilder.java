package io.procnet.collect.posix.internal.linux;

import io.procnet.model.CollectionIssue;
import io.procnet.spi.CollectorException;
import java.util.ArrayList;
import java.util.List;

/**
 * Gathers the parts of one socket-table read (a protocol and family each): the rows, the parts
 * that failed and why, and the rows that could not be decoded. Not thread-safe.
 */
public final class TableReadBuilder {
    private final List<RawSocket> rows = new ArrayList<>();
    private final List<CollectionIssue> issues = new ArrayList<>();
    private int malformed;
    private int partsRead;

    /** Where decoders add their rows. */
    public List<RawSocket> rows() {
        return rows;
    }

    /** One part was read; {@code malformed} of its rows were skipped. */
    public void partRead(int malformed) {
        partsRead++;
        this.malformed += malformed;
    }

    /** One part could not be read, for the reason given; the others still count. */
    public void partFailed(String message) {
        issues.add(new CollectionIssue(CollectionIssue.PARTIAL_DATA, message, 0));
    }

    /**
     * The read, with an issue counting the skipped rows as {@code malformedWhat}.
     *
     * @throws CollectorException with {@code nothingRead} and the first failure when no part was read
     */
    public TableRead build(String nothingRead, String malformedWhat) throws CollectorException {
        if (partsRead == 0) {
            throw new CollectorException(nothingRead + (issues.isEmpty() ? "" : ": " + issues.get(0).message()));
        }
        if (malformed > 0) {
            issues.add(new CollectionIssue(CollectionIssue.MALFORMED_ROWS,
                    malformed + " " + malformedWhat + " could not be decoded and were skipped", malformed));
        }
        return new TableRead(rows, issues);
    }
}
