package nl.horizon.streams.text;

import java.util.ArrayList;
import java.util.List;

/**
 * A term as words in order. A word written with a trailing {@code *} matches any word it starts ("clash*"
 * matches "clashes", "arrest* .. protesters" matches "arrested 20 protesters"); {@code ..} between two
 * words lets up to {@value #MAX_GAP} other words stand between them, because news puts numbers, adjectives
 * and names inside the phrases that matter ("killed at least 12 civilians", "postponed the legislative
 * and municipal elections").
 *
 * @param words     the words, normalised as {@link Words} does
 * @param prefix    per word, whether it matches any word it starts
 * @param gapBefore per word, whether up to {@value #MAX_GAP} words may stand before it (never the first)
 */
public record Phrase(List<String> words, List<Boolean> prefix, List<Boolean> gapBefore) {

    /** The most words a {@code ..} in a term stands for. */
    public static final int MAX_GAP = 4;

    private static final String GAP = "..";

    public Phrase {
        words = List.copyOf(words);
        prefix = List.copyOf(prefix);
        gapBefore = List.copyOf(gapBefore);
        if (words.isEmpty() || prefix.size() != words.size() || gapBefore.size() != words.size()) {
            throw new IllegalArgumentException("a phrase needs words, and a prefix and gap flag for each");
        }
    }

    /** Parses a term as written in a lexicon. */
    public static Phrase of(String term) {
        List<String> words = new ArrayList<>();
        List<Boolean> prefix = new ArrayList<>();
        List<Boolean> gapBefore = new ArrayList<>();
        boolean gap = false;
        for (String written : term.trim().split("\\s+")) {
            if (written.equals(GAP)) {
                gap = true;
                continue;
            }
            List<String> parts = Words.of(written);
            for (int i = 0; i < parts.size(); i++) {
                gapBefore.add(i == 0 && gap && !words.isEmpty());
                words.add(parts.get(i));
                prefix.add(i == parts.size() - 1 && written.endsWith("*"));
            }
            gap = gap && parts.isEmpty();
        }
        if (words.isEmpty()) {
            throw new IllegalArgumentException("term '" + term + "' has no words");
        }
        if (term.trim().startsWith(GAP) || term.trim().endsWith(GAP)) {
            throw new IllegalArgumentException("term '" + term + "' starts or ends with '..'");
        }
        return new Phrase(words, prefix, gapBefore);
    }

    /** Whether word {@code i} of the phrase matches the text word {@code word}. */
    public boolean wordMatches(int i, String word) {
        return prefix.get(i) ? word.startsWith(words.get(i)) : word.equals(words.get(i));
    }

    /** Whether the phrase starts at {@code at} in {@code text}. */
    public boolean matchesAt(List<String> text, int at) {
        return endAt(text, at) >= 0;
    }

    /**
     * Where the phrase ends (the index after its last word) when it starts at {@code at} in {@code text},
     * the earliest such end; -1 when it does not start there.
     */
    public int endAt(List<String> text, int at) {
        return at < text.size() && wordMatches(0, text.get(at)) ? endFrom(text, 1, at + 1) : -1;
    }

    private int endFrom(List<String> text, int word, int from) {
        if (word == words.size()) {
            return from;
        }
        int most = gapBefore.get(word) ? MAX_GAP : 0;
        for (int skip = 0; skip <= most && from + skip < text.size(); skip++) {
            if (wordMatches(word, text.get(from + skip))) {
                int end = endFrom(text, word + 1, from + skip + 1);
                if (end >= 0) {
                    return end;
                }
            }
        }
        return -1;
    }
}
