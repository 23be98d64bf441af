package io.procnet.rules.internal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The known word a mistyped one was most likely meant to be. Pure. */
final class Suggestions {

    private Suggestions() {
    }

    /**
     * The word of {@code known} nearest to {@code typed} by edit distance, ignoring case; a word
     * also counts as near when {@code typed} lacks only its {@code match_} prefix. Empty when
     * nothing is near enough to be a typo (more than a third of the word differs).
     */
    static Optional<String> nearest(String typed, List<String> known) {
        String word = typed.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            for (String form : List.of(candidate, candidate.replaceFirst("^match_", ""))) {
                int distance = distance(word, form);
                if (distance <= Math.max(1, form.length() / 3) && distance < bestDistance) {
                    best = candidate;
                    bestDistance = distance;
                }
            }
        }
        return Optional.ofNullable(best);
    }

    /** Levenshtein distance, with a swap of two neighbours counting as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
