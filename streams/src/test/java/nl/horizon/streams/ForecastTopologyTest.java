package nl.horizon.streams;

import nl.horizon.formats.ItemFormats;
import nl.horizon.schema.Classification;
import nl.horizon.schema.CoupAttempt;
import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.Forecast;
import nl.horizon.schema.JsonSerde;
import nl.horizon.schema.Markings;
import nl.horizon.schema.Observation;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import nl.horizon.schema.StructuralValue;
import nl.horizon.schema.Topics;
import nl.horizon.streams.forecast.ForecastFeatures;
import nl.horizon.streams.forecast.ForecastHistory;
import nl.horizon.streams.forecast.ForecastIssuer;
import nl.horizon.streams.forecast.ForecastModel;
import nl.horizon.streams.forecast.ReleaseCalendar;
import nl.horizon.streams.forecast.StructuralIndicator;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The forecast in the streams application: issued on event time, per tier, revised by late input. */
class ForecastTopologyTest {

    private static final YearMonth FIRST = YearMonth.of(2009, 1);
    private static final YearMonth LAST = YearMonth.of(2012, 6);
    private static final ScoringModel MODEL = RepoConfig.model();

    /**
     * Mali's deaths per month: calm, then violence below the 25 floor from 2010, and an onset in late 2011;
     * Niger's: a steady low level.
     */
    static int deaths(String country, YearMonth month) {
        if (country.equals("NER")) {
            return 3;
        }
        if (month.isBefore(YearMonth.of(2010, 1))) {
            return 0;
        }
        return month.isBefore(YearMonth.of(2011, 10)) ? 10 : 40 * (month.getMonthValue() + 1);
    }

    /** One event per country and month with deaths, dated mid-month; one population value per year. */
    static List<Object> history(Classification classification) {
        List<Object> input = new ArrayList<>();
        for (YearMonth m = FIRST; !m.isAfter(LAST); m = m.plusMonths(1)) {
            for (String country : List.of("MLI", "NER")) {
                int dead = deaths(country, m);
                if (dead > 0) {
                    input.add(fatality(country, m.atDay(15), dead, classification, "ucdp:" + country + m));
                }
            }
        }
        for (int year = 2005; year <= 2011; year++) {
            input.add(new StructuralValue("MLI", "SP.POP.TOTL", year, 1e8 + year, "API_SP.POP.TOTL_DS2_en_csv_v2_1.csv"));
            input.add(new StructuralValue("MLI", "SP.DYN.IMRT.IN", year, 150, "API_SP.DYN.IMRT.IN_DS2_en_csv_v2_1.csv"));
        }
        return input;
    }

    static Observation fatality(String country, LocalDate day, int dead, Classification classification, String id) {
        return new Observation(country, "security.fatalities", dead, "event-data:" + id, SourceKind.EVENT_DATA,
                day.atStartOfDay(ZoneOffset.UTC).toInstant(), classification, id);
    }

    @Test
    void aForecastIsIssuedForEveryMonthThatClosedInEventTimeWithTheBacktestsFeaturesAndModel() throws Exception {
        try (Driver driver = new Driver()) {
            driver.pipe(history(Classification.PUBLIC));
            Map<String, Forecast> forecasts = driver.forecasts();

            // input reaches 15 June 2012: May's total was released on 31 May, June's is not yet
            assertThat(forecasts).containsKey("MLI:public:2012-05").doesNotContainKey("MLI:public:2012-06")
                    .containsKey("MLI:public:2009-12").doesNotContainKey("MLI:public:2009-11")
                    .containsKey("SEN:public:2012-05");
            Forecast forecast = forecasts.get("MLI:public:2011-12");
            assertThat(forecast.issued()).isEqualTo(LocalDate.of(2011, 12, 31));
            assertThat(forecast.model()).isEqualTo(MODEL.forecast().version());
            assertThat(forecast.horizons()).extracting(Forecast.Horizon::months).containsExactly(1, 3, 6);
            assertThat(forecast.missing()).contains("coups.attempts_5y", "coups.within_1y", "structural.democracy");

            // the probability is the back-test's: the same features and model on the same history
            ForecastFeatures features = new ForecastFeatures(new TestHistory(Optional.empty()), new ReleaseCalendar(30));
            double[] x = features.at("MLI", YearMonth.of(2011, 12));
            assertThat(forecast.horizon(3).probability()).isEqualTo(MODEL.forecast().probability(x, 3));
            Forecast.FeatureContribution strongest = forecast.horizon(3).contributions().get(0);
            assertThat(forecast.horizon(3).contributions()).hasSize(6);
            assertThat(Math.abs(strongest.contribution())).isGreaterThanOrEqualTo(
                    Math.abs(forecast.horizon(3).contributions().get(5).contribution()));
        }
    }

