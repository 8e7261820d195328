package nl.horizon.streams;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Report;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Detection on event time, through the whole topology. */
class DetectTopologyTest {

    private static final LocalDate START = LocalDate.of(2010, 1, 1);

    /** A quiet country (a few deaths a month) for two years, then an onset; a second country keeps time moving. */
    private static List<Report> onsetHistory() {
        List<Report> reports = new ArrayList<>();
        for (int month = 0; month < 30; month++) {
            LocalDate day = START.plusMonths(month);
            int dead = month == 24 ? 150 : month % 5 == 0 ? 3 : 0;
            if (dead > 0) {
                reports.add(ScoringDriver.event("mli-" + month, "MLI", day.plusDays(14), "state-based", dead));
            }
            for (int week = 0; week < 4; week++) {
                reports.add(ScoringDriver.event("sen-" + month + "-" + week, "SEN", day.plusDays(7L * week),
                        "state-based", 1));
            }
        }
        return reports;
    }

    /** The signals of {@code <country>:<tier>} as they stand. */
    private static List<Signal> signalsOf(ScoringDriver driver, String countryTier) {
        String[] parts = countryTier.split(":");
        return driver.standingSignals(parts[0], Classification.parse(parts[1]));
    }

    @Test
    void anOnsetAfterCalmRaisesANewSignalWithItsEvidenceAndThenCoolsOnEmptyDays() {
        try (ScoringDriver driver = new ScoringDriver()) {
            onsetHistory().forEach(driver::pipe);

            List<Signal> mali = signalsOf(driver, "MLI:public");
            assertThat(mali).isNotEmpty();
            Signal first = mali.get(0);
            assertThat(first.lifecycle()).isEqualTo(Lifecycle.NEW);
            assertThat(first.day()).isEqualTo(START.plusMonths(24).plusDays(14));
            assertThat(first.level()).isIn(RiskLevel.WARNING, RiskLevel.ALERT);
            assertThat(first.detection().indicator()).isEqualTo("security.fatalities");
            assertThat(first.detection().observed()).isEqualTo(150);
            assertThat(first.detection().statistic()).isGreaterThan(6);
            assertThat(first.evidenceReportIds()).contains("event-data:ucdp:mli-24");
            assertThat(first.sourceKinds()).containsExactly(SourceKind.EVENT_DATA);
            assertThat(first.level()).as("one source kind cannot reach the top level").isEqualTo(RiskLevel.WARNING);
            assertThat(first.revision().number()).isEqualTo(1);
            assertThat(first.revision().historical()).as("published as the clock passed its day").isFalse();
            assertThat(mali).extracting(Signal::lifecycle).as("quiet days after the onset cool it down")
                    .contains(Lifecycle.RESOLVED);

            List<CountryRisk> risks = driver.riskHistory("MLI", Classification.PUBLIC);
            CountryRisk peak = risks.stream().max(java.util.Comparator.comparingDouble(CountryRisk::score)).orElseThrow();
            assertThat(peak.contributions()).isNotEmpty();
            assertThat(peak.contributions().stream().mapToDouble(c -> c.contribution()).sum())
                    .isCloseTo(peak.score(), org.assertj.core.data.Offset.offset(0.5));
            assertThat(signalsOf(driver, "SEN:public")).as("a steady trickle never signals").isEmpty();
        }
    }

    /** A CrisisWatch entry on Mali ten days after its onset: improved, with a resolution opportunity. */
    private static Report crisisWatchImprovement() {
        LocalDate day = START.plusMonths(24).plusDays(24);
        return new Report("crisis-watch:crisisgroup:MLI", SourceKind.CRISIS_WATCH, "crisisgroup", List.of("MLI"), "en",
                day.atStartOfDay(java.time.ZoneOffset.UTC).toInstant(), "Mali: improved (CrisisWatch)", "",
                Classification.PUBLIC, new nl.horizon.schema.EventFields("crisiswatch:improved",
                "resolution_opportunity", null, null, null), List.of(), null, null);
    }

    /** Mali's public signals and risk history when the onset history arrives in order. */
    private record MaliInOrder(List<Signal> signals, List<CountryRisk> risks) {
    }

