package nl.horizon.streams;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.Report;
import nl.horizon.schema.StatePhase;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The phases on {@code horizon.phases.v1}: revised under their keys, the same in any order, per tier. */
class PhaseTopologyTest {

    private static final LocalDate START = LocalDate.of(2019, 1, 1);

    /** A year of calm reports, then fighting, a coup and a town taken; a few of them secret. */
    private static List<Report> history() {
        List<Report> reports = new ArrayList<>();
        for (int week = 0; week < 52; week++) {
            reports.add(ScoringDriver.event("calm-" + week, "MLI", START.plusWeeks(week), "Protests", 0));
        }
        for (int week = 0; week < 12; week++) {
            reports.add(ScoringDriver.event("battle-" + week, "MLI", START.plusDays(400 + 7L * week), "Battles", 10));
        }
        reports.add(ScoringDriver.post("coup", "MLI", START.plusDays(420), Classification.PUBLIC,
                "Mutineers seized power in Bamako"));
        reports.add(ScoringDriver.post("gao", "MLI", START.plusDays(430), Classification.PUBLIC,
                "Rebels took control of Gao"));
        reports.add(ScoringDriver.post("kidal", "MLI", START.plusDays(380), Classification.SECRET,
                "Rebels took control of Kidal"));
        reports.add(ScoringDriver.post("junta", "MLI", START.plusDays(385), Classification.SECRET,
                "Mutineers seized power in Kati"));
        reports.add(ScoringDriver.event("late-calm", "MLI", START.plusDays(700), "Protests", 0));
        return reports;
    }

    private static Map<String, CountryPhase> fold(List<Report> reports, long seed) {
        Random random = new Random(seed);
        try (ScoringDriver driver = new ScoringDriver()) {
            for (Report report : reports) {
                driver.pipeOnly(report);
                if (random.nextInt(4) == 0) {
                    driver.flush();
                }
            }
            Map<String, CountryPhase> folded = new TreeMap<>();
            driver.latestPhases().forEach((key, point) -> folded.put(key, point.withRevision(null)));
            return folded;
        }
    }

    private static StatePhase on(Map<String, CountryPhase> folded, Classification tier, LocalDate day) {
        return folded.values().stream().filter(p -> p.classification() == tier && !p.day().isAfter(day))
                .reduce((a, b) -> b).map(CountryPhase::phase).orElse(StatePhase.STABLE);
    }

    @Test
    void aCoupAmidLostTerritoryAndFightingIsFailureWithItsEvidence() {
        Map<String, CountryPhase> folded = fold(history(), 1);
        assertThat(on(folded, Classification.PUBLIC, START.plusDays(300))).isEqualTo(StatePhase.STABLE);
        CountryPhase failure = folded.get("MLI:public:" + START.plusDays(430));
        assertThat(failure.phase()).isEqualTo(StatePhase.FAILURE);
        assertThat(failure.since()).isEqualTo(START.plusDays(430));
        assertThat(failure.criteria()).extracting(c -> c.id())
                .containsExactly("failure.coup-365", "failure.authority-90", "failure.armed-conflict-90");
        assertThat(failure.evidence()).contains("post:bamako:coup", "post:bamako:gao")
                .doesNotContain("post:bamako:kidal", "post:bamako:junta");
    }

    @Test
    void twoInputOrdersGiveTheSameFoldedTopic() {
        List<Report> reports = history();
        Map<String, CountryPhase> inOrder = fold(reports, 1);
        List<Report> shuffled = new ArrayList<>(reports);
        Collections.shuffle(shuffled, new Random(7));
        assertThat(fold(shuffled, 2)).isEqualTo(inOrder);
        Collections.reverse(shuffled);
        assertThat(fold(shuffled, 3)).isEqualTo(inOrder);
    }

    @Test
    void classifiedInputNeverChangesThePublicPhases() {
        List<Report> publicOnly = history().stream().filter(r -> r.classification() == Classification.PUBLIC).toList();
        Map<String, CountryPhase> all = fold(history(), 4);
        Map<String, CountryPhase> open = fold(publicOnly, 5);
        Map<String, CountryPhase> publicOfAll = new TreeMap<>(all);
        publicOfAll.values().removeIf(p -> p.classification() != Classification.PUBLIC);
        assertThat(publicOfAll).isEqualTo(open);
        assertThat(on(all, Classification.SECRET, START.plusDays(415))).as("the secret tier sees Kidal and Kati")
                .isEqualTo(StatePhase.FAILURE);
        assertThat(on(all, Classification.PUBLIC, START.plusDays(415))).isEqualTo(StatePhase.DECAY);
    }

    @Test
    void lateInputRevisesUnderTheSameKey() {
        try (ScoringDriver driver = new ScoringDriver()) {
            history().stream().filter(r -> !r.id().endsWith(":coup")).forEach(driver::pipe);
            String key = "MLI:public:" + START.plusDays(430);
            assertThat(driver.latestPhases().get(key).phase()).isEqualTo(StatePhase.DECAY);
            int revision = driver.latestPhases().get(key).revision().number();
            driver.pipe(history().stream().filter(r -> r.id().endsWith(":coup")).findFirst().orElseThrow());
            CountryPhase revised = driver.latestPhases().get(key);
            assertThat(revised.phase()).isEqualTo(StatePhase.FAILURE);
            assertThat(revised.revision().number()).isEqualTo(revision + 1);
        }
    }
}
