package nl.horizon.streams;

import nl.horizon.schema.Classification;
import nl.horizon.schema.CountryPhase;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.Topics;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.test.TestRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.Properties;

/**
 * The scoring steps of the Horizon topology ({@link HorizonTopology#fromReports}) in a {@link TopologyTestDriver},
 * fed with reports, for scoring tests.
 */
final class ScoringDriver implements AutoCloseable {

    private final TopologyTestDriver driver;
    private final TestInputTopic<String, Report> reports;
    private final TestOutputTopic<String, Signal> signals;
    private final TestOutputTopic<String, CountryRisk> risks;
    private final List<KeyValue<String, Signal>> seenSignals = new ArrayList<>();
    private final List<KeyValue<String, CountryRisk>> seenRisks = new ArrayList<>();
    private final TestOutputTopic<String, CountryPhase> phases;
    private final List<KeyValue<String, CountryPhase>> seenPhases = new ArrayList<>();
    private final List<TestRecord<byte[], byte[]>> rawOut = new ArrayList<>();
    private int sequence;

    /** Its own state folder: drivers of test runs side by side would otherwise lock each other's RocksDB. */
    private final Path stateDir;

    /** (Mock) wall-clock time that passes per punctuation while the driver waits for re-scores. */
    private final Duration tick;

    ScoringDriver() {
        this(Duration.ofHours(1));
    }

    /** A driver whose wall clock moves by {@code tick} per step while it waits for re-scores. */
    ScoringDriver(Duration tick) {
        this.tick = tick;
        try {
            stateDir = Files.createTempDirectory("scoring-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Properties props = new Properties();
        props.put("application.id", "scoring-test");
        props.put("bootstrap.servers", "unused:9092");
        props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        driver = new TopologyTestDriver(HorizonTopology.fromReports(RepoConfig.model()), props,
                Instant.EPOCH);
        reports = driver.createInputTopic(Topics.REPORTS, Serdes.String().serializer(), JsonSerde.of(Report.class));
        signals = driver.createOutputTopic(Topics.SIGNALS, Serdes.String().deserializer(), JsonSerde.of(Signal.class));
        risks = driver.createOutputTopic(Topics.COUNTRY_RISK, Serdes.String().deserializer(),
                JsonSerde.of(CountryRisk.class));
        phases = driver.createOutputTopic(Topics.PHASES, Serdes.String().deserializer(),
                JsonSerde.of(CountryPhase.class));
    }

    /** A coded event with fatalities on a day. */
    static Report event(String id, String country, LocalDate day, String type, int fatalities) {
        return new Report("event-data:ucdp:" + id, SourceKind.EVENT_DATA, "ucdp", List.of(country), "en",
                day.atStartOfDay(ZoneOffset.UTC).toInstant(), type + " in " + country, "", Classification.PUBLIC,
                new EventFields(type, null, fatalities, null, null), List.of(), null, null);
    }

    /** A prose report from a post. */
    static Report post(String id, String country, LocalDate day, Classification classification, String title) {
        return new Report("post:bamako:" + id, SourceKind.POST, "bamako", List.of(country), "en",
                day.atStartOfDay(ZoneOffset.UTC).toInstant(), title, "", classification, null, List.of(), null, null);
    }

    /** Pipes a report and lets the detector re-score, as it does a moment later in a running system. */
    void pipe(Report report) {
        pipeOnly(report);
        flush();
    }

    /** Pipes a report without letting the detector re-score yet. */
    void pipeOnly(Report report) {
        reports.pipeInput(report.id(), report, Instant.ofEpochMilli(1_000_000L + sequence++));
    }

    /**
     * Lets the detector's wall-clock re-scores run until every country is scored: by default an hour of
     * (mock) wall-clock time per punctuation, longer than any rest the detector takes after a re-score.
     */
    void flush() {
        do {
            driver.advanceWallClockTime(tick);
        } while (!ScoringBacklog.idle());
    }

    /** Every signal record so far (new ones, revisions, withdrawals), in order. */
    List<KeyValue<String, Signal>> signals() {
        flush();
        while (!signals.isEmpty()) {
            seenSignals.add(signals.readKeyValue());
        }
        return seenSignals;
    }

    /** Every risk record so far, in order; a null value is a tombstone. */
    List<KeyValue<String, CountryRisk>> risks() {
        flush();
        while (!risks.isEmpty()) {
            seenRisks.add(risks.readKeyValue());
        }
        return seenRisks;
    }

    /**
     * The detector's signals as they stand: the latest record per id, unless withdrawn, by day. The
     * forecast's warnings, on the same topic, are left out: {@code ForecastTopologyTest} checks those.
     */
    List<Signal> standingSignals(String country, Classification tier) {
        Map<String, Signal> latest = new TreeMap<>();
        signals().forEach(kv -> latest.put(kv.key, kv.value));
        return latest.values().stream().filter(Signal::standing)
                .filter(s -> !s.detection().detector().equals(nl.horizon.streams.forecast.ForecastIssuer.DETECTOR))
                .filter(s -> s.country().equals(country) && s.classification() == tier)
                .sorted(java.util.Comparator.comparing(Signal::day)).toList();
    }

    /** The risk history as it stands: the latest record per key, tombstones applied, by day. */
    List<CountryRisk> riskHistory(String country, Classification tier) {
        return latestRisks().values().stream().filter(r -> r.country().equals(country) && r.classification() == tier)
                .sorted(java.util.Comparator.comparing(CountryRisk::day)).toList();
    }

    /** The compacted risk topic as a consumer ends up with it. */
    Map<String, CountryRisk> latestRisks() {
        Map<String, CountryRisk> latest = new TreeMap<>();
        risks().forEach(kv -> {
            if (kv.value == null) {
                latest.remove(kv.key);
            } else {
                latest.put(kv.key, kv.value);
            }
        });
        return latest;
    }

    /** The signals topic folded by key as a consumer ends up with it, withdrawn ones left out. */
    Map<String, Signal> latestStandingSignals() {
        Map<String, Signal> latest = new TreeMap<>();
        signals().forEach(kv -> latest.put(kv.key, kv.value));
        latest.values().removeIf(s -> !s.standing());
        return latest;
    }

    /** Every phase record so far, in order; a null value is a tombstone. */
    List<KeyValue<String, CountryPhase>> phases() {
        flush();
        while (!phases.isEmpty()) {
            seenPhases.add(phases.readKeyValue());
        }
        return seenPhases;
    }

    /** The compacted phase topic as a consumer ends up with it. */
    Map<String, CountryPhase> latestPhases() {
        Map<String, CountryPhase> latest = new TreeMap<>();
        phases().forEach(kv -> {
            if (kv.value == null) {
                latest.remove(kv.key);
            } else {
                latest.put(kv.key, kv.value);
            }
        });
        return latest;
    }

    /** Every record on the signal and risk topics, as bytes, for replay comparisons. */
    List<TestRecord<byte[], byte[]>> rawOutputs() {
        for (String topic : List.of(Topics.OBSERVATIONS, Topics.COUNTRY_RISK, Topics.SIGNALS)) {
            TestOutputTopic<byte[], byte[]> out = driver.createOutputTopic(topic, Serdes.ByteArray().deserializer(),
                    Serdes.ByteArray().deserializer());
            rawOut.addAll(out.readRecordsToList());
        }
        return rawOut;
    }

    @Override
    public void close() {
        driver.close();
        try {
            Utils.delete(stateDir.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
