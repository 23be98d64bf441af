package io.procnet.rules.internal;

/** Text from a rule file made fit for a one-line message. Pure. */
final class Printable {
    /** Longer texts are cut: a message names a value, it does not reproduce a file. */
    static final int MAX_LENGTH = 80;

    private Printable() {
    }

    /** {@code text} with control characters escaped ({@code \n}, {@code \t}, {@code \u001b}) and cut to a readable length. */
    static String of(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length() && out.length() < MAX_LENGTH; i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (Character.isISOControl(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.length() >= MAX_LENGTH && text.length() > MAX_LENGTH ? out + "..." : out.toString();
    }
}
