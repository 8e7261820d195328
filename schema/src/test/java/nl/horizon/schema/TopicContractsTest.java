package nl.horizon.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Every topic's values, serialised by the serde, validate against the topic's JSON Schema file. */
class TopicContractsTest {

    private static final Instant AT = Instant.parse("2012-01-17T06:00:00Z");

    static Map<Class<?>, Object> examples() {
        Map<Class<?>, Object> byType = new LinkedHashMap<>();
        byType.put(RawItem.class, RawItem.of("2012-017", SourceKind.POST, "post-bamako", "post-json", AT,
                Classification.DEPARTMENTAL_CONFIDENTIAL, "{\"subject\":\"Aanval op Ménaka\"}"));
        byType.put(Report.class, new Report("post:post-bamako:2012-017", SourceKind.POST, "post-bamako",
                List.of("MLI"), "nl", AT, "Aanval op Ménaka", "Rebellen van de MNLA vielen Ménaka aan.",
                Classification.DEPARTMENTAL_CONFIDENTIAL, new EventFields("Battles", null, 12, null, null),
                List.of(), AT.plusSeconds(60), ContentHash.of("x"), List.of("NODIS"))
                .withAlert(new AlertFields("ew.example.org", "A-2", AT, CapMessageType.UPDATE, "Armed violence",
                        List.of("Security"), "Future", "Severe", "Possible", AT.plusSeconds(86_400), "Ménaka",
                        List.of(new AlertFields.Geocode("ISO3166-1-alpha-3", "MLI")),
                        List.of("ew.example.org,A-1,2012-01-16T06:00:00-00:00"))));
        byType.put(Observation.class, new Observation("MLI", "security.armed-clash", 1,
                "post:post-bamako:2012-017", SourceKind.POST, AT, Classification.PUBLIC, "post:post-bamako:2012-017"));
        byType.put(CountryRisk.class, new CountryRisk("MLI", LocalDate.of(2012, 1, 17), 61.5, RiskLevel.WARNING,
                Trend.RISING, List.of(new Contribution("security.armed-clash", 7.2, 0.3, 21.6)),
                "alert needs evidence from 2 independent source kinds; this has 1 (post)", Classification.PUBLIC,
                new Revision(2, LocalDate.of(2012, 1, 20), false)));
        byType.put(Signal.class, new Signal("MLI:2012-01-17:new", "MLI", LocalDate.of(2012, 1, 17), Lifecycle.NEW,
                RiskLevel.WARNING, 61.5, 20.0,
                new Detection("negative-binomial-tail", "1", "security.armed-clash", 6, 0.4, 4.2, 50),
                List.of("post:post-bamako:2012-017"), Set.of(SourceKind.POST, SourceKind.EVENT_DATA),
                Classification.DEPARTMENTAL_CONFIDENTIAL, new Revision(1, LocalDate.of(2012, 1, 17), false)
                .next(LocalDate.of(2012, 1, 19), false)));
        byType.put(CountryPhase.class, new CountryPhase("MLI", LocalDate.of(2012, 4, 6), StatePhase.FAILURE,
                LocalDate.of(2012, 4, 6), List.of(new PhaseCriterion("failure.coup-365",
                List.of("political.coup"), LocalDate.of(2011, 4, 8), LocalDate.of(2012, 4, 6), 1,
                PhaseCriterion.AT_LEAST, 1)), List.of("post:post-bamako:2012-044"), Classification.PUBLIC,
                new Revision(1, LocalDate.of(2012, 4, 8), false)));
        byType.put(Forecast.class, new Forecast("MLI", java.time.YearMonth.of(2011, 12), LocalDate.of(2011, 12, 31),
                "forecast-1", List.of(new Forecast.Horizon(3, 0.044, List.of(
                        new Forecast.FeatureContribution("structural.log_population", 16.5, 0.53, 0.18),
                        new Forecast.FeatureContribution("coups.attempts_5y", null, 0, 0)))),
                List.of("coups.attempts_5y", "coups.within_1y"), Classification.PUBLIC,
                new Revision(1, LocalDate.of(2011, 12, 31), false)));
        byType.put(StructuralValue.class, new StructuralValue("MLI", "SP.DYN.IMRT.IN", 2010, 77.9,
                "API_SP.DYN.IMRT.IN_DS2_en_csv_v2_80621.csv"));
        byType.put(CoupAttempt.class, new CoupAttempt("MLI", LocalDate.of(2012, 3, 22), true,
                "powell_thyne_coups_1950-2019.csv"));
        byType.put(Subscription.class, new Subscription("sub-1", "account:analyst-a", "title:coup AND country:MLI",
                Classification.DEPARTMENTAL_CONFIDENTIAL, AT));
        byType.put(Match.class, new Match("sub-1", "account:analyst-a", DocumentKind.SIGNAL, "MLI:2012-01-17:new",
                "Mali: warning", AT, Classification.PUBLIC));
        byType.put(TriageDecision.class, new TriageDecision("d-1", "MLI:2012-01-17:new", "MLI",
                TriageOutcome.DISMISSED, "a duplicate of last week's clash", "analyst-a", AT,
                Classification.DEPARTMENTAL_CONFIDENTIAL));
        byType.put(AuditEvent.class, new AuditEvent(AT, "account:analyst-a", "analyst-a", Classification.SECRET,
                "10.1.2.3", "GET", "/api/signals/([^/]{1,200})", "/api/signals/MLI:2012-01-17:new", 200,
                Classification.SECRET));
        byType.put(DeadLetter.class, new DeadLetter("f00", SourceKind.NEWS_FEED, "reliefweb", "connector:rss",
                RejectReason.HOSTILE_XML, "DOCTYPE is not allowed", "<!DOCTYPE x>", AT,
                Classification.SECRET, List.of("NOFORN")));
        return byType;
    }

