package nl.horizon.streams;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The result depends on what was received, never on when: the same reports of every source kind and all
 * three classification tiers, fed in many random orders with re-scores at random moments, always end in the
 * same compacted state (the latest risk point per key, the standing signals per id), identical in content;
 * only the revision bookkeeping may differ. The reference is the same input in event-time order.
 */
class ConvergenceTest {

    private static final LocalDate START = LocalDate.of(2011, 1, 1);
    private static final int ORDERS = 12;

    /** Two years of history for three countries, with onsets, classified posts, wire repeats and resends. */
    static List<Report> input() {
        List<Report> reports = new ArrayList<>();
        Random random = new Random(7);
        for (int week = 0; week < 104; week++) {
            LocalDate day = START.plusWeeks(week);
            boolean maliOnset = week >= 60 && week < 66;
            reports.add(event("mli-" + week, "MLI", day.plusDays(2), "Battles", maliOnset ? 40 + week : week % 9 == 0 ? 2 : 0));
            reports.add(event("bfa-" + week, "BFA", day.plusDays(4), week >= 80 && week < 84 ? "Violence against civilians"
                    : "Protests", week >= 80 && week < 84 ? 30 : 0));
            reports.add(event("sen-" + week, "SEN", day.plusDays(1), "Protests", 0));
            if (week % 4 == 0) {
                reports.add(post("pub-" + week, "MLI", day.plusDays(3), Classification.PUBLIC,
                        maliOnset ? "Heavy fighting; rebels took control of the town" : "Protests in Bamako"));
            }
            if (week >= 58 && week % 2 == 0) {
                reports.add(post("conf-" + week, "MLI", day.plusDays(5), Classification.DEPARTMENTAL_CONFIDENTIAL,
                        "Militia massacre of civilians near Mopti"));
            }
            if (week >= 50 && week % 3 == 0) {
                reports.add(post("sec-" + week, random.nextBoolean() ? "MLI" : "BFA", day.plusDays(6),
                        Classification.SECRET, "Coup plotters in the army; state of emergency expected"));
            }
            if (week % 6 == 0 || maliOnset) {
                // one wire story carried by two feeds: one story, whichever feed's report arrives first
                for (String feed : List.of("reliefweb", "emm")) {
                    reports.add(prose(SourceKind.NEWS_FEED, feed, "wire-" + week, maliOnset ? "MLI" : "BFA",
                            day.plusDays(2), Classification.PUBLIC, "Armed attack on convoy near Djibo"));
                }
            }
            if (maliOnset) {
                // an export sent again with a corrected death toll: the same report, another value
                reports.add(event("mli-" + week, "MLI", day.plusDays(2), "Battles", 45 + week));
            }
            if (week % 8 == 0) {
                reports.add(prose(SourceKind.PARTNER, "ngo", "p-" + week, "MLI", day.plusDays(3),
                        Classification.PUBLIC, "Displaced families arrive in camps after shelling"));
            }
            if (week % 10 == 5) {
                reports.add(new Report("crisis-watch:crisisgroup:" + week, SourceKind.CRISIS_WATCH, "crisisgroup",
                        List.of(week > 55 ? "MLI" : "BFA"), "en", day.atStartOfDay(ZoneOffset.UTC).toInstant(),
                        "CrisisWatch", "", Classification.PUBLIC,
                        new EventFields("crisiswatch:arrow", "deteriorated", null, null, null), List.of(), null, null));
            }
            if (week % 10 == 8) {
                // good news relieves a score: relief must not depend on the order either
                reports.add(new Report("crisis-watch:crisisgroup:improved-" + week, SourceKind.CRISIS_WATCH,
                        "crisisgroup", List.of(week > 55 ? "MLI" : "BFA"), "en", day.atStartOfDay(ZoneOffset.UTC)
                        .toInstant(), "CrisisWatch", "", Classification.PUBLIC,
                        new EventFields("crisiswatch:improved", "resolution_opportunity", null, null, null), List.of(),
                        null, null));
            }
            if (week >= 62 && week % 2 == 1) {
                reports.add(post("peace-" + week, "MLI", day.plusDays(4), week % 4 == 1 ? Classification.PUBLIC
                        : Classification.SECRET, "Ceasefire agreed in Kidal; prisoners released"));
            }
        }
        reports.add(reports.get(reports.size() / 2));
        reports.add(reports.get(reports.size() / 3));
        return reports;
    }