    private static MaliInOrder maliInOrder() {
        try (ScoringDriver driver = new ScoringDriver()) {
            onsetHistory().forEach(driver::pipe);
            return new MaliInOrder(signalsOf(driver, "MLI:public"), driver.riskHistory("MLI", Classification.PUBLIC));
        }
    }

    private static LocalDate firstSignalDay(List<Signal> signals, Lifecycle lifecycle) {
        return signals.stream().filter(s -> s.lifecycle() == lifecycle).map(Signal::day).findFirst().orElseThrow();
    }

    @Test
    void aCrisisWatchImprovementCoolsAnEpisodeSoonerAndItsReliefShowsAsNegativeContributions() {
        MaliInOrder reference = maliInOrder();
        List<Signal> without = reference.signals();
        List<CountryRisk> risksWithout = reference.risks();
        try (ScoringDriver driver = new ScoringDriver()) {
            onsetHistory().forEach(driver::pipe);
            driver.pipe(crisisWatchImprovement());
            List<Signal> with = signalsOf(driver, "MLI:public");
            assertThat(with.get(0)).as("the same onset").isEqualTo(without.get(0));
            assertThat(with).extracting(Signal::level).as("relief raises no level")
                    .doesNotContain(RiskLevel.ALERT);
            assertThat(firstSignalDay(with, Lifecycle.RESOLVED)).as("back to calm sooner")
                    .isBefore(firstSignalDay(without, Lifecycle.RESOLVED));

            List<CountryRisk> risks = driver.riskHistory("MLI", Classification.PUBLIC);
            assertThat(risks).allSatisfy(r -> assertThat(r.contributions().stream().mapToDouble(c -> c.contribution())
                    .sum()).as("%s", r.day()).isCloseTo(r.score(),
                    org.assertj.core.data.Offset.offset(0.05 * r.contributions().size() + 0.05)));
            assertThat(risks).flatExtracting(CountryRisk::contributions).filteredOn(c -> c.contribution() < 0)
                    .extracting(c -> c.indicator()).isNotEmpty()
                    .containsOnly("crisiswatch.improved", "crisiswatch.resolution-opportunity");
            java.util.Map<LocalDate, Double> before = new java.util.HashMap<>();
            risksWithout.forEach(r -> before.put(r.day(), r.score()));
            assertThat(risks).filteredOn(r -> before.containsKey(r.day()))
                    .allSatisfy(r -> assertThat(r.score()).as("%s", r.day()).isLessThanOrEqualTo(before.get(r.day())));
        }
    }

    @Test
    void lowCountsBelowTheFloorStayCalm() {
        try (ScoringDriver driver = new ScoringDriver()) {
            for (Report r : onsetHistory()) {
                driver.pipe(r.id().endsWith("mli-24")
                        ? ScoringDriver.event("mli-24", "MLI", START.plusMonths(24).plusDays(14), "state-based", 20) : r);
            }
            assertThat(signalsOf(driver, "MLI:public")).isEmpty();
        }
    }

