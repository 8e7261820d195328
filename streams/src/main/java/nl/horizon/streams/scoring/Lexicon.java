package nl.horizon.streams.scoring;

import nl.horizon.streams.text.Phrase;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The taxonomy's lexicons as a report in one language is read against them: per indicator its terms (the
 * language's, or every language's where the indicator has none in it), the terms of the indicators it yields
 * to, and the language's cues and idioms, all chosen once instead of for every report. Its terms are indexed
 * by their first word, so that a report looks each of its words up once, instead of looking up every term of
 * every indicator: the terms a report can contain are those whose first word is one of its words, or starts
 * one for a term written with a prefix ("kill* .. civilians").
 */
final class Lexicon {

    /** Term {@code term} of indicator {@code indicator}, both by position, and its first word. */
    private record Term(String first, int indicator, int term) {
    }

    private final List<List<Phrase>> terms = new ArrayList<>();
    private final List<List<Phrase>> rivals = new ArrayList<>();
    private final List<Phrase> cues;
    private final List<Phrase> idioms;
    private final Map<String, List<Term>> byFirstWord = new HashMap<>();
    /** Terms whose first word is a prefix, by the first {@link #shortestPrefix} letters of that prefix. */
    private final Map<String, List<Term>> byFirstPrefix = new HashMap<>();
    private final int shortestPrefix;

    /**
     * The lexicons for reports in {@code language}; every language's where it is {@code null} or has none.
     */
    Lexicon(Taxonomy taxonomy, String language) {
        Qualifiers qualifiers = taxonomy.qualifiers();
        cues = inLanguage(qualifiers.cues(), language);
        idioms = inLanguage(qualifiers.idioms(), language);
        List<Term> prefixed = new ArrayList<>();
        List<Indicator> indicators = taxonomy.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            List<Phrase> own = inLanguage(indicator.terms(), language);
            terms.add(own);
            rivals.add(indicator.yields().stream().flatMap(id -> taxonomy.indicator(id).stream())
                    .flatMap(other -> inLanguage(other.terms(), language).stream()).toList());
            for (int t = 0; t < own.size(); t++) {
                Phrase phrase = own.get(t);
                Term term = new Term(phrase.words().get(0), i, t);
                if (phrase.prefix().get(0)) {
                    prefixed.add(term);
                } else {
                    byFirstWord.computeIfAbsent(term.first(), w -> new ArrayList<>()).add(term);
                }
            }
        }
        shortestPrefix = prefixed.stream().mapToInt(term -> term.first().length()).min().orElse(0);
        for (Term term : prefixed) {
            byFirstPrefix.computeIfAbsent(term.first().substring(0, shortestPrefix), w -> new ArrayList<>()).add(term);
        }
    }

    /** The phrases of a language, or of every language when it is unknown or has none. */
    private static List<Phrase> inLanguage(Map<String, List<Phrase>> byLanguage, String language) {
        if (language != null && byLanguage.containsKey(language)) {
            return byLanguage.get(language);
        }
        return byLanguage.values().stream().flatMap(List::stream).toList();
    }

    /** Whether it reads {@code language} differently from the lexicon for every language. */
    static boolean hasOwn(Taxonomy taxonomy, String language) {
        return taxonomy.qualifiers().cues().containsKey(language) || taxonomy.qualifiers().idioms().containsKey(language)
                || taxonomy.indicators().stream().anyMatch(indicator -> indicator.terms().containsKey(language));
    }

    /**
     * Per indicator (by position in the taxonomy), which of its terms (by position in {@link #terms}) may
     * occur in a text of these words: those whose first word is one of them or starts one. An
     * indicator none of whose terms may occur has {@code null}.
     */
    BitSet[] candidates(Iterable<String> words) {
        BitSet[] candidates = new BitSet[terms.size()];
        for (String word : words) {
            mark(candidates, byFirstWord.get(word), word);
            if (word.length() >= shortestPrefix && !byFirstPrefix.isEmpty()) {
                mark(candidates, byFirstPrefix.get(word.substring(0, shortestPrefix)), word);
            }
        }
        return candidates;
    }

    /** Marks those of the terms whose first word is the word or, for a prefix, starts it. */
    private static void mark(BitSet[] candidates, List<Term> found, String word) {
        if (found == null) {
            return;
        }
        for (Term term : found) {
            if (!word.startsWith(term.first())) {
                continue;
            }
            if (candidates[term.indicator()] == null) {
                candidates[term.indicator()] = new BitSet();
            }
            candidates[term.indicator()].set(term.term());
        }
    }

    /** The terms of the indicator at {@code indicator}. */
    List<Phrase> terms(int indicator) {
        return terms.get(indicator);
    }

    /** The terms that, in the same sentence, take the meaning of the indicator's ({@link Indicator#yields()}). */
    List<Phrase> rivals(int indicator) {
        return rivals.get(indicator);
    }

    List<Phrase> cues() {
        return cues;
    }

    List<Phrase> idioms() {
        return idioms;
    }
}