    @Test
    void everyOrderEndsInTheSameState() {
        List<Report> input = input();
        List<Report> inOrder = new ArrayList<>(input);
        inOrder.sort(Comparator.comparing(Report::publishedAt).thenComparing(Report::id));
        State reference = run(inOrder, new Random(0), 1.0);
        assertThat(reference.signals().values()).as("the input raises signals in the public and secret tiers")
                .extracting(Signal::classification).contains(Classification.PUBLIC, Classification.SECRET);
        assertThat(reference.signals().values()).extracting(Signal::lifecycle).contains(Lifecycle.NEW);
        assertThat(reference.risks().values()).as("relief shows in the risk points")
                .anySatisfy(r -> assertThat(r.contributions()).anyMatch(c -> c.contribution() < 0));
        for (int seed = 1; seed <= ORDERS; seed++) {
            Random random = new Random(seed);
            List<Report> shuffled = new ArrayList<>(input);
            Collections.shuffle(shuffled, random);
            State state = run(shuffled, random, random.nextDouble() * 0.3);
            assertThat(state.risks()).as("risk points, order %d", seed).isEqualTo(reference.risks());
            assertThat(state.signals()).as("standing signals, order %d", seed).isEqualTo(reference.signals());
            assertThat(state.phases()).as("phases, order %d", seed).isEqualTo(reference.phases());
        }
    }

    @Test
    void secretInputChangesNothingThePublicTierShows() {
        List<Report> input = input();
        State all = run(input, new Random(3), 0.1);
        State withoutSecret = run(input.stream().filter(r -> r.classification() != Classification.SECRET).toList(),
                new Random(4), 0.1);
        assertThat(publicOnly(all.risks(), CountryRisk::classification)).as("public risk points")
                .isNotEmpty().isEqualTo(publicOnly(withoutSecret.risks(), CountryRisk::classification));
        assertThat(publicOnly(all.signals(), Signal::classification)).as("public signals")
                .isEqualTo(publicOnly(withoutSecret.signals(), Signal::classification));
        assertThat(publicOnly(all.phases(), CountryPhase::classification)).as("public phases")
                .isNotEmpty().isEqualTo(publicOnly(withoutSecret.phases(), CountryPhase::classification));
    }

    private static <T> Map<String, T> publicOnly(Map<String, T> all, java.util.function.Function<T, Classification> tier) {
        Map<String, T> only = new TreeMap<>(all);
        only.values().removeIf(v -> tier.apply(v) != Classification.PUBLIC);
        return only;
    }

    /** The final compacted state, without revisions. */
    record State(Map<String, CountryRisk> risks, Map<String, Signal> signals, Map<String, CountryPhase> phases) {
    }

    /** Feeds the reports, letting the detector re-score after each with probability {@code flushes}. */
    private static State run(List<Report> reports, Random random, double flushes) {
        try (ScoringDriver driver = new ScoringDriver()) {
            for (Report report : reports) {
                driver.pipeOnly(report);
                if (random.nextDouble() < flushes) {
                    driver.flush();
                }
            }
            Map<String, CountryRisk> risks = new TreeMap<>();
            driver.latestRisks().forEach((key, risk) -> risks.put(key, risk.withRevision(null)));
            Map<String, Signal> signals = new TreeMap<>();
            driver.latestStandingSignals().forEach((id, signal) -> signals.put(id, signal.withRevision(null)));
            Map<String, CountryPhase> phases = new TreeMap<>();
            driver.latestPhases().forEach((key, phase) -> phases.put(key, phase.withRevision(null)));
            return new State(risks, signals, phases);
        }
    }

    private static Report event(String id, String country, LocalDate day, String type, int fatalities) {
        return new Report("event-data:acled:" + id, SourceKind.EVENT_DATA, "acled", List.of(country), "en",
                day.atStartOfDay(ZoneOffset.UTC).toInstant(), type + " in " + country, "", Classification.PUBLIC,
                new EventFields(type, null, fatalities, null, null), List.of(), null, null);
    }

    private static Report post(String id, String country, LocalDate day, Classification classification, String title) {
        return prose(SourceKind.POST, "bamako", id, country, day, classification, title);
    }

    private static Report prose(SourceKind kind, String source, String id, String country, LocalDate day,
                                Classification classification, String title) {
        return new Report(kind.label() + ":" + source + ":" + id, kind, source, List.of(country), "en",
                day.atStartOfDay(ZoneOffset.UTC).toInstant(), title, "", classification, null, List.of(), null, null);
    }
}
