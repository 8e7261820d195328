package nl.horizon.streams.scoring;

import nl.horizon.schema.ContentHash;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.streams.text.Phrase;
import nl.horizon.streams.text.Words;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A report's indicator observations, one per country and indicator. Coded events map by their event
 * type ({@link Indicator#events()}), with the value of their event count when a report stands for many,
 * and give fatality-valued indicators their death count. Every report that is not coded event data is
 * also matched by its text (a CrisisWatch entry by its arrow and alert and by what it says) against the
 * lexicon of its language (every language's when the language is unknown or has no lexicon); a coded
 * event's notes only for what no code can say ({@link #codesCannotSay}). A term qualified by a negation or
 * hedge just before it, or inside an idiom ({@link Qualifiers}), does not count, nor one in a sentence that
 * tells of an indicator it yields to ({@link Indicator#yields()}: deaths in a flood). A report counts at most
 * once per indicator and country. A CAP alert its sender cancelled gives none.
 */
public final class IndicatorExtractor {

    private final Taxonomy taxonomy;

    public IndicatorExtractor(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public List<Observation> extract(Report report) {
        List<Observation> observations = new ArrayList<>();
        if (report.countries().isEmpty() || report.alert() != null && report.alert().withdrawn()) {
            return observations; // a cancelled alert tells that something did not happen
        }
        String story = storyOf(report);
        boolean coded = report.sourceKind() == SourceKind.EVENT_DATA;
        Text text = new Text(report.title() + ".\n" + report.body());
        for (Indicator indicator : taxonomy.indicators()) {
            double value = report.event() != null ? eventValue(indicator, report.event()) : 0;
            if (value == 0 && (!coded || codesCannotSay(indicator))) {
                value = textValue(indicator, report.language(), text);
            }
            if (value > 0) {
                for (String country : report.countries()) {
                    observations.add(new Observation(country, indicator.id(), value, report.id(), report.sourceKind(),
                            report.publishedAt(), report.classification(), story));
                }
            }
        }
        return observations;
    }

    /**
     * Whether an indicator is beyond what event codes express (no event type maps to it, and it is not
     * valued by a death count): a coded event's notes are read for these only, as where an ACLED note tells
     * of refugees or of a border crossed. Where a code can say it, the code alone decides: a note's words
     * would count again, and less reliably, what the coder already weighed.
     */
    private static boolean codesCannotSay(Indicator indicator) {
        return indicator.events().isEmpty() && !indicator.fatalityValued();
    }

    private static double eventValue(Indicator indicator, EventFields event) {
        if (indicator.fatalityValued()) {
            return event.fatalities() == null ? 0 : event.fatalities();
        }
        if (event.marks().stream().anyMatch(indicator.except()::contains)) {
            return 0;
        }
        boolean typed = eventKeys(event).stream().anyMatch(indicator.events()::contains);
        if (typed || event.marks().stream().anyMatch(indicator.marks()::contains)) {
            return event.events() == null ? 1 : event.events();
        }
        return 0;
    }

    /** The names an event is known by in the taxonomy: its types, with GDELT's CAMEO root as cameo:NN. */
    static Set<String> eventKeys(EventFields event) {
        Set<String> keys = new LinkedHashSet<>();
        if (event.eventType() != null) {
            keys.add(event.cameoCode() != null ? "cameo:" + event.eventType() : event.eventType());
        }
        if (event.subEventType() != null) {
            boolean crisisWatch = event.eventType() != null && event.eventType().startsWith("crisiswatch:");
            keys.add(crisisWatch ? "crisiswatch:" + event.subEventType() : event.subEventType());
        }
        return keys;
    }

    private double textValue(Indicator indicator, String language, Text text) {
        if (indicator.terms().isEmpty()) {
            return 0;
        }
        Qualifiers qualifiers = taxonomy.qualifiers();
        List<Phrase> rivals = indicator.yields().stream().flatMap(id -> taxonomy.indicator(id).stream())
                .flatMap(other -> inLanguage(other.terms(), language).stream()).toList();
        List<Phrase> cues = inLanguage(qualifiers.cues(), language);
        List<Phrase> idioms = inLanguage(qualifiers.idioms(), language);
        for (Phrase phrase : inLanguage(indicator.terms(), language)) {
            if (text.contains(phrase, cues, qualifiers.window(), idioms, rivals)) {
                return 1;
            }
        }
        return 0;
    }

    /** The phrases of a report's language, or of every language when it is unknown or has none. */
    private static List<Phrase> inLanguage(java.util.Map<String, List<Phrase>> byLanguage, String language) {
        if (language != null && byLanguage.containsKey(language)) {
            return byLanguage.get(language);
        }
        return byLanguage.values().stream().flatMap(List::stream).toList();
    }

    /**
     * A report's words, normalised once, with where each word stands and which sentence it is in, so a
     * phrase is looked for only where its first word (or, for a term whose first word is a prefix, a word it starts)
     * occurs, and a cue is looked for only in the sentence of the term.
     */
    private static final class Text {

        private static final java.util.regex.Pattern SENTENCE_END = java.util.regex.Pattern.compile("[.!?;:]\\s+|\\n");

        private final List<String> words = new ArrayList<>();
        private final List<Integer> sentenceStart = new ArrayList<>();
        private final java.util.Map<String, List<Integer>> positions = new java.util.HashMap<>();
        /** The distinct words in order, for terms whose first word is a prefix; made on first use. */
        private String[] sorted;

        Text(String text) {
            for (String sentence : SENTENCE_END.split(text)) {
                int start = words.size();
                for (String word : Words.of(sentence)) {
                    positions.computeIfAbsent(word, w -> new ArrayList<>()).add(words.size());
                    words.add(word);
                    sentenceStart.add(start);
                }
            }
        }

        /**
         * Whether the phrase occurs somewhere with none of the cues in the window before it, not inside one of
         * the idioms, and in a sentence without any of the rivals.
         */
        boolean contains(Phrase phrase, List<Phrase> cues, int window, List<Phrase> idioms, List<Phrase> rivals) {
            for (int at : startsOf(phrase)) {
                int end = phrase.endAt(words, at);
                if (end >= 0 && sentenceStart.get(end - 1).equals(sentenceStart.get(at))
                        && !qualified(at, cues, window, idioms) && !inIdiom(at, idioms) && !inSentence(at, rivals)) {
                    return true;
                }
            }
            return false;
        }

        /** Where the phrase's first word occurs: the word itself, or every word it starts when it is a prefix. */
        private List<Integer> startsOf(Phrase phrase) {
            String first = phrase.words().get(0);
            if (!phrase.prefix().get(0)) {
                return positions.getOrDefault(first, List.of());
            }
            if (sorted == null) {
                sorted = positions.keySet().toArray(String[]::new);
                Arrays.sort(sorted);
            }
            int from = Arrays.binarySearch(sorted, first);
            List<Integer> starts = new ArrayList<>();
            for (int i = from < 0 ? -from - 1 : from; i < sorted.length && sorted[i].startsWith(first); i++) {
                starts.addAll(positions.get(sorted[i]));
            }
            return starts;
        }

        /** Whether one of the phrases occurs in the sentence of the word at {@code at}. */
        private boolean inSentence(int at, List<Phrase> phrases) {
            int start = sentenceStart.get(at);
            for (int from = start; from < words.size() && sentenceStart.get(from) == start; from++) {
                for (Phrase phrase : phrases) {
                    if (phrase.endAt(words, from) >= 0) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Whether an idiom of its sentence covers the word at {@code at}: a long one ("in the wake of the
         * December 2025 coup") may start well before the word.
         */
        private boolean inIdiom(int at, List<Phrase> idioms) {
            for (int from = sentenceStart.get(at); from <= at; from++) {
                for (Phrase idiom : idioms) {
                    if (idiom.endAt(words, from) > at) {
                        return true;
                    }
                }
            }
            return false;
        }

        /**
         * Whether a cue stands in the window before {@code at}; a cue inside an idiom is none ("claimed" hedges
         * a capture, not in "claimed responsibility").
         */
        private boolean qualified(int at, List<Phrase> cues, int window, List<Phrase> idioms) {
            for (int from = Math.max(sentenceStart.get(at), at - window); from < at; from++) {
                for (Phrase cue : cues) {
                    int end = cue.endAt(words, from);
                    if (end >= 0 && end <= at && !inIdiom(from, idioms)) {
                        return true;
                    }
                }
            }
            return false;
        }
    }

    /**
     * What the report tells, whoever carried it: a coded event is its own story; prose is its title's
     * words on its day, so one wire story republished by several feeds has one key.
     */
    static String storyOf(Report report) {
        if (report.event() != null) {
            return report.id();
        }
        String day = report.publishedAt().atZone(ZoneOffset.UTC).toLocalDate().toString();
        return ContentHash.of(String.join(" ", Words.of(report.title()))).substring(0, 16) + ":" + day;
    }
}
