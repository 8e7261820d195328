package nl.horizon.streams.scoring;

import nl.horizon.schema.ContentHash;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.Observation;
import nl.horizon.schema.Report;
import nl.horizon.streams.text.Phrase;
import nl.horizon.streams.text.Words;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A report's indicator observations, one per country and indicator. Coded events map by their event
 * type ({@link Indicator#events()}), with the value of their event count when a report stands for many,
 * and give fatality-valued indicators their death count; prose is
 * matched against the lexicon of its language (all three when the language is unknown). A report
 * counts at most once per indicator and country.
 */
public final class IndicatorExtractor {

    private final Taxonomy taxonomy;

    public IndicatorExtractor(Taxonomy taxonomy) {
        this.taxonomy = taxonomy;
    }

    public List<Observation> extract(Report report) {
        List<Observation> observations = new ArrayList<>();
        if (report.countries().isEmpty()) {
            return observations;
        }
        String story = storyOf(report);
        Text text = report.event() == null ? new Text(Words.of(report.title() + " . " + report.body())) : null;
        for (Indicator indicator : taxonomy.indicators()) {
            double value = report.event() != null ? eventValue(indicator, report.event())
                    : textValue(indicator, report, text);
            if (value > 0) {
                for (String country : report.countries()) {
                    observations.add(new Observation(country, indicator.id(), value, report.id(), report.sourceKind(),
                            report.publishedAt(), report.classification(), story));
                }
            }
        }
        return observations;
    }

    private static double eventValue(Indicator indicator, EventFields event) {
        if (indicator.fatalityValued()) {
            return event.fatalities() == null ? 0 : event.fatalities();
        }
        for (String key : eventKeys(event)) {
            if (indicator.events().contains(key)) {
                return event.events() == null ? 1 : event.events();
            }
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

    private static double textValue(Indicator indicator, Report report, Text text) {
        if (indicator.fatalityValued() || indicator.terms().isEmpty()) {
            return 0;
        }
        List<List<Phrase>> lexicons = report.language() != null && indicator.terms().containsKey(report.language())
                ? List.of(indicator.terms().get(report.language())) : List.copyOf(indicator.terms().values());
        for (List<Phrase> lexicon : lexicons) {
            for (Phrase phrase : lexicon) {
                if (text.contains(phrase)) {
                    return 1;
                }
            }
        }
        return 0;
    }

    /**
     * A report's words, normalised once, with where each word stands, so a phrase is looked for only
     * where its first word (or, for a prefix term of one word, a word it starts) occurs.
     */
    private static final class Text {

        private final List<String> words;
        private final java.util.Map<String, List<Integer>> positions = new java.util.HashMap<>();

        Text(List<String> words) {
            this.words = words;
            for (int i = 0; i < words.size(); i++) {
                positions.computeIfAbsent(words.get(i), w -> new java.util.ArrayList<>()).add(i);
            }
        }

        boolean contains(Phrase phrase) {
            String first = phrase.words().get(0);
            if (phrase.words().size() == 1 && phrase.prefix()) {
                return positions.keySet().stream().anyMatch(w -> w.startsWith(first));
            }
            for (int at : positions.getOrDefault(first, List.of())) {
                if (phrase.matchesAt(words, at)) {
                    return true;
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
