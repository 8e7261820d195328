package nl.horizon.app;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import nl.horizon.app.web.WebMetrics;
import nl.horizon.formats.DeadLetters;
import nl.horizon.ingest.folder.FolderContent;
import nl.horizon.schema.Classification;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.SourceKind;
import nl.horizon.streams.ForecastTopology;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static java.util.Map.entry;

/**
 * Every metric of Horizon's own, with what it counts: the one list that gives each its Prometheus
 * {@code # HELP}, whichever module registers it (connectors, scoring, indexer, HTTP all register on the
 * global registry, often with a bare {@code Metrics.counter}). It also holds two rules for all of them:
 * a timing is a histogram with buckets, never percentiles computed in one process, since percentiles of
 * several Horizons cannot be combined and buckets can; and a counter whose series can be known at start
 * exists from the start at 0, so that a rate or an alert over it is defined before its first event (a
 * series that appears only with its first increment hides that first increase from {@code rate()}).
 */
final class MetricCatalogue {

    /** Meter name to its description. */
    static final Map<String, String> DESCRIPTIONS = Map.ofEntries(
            entry(DeadLetters.METRIC, "input rejected to a dead-letter topic, by stage and reason"),
            entry("horizon.source.items", "items read from a source, by source"),
            entry("horizon.source.up", "1 when the source's last fetch succeeded"),
            entry("horizon.source.fetch.failures", "fetches of a polled source that failed, by source"),
            entry("horizon.ingest.pushed", "reports pushed over HTTP, by stage and status answered"),
            entry("horizon.index.documents", "documents written to the search index"),
            entry("horizon.index.refresh", "making a batch of documents searchable"),
            entry("horizon.index.write.failures", "index writes that failed and are retried"),
            entry("horizon.index.unreadable", "records the indexer could not read and skipped, by topic"),
            entry("horizon.latency.searchable", "from reading an item to its report being searchable"),
            entry("horizon.latency.signal",
                    "from reading the earliest report waiting to be scored to the signals its re-score raised"),
            entry("horizon.scoring.publications",
                    "risk points and signals published, by record, change (new, revised, withdrawn) and tier"),
            entry("horizon.scoring.caveated.reports",
                    "reports with dissemination caveats, indexed for their holders and never scored"),
            entry("horizon.scoring.waiting",
                    "scoring tasks holding input not yet scored (0: every result follows from what was read)"),
            entry("horizon.scoring.duplicates", "reports seen again with the same content and left out of scoring"),
            entry("horizon.streams.thread.failures", "Kafka Streams threads that died and were replaced"),
            entry("horizon.matches", "saved-query matches delivered"),
            entry("horizon.matches.failed", "saved-query matches that could not be delivered"),
            entry("horizon.audit.failed", "audit events that could not be written; each is logged"),
            entry(WebMetrics.REQUESTS, WebMetrics.REQUESTS_HELP),
            entry(WebMetrics.LOGINS, WebMetrics.LOGINS_HELP),
            entry("horizon.http.live.clients", "dashboard pages listening to live updates"),
            entry("horizon.http.live.dropped", "live updates dropped for a page that fell behind"));

    /** Counters without tags: each exists from the start. */
    private static final List<String> PLAIN_COUNTERS = List.of("horizon.index.documents",
            "horizon.index.write.failures", "horizon.scoring.duplicates", "horizon.matches", "horizon.matches.failed",
            "horizon.audit.failed", "horizon.http.live.dropped");

    private MetricCatalogue() {
    }

    /** Gives each Horizon meter its description and makes each Horizon timing a histogram. */
    static MeterFilter filter() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                String description = DESCRIPTIONS.get(id.getName());
                if (description == null || id.getDescription() != null) {
                    return id;
                }
                return new Meter.Id(id.getName(), Tags.of(id.getTagsAsIterable()), id.getBaseUnit(), description,
                        id.getType());
            }

            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!DESCRIPTIONS.containsKey(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder().percentilesHistogram(true).percentiles(new double[0])
                        .build().merge(config);
            }
        };
    }

    /**
     * Registers at 0 every counter whose series are known before anything happens: the plain ones, every
     * rejection stage with every reason, and every publication of every record, change and tier. A
     * source's series are registered when it starts ({@link #registerSource}).
     */
    static void registerKnown(MeterRegistry registry) {
        PLAIN_COUNTERS.forEach(name -> counter(name).register(registry));
        for (String stage : rejectionStages()) {
            for (RejectReason reason : RejectReason.values()) {
                counter(DeadLetters.METRIC).tag("stage", stage).tag("reason", reason.label())
                        .register(registry);
            }
        }
        for (String record : List.of("risk", "signal")) {
            for (String change : List.of("new", "revised", "withdrawn")) {
                for (Classification tier : Classification.values()) {
                    counter("horizon.scoring.publications").tag("record", record).tag("change", change)
                            .tag("tier", tier.label()).register(registry);
                }
            }
        }
    }

    /** Registers at 0 the counters of a source that starts: items read and, for a polled one, failed fetches. */
    static void registerSource(MeterRegistry registry, String source, boolean polled) {
        counter("horizon.source.items").tag("source", source).register(registry);
        if (polled) {
            counter("horizon.source.fetch.failures").tag("source", source).register(registry);
        }
    }

    /**
     * Where input is rejected: pushes of posts and partners, the drop folders, the feed connectors, the
     * normaliser and the forecast's table topics; as {@code PushIngest}, {@code DropFolderTask},
     * {@code FeedTask}, {@code Normaliser} and {@code ForecastTopology} name their stages.
     */
    static List<String> rejectionStages() {
        List<String> stages = new ArrayList<>();
        stages.add("push:" + SourceKind.POST.label());
        stages.add("push:" + SourceKind.PARTNER.label());
        for (FolderContent content : FolderContent.values()) {
            stages.add("connector:drop-folder:" + content.label());
        }
        stages.add("connector:feed");
        stages.add("normalise");
        stages.add(ForecastTopology.REJECTION_STAGE);
        return stages;
    }

    private static Counter.Builder counter(String name) {
        return Counter.builder(name).description(DESCRIPTIONS.get(name));
    }
}
