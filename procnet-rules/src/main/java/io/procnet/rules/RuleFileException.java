package io.procnet.rules;

import java.util.Objects;

/**
 * A rule file that cannot be used: it is missing or unreadable, is not YAML or JSON, or holds a
 * rule that is wrong. The message is one line meant for the user, {@code file:line:column: what},
 * or {@code file: what} when the problem has no place in the file. Immutable.
 */
public final class RuleFileException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;
    private final String problem;

    /**
     * A problem at a place in the file.
     *
     * @param source the file as the user named it, or a description of where the rules came from
     * @param line   the line, counted from 1
     * @param column the column, counted from 1
     */
    public RuleFileException(String source, int line, int column, String problem) {
        super(source + ":" + line + ":" + column + ": " + problem);
        if (line < 1 || column < 1) {
            throw new IllegalArgumentException("line and column count from 1: " + line + ":" + column);
        }
        this.source = source;
        this.line = line;
        this.column = column;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** A problem with the file as a whole: missing, unreadable, too large. */
    public RuleFileException(String source, String problem) {
        super(source + ": " + problem);
        this.source = source;
        this.line = 0;
        this.column = 0;
        this.problem = Objects.requireNonNull(problem, "problem");
    }

    /** The file as the user named it. */
    public String source() {
        return source;
    }

    /** The line of the problem, counted from 1; 0 when it concerns the whole file. */
    public int line() {
        return line;
    }

    /** The column of the problem, counted from 1; 0 when it concerns the whole file. */
    public int column() {
        return column;
    }

    /** What is wrong, without the place. */
    public String problem() {
        return problem;
    }
}
