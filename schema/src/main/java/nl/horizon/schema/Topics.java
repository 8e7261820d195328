package nl.horizon.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The topic catalogue: every topic name in one place, with how it is kept. Documented for downstream
 * consumers in {@code docs/topics.md}.
 */
public final class Topics {

    /** Normalised reports. */
    public static final String REPORTS = "horizon.reports.v1";
    /** Reports in which no country was found: the review bucket analysts look through. */
    public static final String REVIEW = "horizon.review.v1";
    /** Indicator observations per country. */
    public static final String OBSERVATIONS = "horizon.observations.v1";
    /** Composite risk per country, tier and day on which it changed (compacted; keyed country:tier:day). */
    public static final String COUNTRY_RISK = "horizon.country-risk.v1";
    /** Onset forecasts per country, tier and month (compacted; keyed country:tier:month). */
    public static final String FORECASTS = "horizon.forecasts.v1";
    /** Country-year values of structural tables (compacted; keyed source:indicator:country:year). */
    public static final String STRUCTURAL = "horizon.structural.v1";
    /** Coup attempts dated to the day (compacted; keyed source:country:day). */
    public static final String COUPS = "horizon.coups.v1";
    /** Early-warning signals, keyed by signal id: the latest record per id is the signal as it stands. */
    public static final String SIGNALS = "horizon.signals.v1";
    /** AIV/CAVV phase of state failure per country, tier and day on which it changed (compacted; keyed country:tier:day). */
    public static final String PHASES = "horizon.phases.v1";
    /** Saved queries (compacted). */
    public static final String SUBSCRIPTIONS = "horizon.subscriptions.v1";
    /** Saved-query matches. */
    public static final String MATCHES = "horizon.matches.v1";
    /** Analysts' triage decisions on signals, appended, never edited. */
    public static final String TRIAGE = "horizon.triage.v1";
    /**
     * Who saw or changed what, one event per request to a protected or unknown path, each marked with its
     * classification. v1 events named people by a name they chose and were unmarked: see docs/topics.md.
     */
    public static final String AUDIT = "horizon.audit.v2";
    /** Rejected input with the reason. */
    public static final String DLQ = "horizon.dlq.v1";

    private static final String KEEP_FOREVER = "-1";
    private static final String NINETY_DAYS = String.valueOf(90L * 24 * 3600 * 1000);

    private Topics() {
    }

    /** The raw topic of a source kind: {@code horizon.raw.<source-kind>.v1}. */
    public static String raw(SourceKind kind) {
        return "horizon.raw." + kind.label() + ".v1";
    }

    /** Every raw topic, in {@link SourceKind} order. */
    public static List<String> rawTopics() {
        return java.util.Arrays.stream(SourceKind.values()).map(Topics::raw).toList();
    }

    /**
     * Every topic Horizon writes. Raw input and reports are kept forever: they are the history that
     * replays and back-tests run on. So are triage decisions and
     * the audit trail, which are records of what people did. The dead-letter topic is kept 90 days.
     */
    public static List<TopicSpec> catalogue() {
        List<TopicSpec> all = new ArrayList<>();
        for (SourceKind kind : SourceKind.values()) {
            all.add(new TopicSpec(raw(kind), RawItem.class, retained(KEEP_FOREVER), "raw-item.schema.json"));
        }
        all.add(new TopicSpec(REPORTS, Report.class, retained(KEEP_FOREVER), "report.schema.json"));
        all.add(new TopicSpec(REVIEW, Report.class, retained(NINETY_DAYS), "report.schema.json"));
        all.add(new TopicSpec(OBSERVATIONS, Observation.class, retained(KEEP_FOREVER), "observation.schema.json"));
        all.add(new TopicSpec(COUNTRY_RISK, CountryRisk.class, Map.of("cleanup.policy", "compact"),
                "country-risk.schema.json"));
        all.add(new TopicSpec(FORECASTS, Forecast.class, Map.of("cleanup.policy", "compact"), "forecast.schema.json"));
        all.add(new TopicSpec(STRUCTURAL, StructuralValue.class, Map.of("cleanup.policy", "compact"),
                "structural-value.schema.json"));
        all.add(new TopicSpec(COUPS, CoupAttempt.class, Map.of("cleanup.policy", "compact"),
                "coup-attempt.schema.json"));
        all.add(new TopicSpec(SIGNALS, Signal.class, retained(KEEP_FOREVER), "signal.schema.json"));
        all.add(new TopicSpec(PHASES, CountryPhase.class, Map.of("cleanup.policy", "compact"), "country-phase.schema.json"));
        all.add(new TopicSpec(SUBSCRIPTIONS, Subscription.class, Map.of("cleanup.policy", "compact"),
                "subscription.schema.json"));
        all.add(new TopicSpec(MATCHES, Match.class, retained(NINETY_DAYS), "match.schema.json"));
        all.add(new TopicSpec(TRIAGE, TriageDecision.class, retained(KEEP_FOREVER), "triage-decision.schema.json"));
        all.add(new TopicSpec(AUDIT, AuditEvent.class, retained(KEEP_FOREVER), "audit-event.schema.json"));
        all.add(new TopicSpec(DLQ, DeadLetter.class, retained(NINETY_DAYS), "dead-letter.schema.json"));
        return List.copyOf(all);
    }

    private static Map<String, String> retained(String ms) {
        return Map.of("cleanup.policy", "delete", "retention.ms", ms);
    }
}