    @Test
    void pThreeMonthsAboveTheRuleRaisesAWarningNamingTheModel() throws Exception {
        try (Driver driver = new Driver()) {
            driver.pipe(history(Classification.PUBLIC));
            ForecastModel.AlertRule rule = MODEL.forecast().alert();
            Map<String, Forecast> forecasts = driver.forecasts();
            List<Signal> warnings = driver.standingWarnings();
            assertThat(warnings).isNotEmpty();
            for (Signal warning : warnings) {
                Forecast forecast = forecasts.get(warning.evidenceReportIds().get(0).substring("forecast:".length()));
                assertThat(forecast).isNotNull();
                assertThat(forecast.horizon(rule.horizonMonths()).probability()).isGreaterThanOrEqualTo(rule.threshold());
                assertThat(warning.level()).isEqualTo(RiskLevel.WARNING);
                assertThat(warning.detection().detector()).isEqualTo(ForecastIssuer.DETECTOR);
                assertThat(warning.detection().version()).isEqualTo(MODEL.forecast().version());
                assertThat(warning.day()).isEqualTo(forecast.issued());
                assertThat(warning.evidenceReportIds()).hasSize(7).element(1).asString().startsWith("contribution:");
            }
            // no two warnings of a country within the cooldown
            List<YearMonth> mali = warnings.stream().filter(w -> w.country().equals("MLI"))
                    .map(w -> YearMonth.from(w.day())).sorted().toList();
            for (int i = 1; i < mali.size(); i++) {
                assertThat(mali.get(i)).isAfter(mali.get(i - 1).plusMonths(rule.cooldownMonths()));
            }
        }
    }