    @Test
    void theBacklogSaysWhetherEveryResultIsOut() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Metrics.addRegistry(registry);
        try (ScoringDriver driver = new ScoringDriver()) {
            onsetHistory().forEach(driver::pipeOnly);
            assertThat(waitingTasks(registry)).as("read, not yet scored").isPositive();
            driver.flush();
            assertThat(waitingTasks(registry)).as("scored").isZero();
            assertThat(signalsOf(driver, "MLI:public")).isNotEmpty();
        } finally {
            Metrics.removeRegistry(registry);
        }
    }

    private static double waitingTasks(SimpleMeterRegistry registry) {
        return registry.get(ScoringBacklog.METRIC).gauge().value();
    }

    @Test
    void aDuplicateReportCountsOnce() {
        List<Signal> once;
        try (ScoringDriver driver = new ScoringDriver()) {
            onsetHistory().forEach(driver::pipe);
            once = signalsOf(driver, "MLI:public");
        }
        try (ScoringDriver driver = new ScoringDriver()) {
            for (Report r : onsetHistory()) {
                driver.pipe(r);
                if (r.id().endsWith("mli-24")) {
                    driver.pipe(r);
                }
            }
            assertThat(signalsOf(driver, "MLI:public")).as("the same signals").isEqualTo(once);
        }
    }

    @Test
    void anEventArrivingMonthsLateRescoresItsDayAndEndsAsIfItHadComeInOrder() {
        MaliInOrder reference = maliInOrder();
        List<Signal> inOrder = reference.signals();
        List<CountryRisk> inOrderRisks = reference.risks();
        try (ScoringDriver driver = new ScoringDriver()) {
            List<Report> history = onsetHistory();
            Report onset = history.stream().filter(r -> r.id().endsWith("mli-24")).findFirst().orElseThrow();
            history.stream().filter(r -> r != onset).forEach(driver::pipe);
            assertThat(signalsOf(driver, "MLI:public")).as("nothing to signal without the onset").isEmpty();
            driver.pipe(onset);

            List<Signal> revised = signalsOf(driver, "MLI:public");
            assertThat(revised).as("the same signals as in order, but for when they were known")
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("revision").isEqualTo(inOrder);
            assertThat(revised.get(0).day()).isEqualTo(START.plusMonths(24).plusDays(14));
            assertThat(revised.get(0).revision().historical()).as("five months behind the clock: a back-fill")
                    .isTrue();
            assertThat(driver.riskHistory("MLI", Classification.PUBLIC))
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("revision").isEqualTo(inOrderRisks);
        }
    }

    @Test
    void aSignalThatNoLongerHoldsIsWithdrawnUnderItsOwnId() {
        try (ScoringDriver driver = new ScoringDriver()) {
            List<Report> history = onsetHistory();
            LocalDate onsetDay = START.plusMonths(24).plusDays(14);
            history.forEach(driver::pipe);
            Signal raised = signalsOf(driver, "MLI:public").get(0);
            assertThat(raised.day()).isEqualTo(onsetDay);
            // a year of steady violence before the onset, learnt late, makes the onset ordinary
            for (int day = 1; day <= 360; day += 3) {
                driver.pipeOnly(ScoringDriver.event("mli-steady-" + day, "MLI", onsetDay.minusDays(day),
                        "state-based", 20));
            }
            driver.flush();
            List<KeyValue<String, Signal>> records = driver.signals();
            Signal withdrawal = records.stream().filter(kv -> kv.key.equals(raised.id())).map(kv -> kv.value)
                    .reduce((a, b) -> b).orElseThrow();
            assertThat(withdrawal.lifecycle()).isEqualTo(Lifecycle.WITHDRAWN);
            assertThat(withdrawal.revision().number()).isEqualTo(raised.revision().number() + 1);
            assertThat(withdrawal.revision().earlier()).as("when each earlier revision was known, for CAP references")
                    .hasSize(raised.revision().number()).endsWith(raised.revision().knownAsOf());
            assertThat(signalsOf(driver, "MLI:public")).extracting(Signal::id).doesNotContain(raised.id());
        }
    }

    @Test
    void theTopLevelNeedsTwoIndependentSourceKinds() {
        try (ScoringDriver driver = new ScoringDriver()) {
            for (Report r : onsetHistory()) {
                driver.pipe(r);
                if (r.id().endsWith("mli-24")) {
                    for (int i = 0; i < 4; i++) {
                        driver.pipe(ScoringDriver.post("bam-" + i, "MLI", START.plusMonths(24).plusDays(14 + i),
                                Classification.PUBLIC, "Heavy fighting and massacre of civilians; army withdrew, "
                                        + "rebels took control of the town"));
                    }
                }
            }
            assertThat(signalsOf(driver, "MLI:public")).extracting(Signal::level).contains(RiskLevel.ALERT);
            Signal alert = signalsOf(driver, "MLI:public").stream().filter(s -> s.level() == RiskLevel.ALERT)
                    .findFirst().orElseThrow();
            assertThat(alert.sourceKinds()).containsExactlyInAnyOrder(SourceKind.EVENT_DATA, SourceKind.POST);
        }
    }

    @Test
    void aClassifiedReportShapesOnlyTheTiersClearedForIt() {
        try (ScoringDriver driver = new ScoringDriver()) {
            for (Report r : onsetHistory()) {
                if (!r.id().endsWith("mli-24")) {
                    driver.pipe(r);
                }
                if (r.id().endsWith("sen-24-0")) {
                    for (int i = 0; i < 6; i++) {
                        driver.pipe(ScoringDriver.post("secret-" + i, "MLI", START.plusMonths(24).plusDays(i),
                                Classification.SECRET, "Coup plotters seized power; military junta in Bamako"));
                    }
                }
            }
            assertThat(signalsOf(driver, "MLI:public")).isEmpty();
            assertThat(signalsOf(driver, "MLI:secret")).isNotEmpty()
                    .allSatisfy(s -> assertThat(s.classification()).isEqualTo(Classification.SECRET));
            assertThat(driver.riskHistory("MLI", Classification.PUBLIC))
                    .allSatisfy(r -> assertThat(r.score()).isLessThan(30));
        }
    }

    /** Need-to-know: a score is shown to all cleared for its tier, so a caveated report moves none. */
    @Test
    void aCaveatedReportMovesNoScoreInAnyTier() {
        List<TestRecord<byte[], byte[]>> without;
        try (ScoringDriver driver = new ScoringDriver()) {
            onsetHistory().stream().filter(r -> !r.id().endsWith("mli-24")).forEach(driver::pipe);
            without = driver.rawOutputs();
        }
        try (ScoringDriver driver = new ScoringDriver()) {
            for (Report r : onsetHistory()) {
                if (!r.id().endsWith("mli-24")) {
                    driver.pipe(r);
                }
                if (r.id().endsWith("sen-24-0")) {
                    for (int i = 0; i < 6; i++) {
                        Report secret = ScoringDriver.post("nodis-" + i, "MLI", START.plusMonths(24).plusDays(i),
                                Classification.SECRET, "Coup plotters seized power; military junta in Bamako");
                        driver.pipe(withCaveats(secret, "NODIS"));
                        driver.pipe(withCaveats(ScoringDriver.post("noforn-" + i, "MLI", START.plusMonths(30)
                                .plusDays(i), Classification.PUBLIC, "Massacre and clashes in Gao"), "NOFORN"));
                    }
                }
            }
            assertThat(signalsOf(driver, "MLI:secret")).isEmpty();
            List<TestRecord<byte[], byte[]>> with = driver.rawOutputs();
            assertThat(with).as("the same records, tier clocks included").hasSameSizeAs(without);
            for (int i = 0; i < with.size(); i++) {
                assertThat(with.get(i).value()).as("record %d", i).isEqualTo(without.get(i).value());
            }
        }
    }

    private static Report withCaveats(Report r, String... caveats) {
        return new Report(r.id(), r.sourceKind(), r.sourceName(), r.countries(), r.language(), r.publishedAt(),
                r.title(), r.body(), r.classification(), r.event(), r.links(), r.receivedAt(), r.contentHash(),
                List.of(caveats));
    }

    /**
     * Rule 6: the second replay's wall clock runs in quarter-second steps instead of hours, so its re-scores
     * rest and slice at other moments; records, timestamps included, are the same.
     */
    @Test
    void replayingTheSameInputGivesByteIdenticalOutputHoweverTheWallClockRuns() {
        List<TestRecord<byte[], byte[]>> first;
        List<TestRecord<byte[], byte[]>> second;
        try (ScoringDriver driver = new ScoringDriver()) {
            onsetHistory().forEach(driver::pipe);
            first = driver.rawOutputs();
        }
        try (ScoringDriver driver = new ScoringDriver(Duration.ofMillis(250))) {
            onsetHistory().forEach(driver::pipe);
            second = driver.rawOutputs();
        }
        assertThat(first).isNotEmpty().hasSameSizeAs(second);
        for (int i = 0; i < first.size(); i++) {
            assertThat(Arrays.equals(first.get(i).key(), second.get(i).key())).isTrue();
            assertThat(Arrays.equals(first.get(i).value(), second.get(i).value())).as("record %d", i).isTrue();
            assertThat(first.get(i).timestamp()).isEqualTo(second.get(i).timestamp());
        }
    }
}
