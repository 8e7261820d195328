package nl.horizon.backtest;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import nl.horizon.streams.HorizonTopology;
import nl.horizon.streams.ScoringBacklog;
import nl.horizon.streams.ScoringModel;
import nl.horizon.streams.forecast.ForecastIssuer;
import nl.horizon.streams.forecast.ReleaseCalendar;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * Replays history through the product's own topology ({@link HorizonTopology}: the same processors and
 * RocksDB state stores), driven synchronously by Kafka's {@link TopologyTestDriver}: one partition, in
 * event-time order, no wall clock and no broker, so a back-test is deterministic and reproducible.
 * Each country-month with deaths becomes one coded-event report dated on the day its total is released
 * ({@link ReleaseCalendar}: the month's end, or up to two days later so that no scoring window holds two
 * months); other inputs (GDELT counts) come as reports of their own. The replay runs from the start of the
 * warm-up: signals of later months have the history before them.
 */
final class Replay {

    /** What the replay produced. */
    record Output(List<Signal> signals, List<CountryRisk> risks) {
    }

    /**
     * Longer than the detector's re-scoring period and any rest it takes after a re-score, so advancing
     * the (mock) wall clock by it always re-scores.
     */
    private static final java.time.Duration RESCORE_EVERY = java.time.Duration.ofHours(1);

    private Replay() {
    }

    static Output run(MonthlySeries series, List<Report> more, ScoringModel model, ReleaseCalendar calendar,
                      YearMonth to, Path workDir, PrintStream progress) throws IOException {
        List<Report> reports = new ArrayList<>(more);
        for (Map.Entry<String, java.util.TreeMap<YearMonth, Integer>> country : series.byCountry().entrySet()) {
            country.getValue().forEach((month, dead) -> {
                if (dead > 0) {
                    reports.add(new Report("event-data:ucdp-monthly:" + country.getKey() + "-" + month,
                            SourceKind.EVENT_DATA, "ucdp-monthly", List.of(country.getKey()), "en",
                            released(calendar, month), country.getKey() + " " + month + ": " + dead + " deaths", "",
                            Classification.PUBLIC, new EventFields(null, null, dead, null, null), List.of(), null, null));
                }
            });
        }
        reports.sort(Comparator.comparing(Report::publishedAt).thenComparing(Report::id));
        // a last report about no country moves event time past the end, so every month is scored
        reports.add(new Report("backtest:end", SourceKind.EVENT_DATA, "backtest", List.of(), "en",
                released(calendar, to).plusSeconds(10L * 86_400), "end of the back-test", "", Classification.PUBLIC, null, List.of(),
                null, null));

        Files.createDirectories(workDir);
        Path state = Files.createTempDirectory(workDir, ".state");
        Properties props = new Properties();
        props.put(StreamsConfig.APPLICATION_ID_CONFIG, "horizon-backtest");
        props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "backtest:0");
        props.put(StreamsConfig.STATE_DIR_CONFIG, state.toString());
        Map<String, Signal> signals = new java.util.TreeMap<>();
        Map<String, CountryRisk> risks = new java.util.TreeMap<>();
        try (TopologyTestDriver driver = new TopologyTestDriver(HorizonTopology.fromReports(model),
                props, Instant.EPOCH)) {
            TestInputTopic<String, Report> in = driver.createInputTopic(Topics.REPORTS, Serdes.String().serializer(),
                    JsonSerde.of(Report.class));
            TestOutputTopic<String, Signal> signalsOut = driver.createOutputTopic(Topics.SIGNALS,
                    Serdes.String().deserializer(), JsonSerde.of(Signal.class));
            TestOutputTopic<String, CountryRisk> risksOut = driver.createOutputTopic(Topics.COUNTRY_RISK,
                    Serdes.String().deserializer(), JsonSerde.of(CountryRisk.class));
            java.time.LocalDate reported = null;
            for (Report report : reports) {
                in.pipeInput(report.id(), report, report.publishedAt());
                java.time.LocalDate day = report.publishedAt().atZone(ZoneOffset.UTC).toLocalDate();
                if (reported == null || !day.equals(reported)) {
                    // the detector re-scores on wall-clock time: let it run once a release day of history is in
                    driver.advanceWallClockTime(RESCORE_EVERY);
                    if (reported == null || day.getYear() != reported.getYear()) {
                        progress.printf("back-test: replaying %d (%d signals so far)%n", day.getYear(),
                                signals.size());
                    }
                    reported = day;
                }
                fold(signalsOut, risksOut, signals, risks);
            }
            do { // one punctuation may re-score only a slice of the countries
                driver.advanceWallClockTime(RESCORE_EVERY);
            } while (!ScoringBacklog.idle());
            fold(signalsOut, risksOut, signals, risks);
        } finally {
            org.apache.kafka.common.utils.Utils.delete(state.toFile());
        }
        // the detector's signals: the pipeline's own forecast warnings come on the same topic, but the
        // back-test judges the forecast apart (ForecastRun), with the coups and tables the replay does not feed it
        List<Signal> standing = signals.values().stream().filter(Signal::standing)
                .filter(s -> !s.detection().detector().equals(ForecastIssuer.DETECTOR))
                .sorted(Comparator.comparing(Signal::day).thenComparing(Signal::id)).toList();
        List<CountryRisk> history = risks.values().stream()
                .sorted(Comparator.comparing(CountryRisk::day).thenComparing(CountryRisk::country)
                        .thenComparing(CountryRisk::classification)).toList();
        return new Output(standing, history);
    }

    /**
     * The topics as a consumer ends up with them: the latest signal per id, the latest risk point per key
     * (a tombstone removes it).
     */
    private static void fold(TestOutputTopic<String, Signal> signalsOut, TestOutputTopic<String, CountryRisk> risksOut,
                             Map<String, Signal> signals, Map<String, CountryRisk> risks) {
        signalsOut.readKeyValuesToList().forEach(kv -> signals.put(kv.key, kv.value));
        risksOut.readKeyValuesToList().forEach(kv -> {
            if (kv.value == null) {
                risks.remove(kv.key);
            } else {
                risks.put(kv.key, kv.value);
            }
        });
    }

    private static Instant released(ReleaseCalendar calendar, YearMonth month) {
        return calendar.release(month).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
}
