package io.procnet.rules.internal;

/**
 * The text a regex runs over, with a budget of character reads. Command lines are written by
 * whoever starts a process, so a pattern that backtracks badly on some input must not stall the
 * classifier: once the budget is spent the match gives up with {@link BudgetExceeded}. Not
 * thread-safe: one per match.
 */
final class BoundedText implements CharSequence {
    /**
     * Character reads allowed per match, beside {@link #READS_PER_CHARACTER} per character: a
     * few milliseconds of backtracking at worst, and a linear scan of any text always fits.
     */
    static final long BUDGET = 1_000_000;
    /** A linear search reads each character a few times; 16 leaves room for honest work on long texts. */
    static final long READS_PER_CHARACTER = 16;

    private final String text;
    private long remaining;

    BoundedText(String text) {
        this(text, BUDGET + READS_PER_CHARACTER * text.length());
    }

    BoundedText(String text, long budget) {
        this.text = text;
        this.remaining = budget;
    }

    @Override
    public int length() {
        return text.length();
    }

    @Override
    public char charAt(int index) {
        if (--remaining < 0) {
            throw new BudgetExceeded();
        }
        return text.charAt(index);
    }

    @Override
    public CharSequence subSequence(int start, int end) {
        return text.subSequence(start, end);
    }

    @Override
    public String toString() {
        return text;
    }

    /** A match that read more characters than its budget; carries no stack trace, it is not a bug. */
    static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded() {
            super("regex gave up: too many character reads", null, false, false);
        }
    }
}
