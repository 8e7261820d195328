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
import java.util.BitSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
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
    /** The lexicons per language that has any of its own; {@link #everyLanguage} for the others. */
    private final Map<String, Lexicon> lexicons = new HashMap<>();
    private final Lexicon everyLanguage;

    public IndicatorExtractor(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
        everyLanguage = new Lexicon(taxonomy, null);
        for (String language : Taxonomy.LANGUAGES) {
            if (Lexicon.hasOwn(taxonomy, language)) {
                lexicons.put(language, new Lexicon(taxonomy, language));
            }
        }
    }

    public List<Observation> extract(Report report) {
        List<Observation> observations = new ArrayList<>();
        if (report.countries().isEmpty() || report.alert() != null && report.alert().withdrawn()) {
            return observations; // a cancelled alert tells that something did not happen
        }
        String story = storyOf(report);
        boolean coded = report.sourceKind() == SourceKind.EVENT_DATA;
        Text text = new Text(report.title() + ".\n" + report.body());
        Lexicon lexicon = report.language() == null ? everyLanguage
                : lexicons.getOrDefault(report.language(), everyLanguage);
        BitSet[] candidates = lexicon.candidates(text.words());
        List<Indicator> indicators = taxonomy.indicators();
        for (int i = 0; i < indicators.size(); i++) {
            Indicator indicator = indicators.get(i);
            double value = report.event() != null ? eventValue(indicator, report.event()) : 0;
            if (value == 0 && (!coded || codesCannotSay(indicator))) {
                value = textValue(lexicon, i, candidates[i], text);
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

    /** 1 when one of the indicator's terms that may occur in the text does, unqualified; else 0. */
    private double textValue(Lexicon lexicon, int indicator, BitSet candidates, Text text) {
        if (candidates == null) {
            return 0;
        }
        List<Phrase> terms = lexicon.terms(indicator);
        for (int term = candidates.nextSetBit(0); term >= 0; term = candidates.nextSetBit(term + 1)) {
            if (text.contains(terms.get(term), lexicon.cues(), taxonomy.qualifiers().window(), lexicon.idioms(),
                    lexicon.rivals(indicator))) {
                return 1;
            }
        }
        return 0;
    }

    /**
     * A report's words, normalised once, with the sentence each is in, so that a cue or rival is looked for
     * only in the sentence of the term.
     */
    private static final class Text {

        private static final String SENTENCE_STOPS = ".!?;:";

        private final List<String> words = new ArrayList<>();
        /** Per word, where its sentence starts. */
        private int[] sentenceStart = new int[64];

        Text(String text) {
            for (String sentence : sentences(text)) {
                int start = words.size();
                for (String word : Words.of(sentence)) {
                    if (words.size() == sentenceStart.length) {
                        sentenceStart = Arrays.copyOf(sentenceStart, 2 * words.size());
                    }
                    sentenceStart[words.size()] = start;
                    words.add(word);
                }
            }
        }

        /**
         * The text cut where a sentence ends: at a line break, and after one of {@value #SENTENCE_STOPS} that
         * white space follows (a full stop inside a number, "3.5", does not cut). By hand rather than by a
         * regular expression, which took most of the time of reading a report's words.
         */
        private static List<String> sentences(String text) {
            List<String> sentences = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (c == '\n' || SENTENCE_STOPS.indexOf(c) >= 0 && i + 1 < text.length() && whiteSpace(text.charAt(i + 1))) {
                    sentences.add(text.substring(start, i));
                    start = i + 1;
                }
            }
            sentences.add(text.substring(start));
            return sentences;
        }

        /** White space as regular expressions' {@code \s} has it. */
        private static boolean whiteSpace(char c) {
            return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
        }

        /** The text's words in order. */
        List<String> words() {
            return words;
        }

        /**
         * Whether the phrase occurs somewhere with none of the cues in the window before it, not inside one of
         * the idioms, and in a sentence without any of the rivals.
         */
        boolean contains(Phrase phrase, List<Phrase> cues, int window, List<Phrase> idioms, List<Phrase> rivals) {
            for (int at = 0; at < words.size(); at++) {
                int end = phrase.endAt(words, at);
                if (end >= 0 && sentenceStart[end - 1] == sentenceStart[at]
                        && !qualified(at, cues, window, idioms) && !inIdiom(at, idioms) && !inSentence(at, rivals)) {
                    return true;
                }
            }
            return false;
        }

        /** Whether one of the phrases occurs in the sentence of the word at {@code at}. */
        private boolean inSentence(int at, List<Phrase> phrases) {
            int start = sentenceStart[at];
            for (int from = start; from < words.size() && sentenceStart[from] == start; from++) {
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
            for (int from = sentenceStart[at]; from <= at; from++) {
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
            for (int from = Math.max(sentenceStart[at], at - window); from < at; from++) {
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
