package nl.horizon.streams;

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

    private static List<Signal> signalsOf(ScoringDriver driver, String key) {
        return driver.signals().stream().filter(kv -> kv.key.equals(key)).map(kv -> kv.value).toList();
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
            assertThat(first.inputOffsets()).isNotEmpty();
            assertThat(mali).extracting(Signal::lifecycle).as("quiet days after the onset cool it down")
                    .contains(Lifecycle.RESOLVED);

            List<CountryRisk> risks = driver.risks().stream().filter(kv -> kv.key.equals("MLI:public"))
                    .map(kv -> kv.value).toList();
            CountryRisk peak = risks.stream().max(java.util.Comparator.comparingDouble(CountryRisk::score)).orElseThrow();
            assertThat(peak.contributions()).isNotEmpty();
            assertThat(peak.contributions().stream().mapToDouble(c -> c.contribution()).sum())
                    .isCloseTo(peak.score(), org.assertj.core.data.Offset.offset(0.5));
            assertThat(signalsOf(driver, "SEN:public")).as("a steady trickle never signals").isEmpty();
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
            assertThat(signalsOf(driver, "MLI:public")).as("the same signals; only the input offsets move")
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("inputOffsets").isEqualTo(once);
        }
    }

    @Test
    void aLateEventWithinTheGracePeriodCountsForItsDay() {
        try (ScoringDriver driver = new ScoringDriver()) {
            List<Report> history = onsetHistory();
            Report onset = history.stream().filter(r -> r.id().endsWith("mli-24")).findFirst().orElseThrow();
            LocalDate onsetDay = START.plusMonths(24).plusDays(14);
            for (Report r : history) {
                if (r == onset) {
                    continue;
                }
                driver.pipe(r);
                if (r.id().equals("event-data:ucdp:sen-24-2")) {
                    // stream time is now the 15th, a day after the onset day: within the 2-day grace
                    driver.pipe(onset);
                }
            }
            assertThat(signalsOf(driver, "MLI:public").get(0).day()).isEqualTo(onsetDay);
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
            assertThat(driver.risks()).filteredOn(kv -> kv.key.equals("MLI:public"))
                    .allSatisfy(kv -> assertThat(kv.value.score()).isLessThan(30));
        }
    }

    @Test
    void replayingTheSameInputGivesByteIdenticalOutput() {
        List<TestRecord<byte[], byte[]>> first;
        List<TestRecord<byte[], byte[]>> second;
        try (ScoringDriver driver = new ScoringDriver()) {
            onsetHistory().forEach(driver::pipe);
            first = driver.rawOutputs();
        }
        try (ScoringDriver driver = new ScoringDriver()) {
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