    @Test
    void everyTopicHasAnExampleAndASchemaThatAcceptsIt() throws Exception {
        Map<Class<?>, Object> examples = examples();
        for (TopicSpec topic : Topics.catalogue()) {
            Object value = examples.get(topic.valueType());
            assertThat(value).as("example for %s", topic.name()).isNotNull();
            @SuppressWarnings("unchecked")
            JsonSerde<Object> serde = (JsonSerde<Object>) topic.serde();
            byte[] bytes = serde.serialize(topic.name(), value);

            Set<ValidationMessage> errors = schemaOf(topic).validate(Json.mapper().readTree(bytes));

            assertThat(errors).as("%s against %s", topic.name(), topic.schema()).isEmpty();
            assertThat(serde.deserialize(topic.name(), bytes)).isEqualTo(value);
        }
    }

    @Test
    void schemasRejectWhatTheContractForbids() throws Exception {
        TopicSpec reports = Topics.catalogue().stream().filter(t -> t.name().equals(Topics.REPORTS)).findFirst()
                .orElseThrow();
        JsonNode report = Json.mapper().valueToTree(examples().get(Report.class));
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).putArray("countries").add("Mali");
        ((com.fasterxml.jackson.databind.node.ObjectNode) report).put("classification", "geheim");

        assertThat(schemaOf(reports).validate(report)).hasSize(2);
    }

    @Test
    void everyRejectReasonIsADeadLetterReason() throws Exception {
        JsonNode schema;
        try (InputStream in = Topics.class.getResourceAsStream("dead-letter.schema.json")) {
            schema = Json.mapper().readTree(in);
        }
        List<String> listed = new java.util.ArrayList<>();
        schema.at("/properties/reason/enum").forEach(label -> listed.add(label.asText()));

        assertThat(listed).containsExactlyInAnyOrderElementsOf(
                java.util.Arrays.stream(RejectReason.values()).map(RejectReason::label).toList());
    }

    @Test
    void serdeNamesTheTypeWhenAValueDoesNotParse() {
        JsonSerde<Report> serde = JsonSerde.of(Report.class);
        assertThatThrownBy(() -> serde.deserialize(Topics.REPORTS, "{\"id\":".getBytes()))
                .hasMessageContaining("not a valid Report on horizon.reports.v1");
    }

    @Test
    void clockTicksHaveASchemaToo() throws Exception {
        try (InputStream in = Topics.class.getResourceAsStream("clock-tick.schema.json")) {
            JsonSchema schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in,
                    SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build());
            byte[] tick = JsonSerde.of(ClockTick.class).serialize("t", new ClockTick(Classification.SECRET, AT.minusSeconds(86_400), AT));
            assertThat(schema.validate(Json.mapper().readTree(tick))).isEmpty();
        }
    }

    @Test
    void rawTopicsAreNamedBySourceKind() {
        assertThat(Topics.raw(SourceKind.CRISIS_WATCH)).isEqualTo("horizon.raw.crisis-watch.v1");
        assertThat(Topics.catalogue()).extracting(TopicSpec::name).doesNotHaveDuplicates()
                .containsAll(Topics.rawTopics())
                .contains(Topics.REPORTS, Topics.OBSERVATIONS, Topics.COUNTRY_RISK, Topics.SIGNALS, Topics.SUBSCRIPTIONS,
                        Topics.MATCHES,
                        Topics.DLQ);
    }

    @Test
    void serialisationIsDeterministic() {
        JsonSerde<Signal> serde = JsonSerde.of(Signal.class);
        Signal signal = (Signal) examples().get(Signal.class);
        assertThat(serde.serialize("t", signal)).isEqualTo(serde.serialize("t", signal));
        assertThat(new String(serde.serialize("t", signal))).contains("\"sourceKinds\":[\"post\",\"event-data\"]");
    }

    private static JsonSchema schemaOf(TopicSpec topic) throws Exception {
        try (InputStream in = Topics.class.getResourceAsStream(topic.schema())) {
            assertThat(in).as("schema resource %s", topic.schema()).isNotNull();
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(in, config);
        }
    }
}