    @Test
    void theSameInputInAnotherOrderEndsInTheSameForecastsAndWarnings() throws Exception {
        List<Object> input = history(Classification.PUBLIC);
        Map<String, Forecast> inOrder;
        Map<String, Signal> warningsInOrder;
        try (Driver driver = new Driver()) {
            driver.pipe(input);
            inOrder = driver.forecasts();
            warningsInOrder = driver.standingWarningsByKey();
        }
        List<Object> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, new Random(17));
        try (Driver driver = new Driver()) {
            // in three bursts, each issued before the next arrives: late input must revise what went out
            int third = shuffled.size() / 3;
            driver.pipe(shuffled.subList(0, third));
            driver.pipe(shuffled.subList(third, 2 * third));
            driver.pipe(shuffled.subList(2 * third, shuffled.size()));
            Map<String, Forecast> reordered = driver.forecasts();
            assertThat(withoutRevisions(reordered)).isEqualTo(withoutRevisions(inOrder));
            assertThat(driver.revised()).as("late input revised forecasts under their keys").isTrue();
            assertThat(warningsWithoutRevisions(driver.standingWarningsByKey()))
                    .isEqualTo(warningsWithoutRevisions(warningsInOrder));
        }
    }

    @Test
    void classifiedFatalitiesNeverChangeThePublicForecast() throws Exception {
        Map<String, Forecast> publicOnly;
        try (Driver driver = new Driver()) {
            driver.pipe(history(Classification.PUBLIC));
            publicOnly = driver.forecasts();
        }
        try (Driver driver = new Driver()) {
            List<Object> input = new ArrayList<>(history(Classification.PUBLIC));
            input.add(fatality("MLI", LocalDate.of(2010, 3, 3), 500, Classification.SECRET, "post:secret-1"));
            input.add(fatality("MLI", LocalDate.of(2012, 8, 3), 5, Classification.SECRET, "post:secret-2"));
            input.add(fatality("XKX", LocalDate.of(2011, 8, 3), 30, Classification.SECRET, "post:secret-3"));
            driver.pipe(input);
            Map<String, Forecast> all = driver.forecasts();
            Map<String, Forecast> publicTier = new TreeMap<>(all);
            publicTier.keySet().removeIf(k -> !k.contains(":public:"));
            assertThat(withoutRevisions(publicTier)).isEqualTo(withoutRevisions(publicOnly));
            // the secret tier weighs the secret report, and its clock reaches further
            assertThat(all.get("MLI:secret:2010-06").horizon(3).probability())
                    .isNotEqualTo(all.get("MLI:public:2010-06").horizon(3).probability());
            assertThat(all).containsKey("MLI:secret:2012-07").doesNotContainKey("MLI:public:2012-07");
            // a territory with only secret fatalities has a secret forecast and no public one
            assertThat(all).containsKey("XKX:secret:2011-08").doesNotContainKey("XKX:public:2011-08");
        }
    }

    @Test
    void aStructuralYearIsReadFromJulyOfTheNextYear() throws Exception {
        try (Driver driver = new Driver()) {
            List<Object> input = new ArrayList<>(history(Classification.PUBLIC));
            driver.pipe(input);
            Map<String, Forecast> before = driver.forecasts();
            driver.pipe(List.of(new StructuralValue("MLI", "NY.GDP.MKTP.KD.ZG", 2010, 5.8, "API_NY.GDP.MKTP.KD.ZG_DS2_en_csv_v2_1.csv")));
            Map<String, Forecast> after = driver.forecasts();
            // 2010's value is known from 1 July 2011: June 2011's forecast (issued 30 June) does not read it
            assertThat(after.get("MLI:public:2011-05").withRevision(null))
                    .isEqualTo(before.get("MLI:public:2011-05").withRevision(null));
            assertThat(before.get("MLI:public:2011-07").missing()).contains("structural.gdp_growth");
            assertThat(after.get("MLI:public:2011-07").missing()).doesNotContain("structural.gdp_growth");
            assertThat(after.get("MLI:public:2011-07").revision().number()).isEqualTo(2);
        }
    }

    @Test
    void aRecordOnATableTopicThatIsNoRowIsDeadLetteredAndTheForecastGoesOn() throws Exception {
        Map<String, Forecast> clean;
        try (Driver driver = new Driver()) {
            driver.pipe(history(Classification.PUBLIC));
            clean = driver.forecasts();
        }
        try (Driver driver = new Driver()) {
            driver.pipeRaw(Topics.STRUCTURAL, "MLI|SP.POP.TOTL|2009", null);
            driver.pipeRaw(Topics.COUPS, "MLI|2012-03-22",
                    "{\"country\": \"MLI\", \"date\": ".getBytes(StandardCharsets.UTF_8));
            driver.pipeRaw(Topics.STRUCTURAL, "x", "null".getBytes(StandardCharsets.UTF_8));
            // JSON, but no row: missing fields, a year the calendar cannot step past
            driver.pipeRaw(Topics.STRUCTURAL, "y", "{}".getBytes(StandardCharsets.UTF_8));
            driver.pipeRaw(Topics.COUPS, "z", "{\"country\": \"MLI\"}".getBytes(StandardCharsets.UTF_8));
            driver.pipeRaw(Topics.STRUCTURAL, "w", ("{\"country\": \"MLI\", \"indicator\": \"SP.POP.TOTL\", "
                    + "\"year\": 2147483647, \"value\": 1, \"source\": \"s.csv\"}").getBytes(StandardCharsets.UTF_8));
            driver.pipe(history(Classification.PUBLIC));

            assertThat(driver.forecasts()).isEqualTo(clean);
            List<DeadLetter> letters = driver.deadLetters();
            assertThat(letters).extracting(DeadLetter::reason).containsExactly(RejectReason.INVALID_FIELD,
                    RejectReason.MALFORMED, RejectReason.INVALID_FIELD, RejectReason.MALFORMED,
                    RejectReason.MALFORMED, RejectReason.MALFORMED);
            assertThat(letters).extracting(DeadLetter::stage).containsOnly(ForecastTopology.REJECTION_STAGE);
            assertThat(letters).extracting(DeadLetter::sourceName).containsExactly(Topics.STRUCTURAL, Topics.COUPS,
                    Topics.STRUCTURAL, Topics.STRUCTURAL, Topics.COUPS, Topics.STRUCTURAL);
            assertThat(letters.get(3).detail()).contains("country");
            assertThat(letters.get(5).detail()).contains("outside the calendar");
            assertThat(letters.get(0).detail()).contains("deletion");
            assertThat(letters.get(1).detail()).contains("CoupAttempt");
            assertThat(letters.get(1).payload()).startsWith("{\"country\"");
            assertThat(letters).extracting(DeadLetter::marking).containsOnly(Markings.standard().undetermined());
        }
    }

    /** Mali's coup of 22 March 2012 and a failed attempt of 2010, as Powell &amp; Thyne date them. */
    static List<CoupAttempt> coups() {
        return List.of(new CoupAttempt("MLI", LocalDate.of(2012, 3, 22), true, "powell_thyne_coups_1950-2019.csv"),
                new CoupAttempt("MLI", LocalDate.of(2010, 5, 14), false, "powell_thyne_coups_1950-2019.csv"));
    }

    @Test
    void aCoupReceivedLateRevisesTheForecastsThatReadItWithTheBacktestsFeatures() throws Exception {
        try (Driver driver = new Driver()) {
            driver.pipe(history(Classification.PUBLIC));
            Map<String, Forecast> before = driver.forecasts();
            assertThat(before.get("MLI:public:2012-03").missing()).contains("coups.attempts_5y", "coups.within_1y");

            driver.pipe(new ArrayList<>(coups()));
            Map<String, Forecast> after = driver.forecasts();

            ForecastFeatures withCoups = new ForecastFeatures(new TestHistory(Optional.of(Map.of("MLI",
                    coups().stream().map(CoupAttempt::day).toList()))), new ReleaseCalendar(30));
            ForecastFeatures noneKnown = new ForecastFeatures(new TestHistory(Optional.of(Map.of())),
                    new ReleaseCalendar(30));
            // February's total is released on 2 March 2012, before the coup: one attempt (2010) in five years,
            // none within the year; March's on 31 March, after it: two, one within the year
            assertThat(withCoups.at("MLI", YearMonth.of(2012, 2))).satisfies(x -> {
                assertThat(x[9]).isEqualTo(1.0);
                assertThat(x[10]).isEqualTo(0.0);
            });
            assertThat(withCoups.at("MLI", YearMonth.of(2012, 3))).satisfies(x -> {
                assertThat(x[9]).isEqualTo(2.0);
                assertThat(x[10]).isEqualTo(1.0);
            });
            for (YearMonth month : List.of(YearMonth.of(2010, 4), YearMonth.of(2010, 5), YearMonth.of(2012, 2),
                    YearMonth.of(2012, 3), YearMonth.of(2012, 5))) {
                Forecast mali = after.get("MLI:public:" + month);
                assertThat(mali.missing()).doesNotContain("coups.attempts_5y", "coups.within_1y");
                assertThat(mali.revision().number()).as("revised under its key").isEqualTo(2);
                for (int h : List.of(1, 3, 6)) {
                    assertThat(mali.horizon(h).probability()).as("%s, %d months", month, h)
                            .isEqualTo(MODEL.forecast().probability(withCoups.at("MLI", month), h));
                }
            }
            // the coup moved Mali's forecast: not what it would be with coups known and none in Mali
            assertThat(after.get("MLI:public:2012-03").horizon(3).probability())
                    .isNotEqualTo(MODEL.forecast().probability(noneKnown.at("MLI", YearMonth.of(2012, 3)), 3));
            // Niger had no attempt: its coup features are now zero, not missing, and its forecast is the one of
            // zero coups (the trees need not split on coups where Niger lies, so it need not move)
            assertThat(after.get("NER:public:2012-03").missing()).doesNotContain("coups.attempts_5y");
            assertThat(withCoups.at("NER", YearMonth.of(2012, 3))[9]).isEqualTo(0.0);
            assertThat(after.get("NER:public:2012-03").horizon(3).probability())
                    .isEqualTo(MODEL.forecast().probability(withCoups.at("NER", YearMonth.of(2012, 3)), 3));
        }
    }

    @Test
    void coupsInAnyOrderAndAnyArrivalEndInTheSameForecastsAndWarnings() throws Exception {
        List<Object> input = new ArrayList<>(history(Classification.PUBLIC));
        input.addAll(coups());
        Map<String, Forecast> inOrder;
        Map<String, Signal> warningsInOrder;
        try (Driver driver = new Driver()) {
            driver.pipe(input);
            inOrder = driver.forecasts();
            warningsInOrder = driver.standingWarningsByKey();
        }
        assertThat(inOrder.get("MLI:public:2012-03").missing()).doesNotContain("coups.attempts_5y");
        List<Object> shuffled = new ArrayList<>(input);
        Collections.shuffle(shuffled, new Random(23));
        try (Driver driver = new Driver()) {
            int half = shuffled.size() / 2;
            driver.pipe(shuffled.subList(0, half));
            driver.pipe(shuffled.subList(half, shuffled.size()));
            // the same coup again, from a second table: a day counts once
            driver.pipe(List.of(new CoupAttempt("MLI", LocalDate.of(2012, 3, 22), true, "coups-2012.csv")));
            assertThat(withoutRevisions(driver.forecasts())).isEqualTo(withoutRevisions(inOrder));
            assertThat(warningsWithoutRevisions(driver.standingWarningsByKey()))
                    .isEqualTo(warningsWithoutRevisions(warningsInOrder));
        }
    }

    private static Map<String, Forecast> withoutRevisions(Map<String, Forecast> forecasts) {
        Map<String, Forecast> out = new TreeMap<>();
        forecasts.forEach((k, v) -> out.put(k, v.withRevision(null)));
        return out;
    }

    private static Map<String, Signal> warningsWithoutRevisions(Map<String, Signal> signals) {
        Map<String, Signal> out = new TreeMap<>();
        signals.forEach((k, v) -> out.put(k, v.withRevision(null)));
        return out;
    }

    /** The test's history as the back-test would replay it, with the coups given (empty: no source of coups). */
    private static final class TestHistory implements ForecastHistory {
        private final Optional<Map<String, List<LocalDate>>> coups;

        TestHistory(Optional<Map<String, List<LocalDate>>> coups) {
            this.coups = coups;
        }

        @Override
        public int deaths(String country, YearMonth month) {
            return month.isBefore(FIRST) || month.isAfter(LAST) || !Set.of("MLI", "NER").contains(country) ? 0
                    : ForecastTopologyTest.deaths(country, month);
        }

        @Override
        public YearMonth firstMonth() {
            return FIRST;
        }

        @Override
        public Set<String> neighbours(String country) {
            return MODEL.borders().of(country);
        }

        @Override
        public Optional<List<LocalDate>> coups(String country) {
            return coups.map(byCountry -> byCountry.getOrDefault(country, List.of()));
        }

        @Override
        public OptionalDouble structural(StructuralIndicator indicator, String country, int year) {
            if (!country.equals("MLI") || year < 2005) {
                return OptionalDouble.empty();
            }
            return switch (indicator) {
                case POPULATION -> OptionalDouble.of(1e8 + Math.min(year, 2011));
                case INFANT_MORTALITY -> OptionalDouble.of(150);
                default -> OptionalDouble.empty();
            };
        }
    }

    /** The whole topology, fed observations, structural values and coup attempts directly. */
    private static final class Driver implements AutoCloseable {
        private final Path stateDir = Files.createTempDirectory("forecast-test-");
        private final TopologyTestDriver driver;
        private final TestInputTopic<String, Observation> observations;
        private final TestInputTopic<String, StructuralValue> structural;
        private final TestInputTopic<String, CoupAttempt> coupsIn;
        private final TestOutputTopic<String, Forecast> forecastsOut;
        private final TestOutputTopic<String, Signal> signalsOut;
        private final TestOutputTopic<String, DeadLetter> deadLettersOut;
        private final Map<String, Forecast> forecasts = new TreeMap<>();
        private final Map<String, Signal> signals = new TreeMap<>();
        private boolean revised;
        private long sequence;

        Driver() throws Exception {
            java.util.Properties props = new java.util.Properties();
            props.put("application.id", "forecast-test");
            props.put("bootstrap.servers", "unused:9092");
            props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
            driver = new TopologyTestDriver(HorizonTopology.build(ItemFormats.standard(Markings.standard()), MODEL),
                    props, Instant.EPOCH);
            observations = driver.createInputTopic(Topics.OBSERVATIONS, Serdes.String().serializer(),
                    JsonSerde.of(Observation.class));
            structural = driver.createInputTopic(Topics.STRUCTURAL, Serdes.String().serializer(),
                    JsonSerde.of(StructuralValue.class));
            coupsIn = driver.createInputTopic(Topics.COUPS, Serdes.String().serializer(),
                    JsonSerde.of(CoupAttempt.class));
            forecastsOut = driver.createOutputTopic(Topics.FORECASTS, Serdes.String().deserializer(),
                    JsonSerde.of(Forecast.class));
            signalsOut = driver.createOutputTopic(Topics.SIGNALS, Serdes.String().deserializer(),
                    JsonSerde.of(Signal.class));
            deadLettersOut = driver.createOutputTopic(Topics.DLQ, Serdes.String().deserializer(),
                    JsonSerde.of(DeadLetter.class));
        }

        /** A record as any producer may write it onto a table topic: bytes, or none for a deletion. */
        void pipeRaw(String topic, String key, byte[] value) {
            driver.createInputTopic(topic, Serdes.String().serializer(), Serdes.ByteArray().serializer())
                    .pipeInput(key, value, Instant.ofEpochMilli(1_000_000L + sequence++));
        }

        List<DeadLetter> deadLetters() {
            return deadLettersOut.readValuesToList();
        }

        void pipe(List<Object> input) {
            for (Object o : input) {
                Instant at = Instant.ofEpochMilli(1_000_000L + sequence++);
                if (o instanceof Observation obs) {
                    observations.pipeInput(obs.country(), obs, at);
                } else if (o instanceof CoupAttempt coup) {
                    coupsIn.pipeInput(coup.key(), coup, at);
                } else {
                    StructuralValue v = (StructuralValue) o;
                    structural.pipeInput(v.key(), v, at);
                }
            }
            driver.advanceWallClockTime(Duration.ofHours(1));
        }

        Map<String, Forecast> forecasts() {
            forecastsOut.readKeyValuesToList().forEach(kv -> {
                revised |= forecasts.containsKey(kv.key);
                forecasts.put(kv.key, kv.value);
            });
            return new TreeMap<>(forecasts);
        }

        boolean revised() {
            forecasts();
            return revised;
        }

        Map<String, Signal> standingWarningsByKey() {
            signalsOut.readKeyValuesToList().forEach(kv -> signals.put(kv.key, kv.value));
            Map<String, Signal> standing = new TreeMap<>(signals);
            standing.values().removeIf(s -> !s.standing() || !s.detection().detector().equals(ForecastIssuer.DETECTOR));
            return standing;
        }

        List<Signal> standingWarnings() {
            return List.copyOf(standingWarningsByKey().values());
        }

        @Override
        public void close() throws Exception {
            driver.close();
            Utils.delete(stateDir.toFile());
        }
    }
}
