package nl.horizon.streams.text;

import java.util.List;

/**
 * A term as consecutive words; a term written with a trailing {@code *} matches any word its last word
 * starts ("clash*" matches "clashes").
 */
public record Phrase(List<String> words, boolean prefix) {

    /** Parses a term as written in a lexicon. */
    public static Phrase of(String term) {
        boolean prefix = term.endsWith("*");
        List<String> words = Words.of(prefix ? term.substring(0, term.length() - 1) : term);
        if (words.isEmpty()) {
            throw new IllegalArgumentException("term '" + term + "' has no words");
        }
        return new Phrase(List.copyOf(words), prefix);
    }

    /** Whether the phrase starts at {@code at} in {@code text}. */
    public boolean matchesAt(List<String> text, int at) {
        if (at + words.size() > text.size()) {
            return false;
        }
        int last = words.size() - 1;
        for (int i = 0; i < last; i++) {
            if (!words.get(i).equals(text.get(at + i))) {
                return false;
            }
        }
        String word = text.get(at + last);
        return prefix ? word.startsWith(words.get(last)) : word.equals(words.get(last));
    }

    /** How often the phrase occurs in {@code text}. */
    public int count(List<String> text) {
        int n = 0;
        for (int i = 0; i < text.size(); i++) {
            if (matchesAt(text, i)) {
                n++;
            }
        }
        return n;
    }
}
