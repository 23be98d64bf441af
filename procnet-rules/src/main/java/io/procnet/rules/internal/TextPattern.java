package io.procnet.rules.internal;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * How a rule matches a piece of text: a regex written {@code /pattern/flags}, or else the text
 * itself, compared whole or as a substring depending on the field. Thread-safe.
 */
public final class TextPattern {
    /** The flag letters after the closing slash; {@code i} is the original's, the rest are Java's. */
    static final String FLAGS = "imsxu";

    /** How a plain (non-regex) value is compared. */
    public enum Plain {
        /** The whole text must be equal ({@code match_name}, {@code match_user}, {@code match_exe}). */
        EQUALS,
        /** The text must contain it ({@code match_cmd}). */
        CONTAINS
    }

    private static final System.Logger LOG = System.getLogger("io.procnet.rules");

    private final AtomicBoolean warned = new AtomicBoolean();
    private final String written;
    private final Plain plain;
    private final Pattern regex;
    /** Texts of which a match of the regex holds one (folded when it ignores case), or null to always run it. */
    private final List<String> required;
    private final boolean ignoreCase;

    private TextPattern(String written, Plain plain, Pattern regex) {
        this.written = written;
        this.plain = plain;
        this.regex = regex;
        this.required = regex == null ? null : RequiredLiterals.of(regex.pattern(), regex.flags()).orElse(null);
        this.ignoreCase = regex != null && (regex.flags() & Pattern.CASE_INSENSITIVE) != 0;
    }

    /**
     * The pattern a rule file's value stands for.
     *
     * @throws PatternSyntaxException when the value is in regex form and its regex is invalid
     */
    public static TextPattern parse(String value, Plain plain) {
        Objects.requireNonNull(value, "value");
        int close = value.lastIndexOf('/');
        if (value.startsWith("/") && close > 0 && isRegexForm(value.substring(1, close), value.substring(close + 1))) {
            // "\b" in a double-quoted YAML or JSON string is a backspace; in a rule it meant a word boundary
            String pattern = pythonToJava(value.substring(1, close).replace("\b", "\\b"));
            return new TextPattern(value, plain, Pattern.compile(pattern, flags(value.substring(close + 1))));
        }
        return new TextPattern(value, plain, null);
    }

    /** True when {@code text} matches; false for null (unknown) text. */
    public boolean matches(String text) {
        return matches(new MatchText(text));
    }

    /** True when the text matches; false for unknown text. */
    public boolean matches(MatchText subject) {
        String text = subject.text();
        if (text == null) {
            return false;
        }
        if (regex == null) {
            return plain == Plain.EQUALS ? written.equals(text) : text.contains(written);
        }
        if (required != null && !containsAny(ignoreCase ? subject.folded() : text)) {
            return false;
        }
        try {
            return regex.matcher(new BoundedText(text)).find();
        } catch (BoundedText.BudgetExceeded | StackOverflowError e) {
            // StackOverflowError: Java's regex engine recurses per repetition of some groups, (.|\s)* say
            warnOnce("gave up on a text of " + text.length() + " characters (it backtracks or recurses too much)");
            return false;
        } catch (IndexOutOfBoundsException e) {
            // the JDK's own bug: Java 17 reads past the end for \b{g}a+?\A on "aa"
            warnOnce("failed on a text of " + text.length() + " characters (" + e + ")");
            return false;
        }
    }

    private void warnOnce(String what) {
        if (!warned.getAndSet(true)) {
            LOG.log(System.Logger.Level.WARNING, "the regex " + written + " " + what + ": such texts do not match it");
        }
    }

    private boolean containsAny(String text) {
        for (String literal : required) {
            if (text.contains(literal)) {
                return true;
            }
        }
        return false;
    }

    /** Whether every text matches: an empty text to contain, or an empty regex. */
    boolean matchesEverything() {
        return regex == null ? plain == Plain.CONTAINS && written.isEmpty() : regex.pattern().isEmpty();
    }

    /** Whether this is a regex. */
    public boolean isRegex() {
        return regex != null;
    }

    /** The value as the rule file wrote it. */
    @Override
    public String toString() {
        return written;
    }

    /**
     * The original's forms {@code /pattern/} and {@code /pattern/i} are always regexes. With the
     * other flags the pattern must hold no unescaped slash, or {@code /usr/bin/sum} (flags s, u, m)
     * would be no path.
     */
    private static boolean isRegexForm(String pattern, String flags) {
        if (flags.isEmpty() || flags.equals("i")) {
            return true;
        }
        if (!isFlags(flags)) {
            return false;
        }
        for (int i = 0; i < pattern.length(); i++) {
            if (pattern.charAt(i) == '\\') {
                i++;
            } else if (pattern.charAt(i) == '/') {
                return false;
            }
        }
        return true;
    }

    private static boolean isFlags(String letters) {
        for (int i = 0; i < letters.length(); i++) {
            if (FLAGS.indexOf(letters.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int flags(String letters) {
        int flags = 0;
        for (char letter : letters.toCharArray()) {
            flags |= switch (letter) {
                case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE; // Python's re.I is Unicode-aware
                case 'm' -> Pattern.MULTILINE;
                case 's' -> Pattern.DOTALL;
                case 'x' -> Pattern.COMMENTS;
                case 'u' -> Pattern.UNICODE_CHARACTER_CLASS;
                default -> throw new IllegalArgumentException("not a flag: " + letter);
            };
        }
        return flags;
    }

    /**
     * The original's rule files hold Python regexes; the one syntax Java spells differently is
     * the named group: {@code (?P<name>...)} and {@code (?P=name)}.
     */
    static String pythonToJava(String pattern) {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        StringBuilder out = new StringBuilder(pattern.length());
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            int end = pattern.indexOf('>', i);
            int close = pattern.indexOf(')', i);
            if (c == '\\' && i + 1 < pattern.length()) {
                out.append(c).append(pattern.charAt(++i));
            } else if (pattern.startsWith("(?P<", i) && end != -1) {
                out.append("(?<").append(javaGroupName(pattern.substring(i + 4, end), names)).append('>');
                i = end;
            } else if (pattern.startsWith("(?P=", i) && close != -1) {
                out.append("\\k<").append(javaGroupName(pattern.substring(i + 4, close), names)).append('>');
                i = close;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Java group names are letters and digits only; Python's may hold underscores. */
    private static String javaGroupName(String python, java.util.Map<String, String> names) {
        if (python.matches("[a-zA-Z][a-zA-Z0-9]*")) {
            return python;
        }
        return names.computeIfAbsent(python, name -> "pyGroup" + names.size());
    }
}
