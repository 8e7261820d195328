package nl.horizon.app;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.Timer;
import nl.horizon.schema.Classification;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Horizon's own metrics as an operator's Prometheus reads them: each described and typed, the counters
 * whose series are known at start there at 0, timings as histograms that add up across instances. The
 * scrape of a whole pipeline is checked the same way by {@code EndToEndTest}.
 */
class MetricCatalogueTest {

    @Test
    void everyHorizonMetricIsDescribedAndTheKnownCountersStartAtZero() throws Exception {
        try (Telemetry telemetry = new Telemetry()) {
            // registered bare, as the modules do: the catalogue gives them their description
            Metrics.counter("horizon.index.unreadable", "topic", "horizon.reports.v1").increment();
            Timer.builder("horizon.latency.searchable").publishPercentiles(0.5, 0.99).register(Metrics.globalRegistry)
                    .record(Duration.ofMillis(40));
            MetricCatalogue.registerSource(Metrics.globalRegistry, "crisiswatch", true);
            String scrape = telemetry.scrape();

            assertThat(ScrapeCheck.problems(scrape)).isEmpty();
            assertThat(scrape).contains(
                    "# HELP horizon_index_unreadable_total records the indexer could not read and skipped, by topic",
                    "horizon_rejected_total{reason=\"hostile-xml\",stage=\"push:post\"} 0.0",
                    "horizon_rejected_total{reason=\"malformed\",stage=\"normalise\"} 0.0",
                    "horizon_scoring_publications_total{change=\"withdrawn\",record=\"signal\",tier=\""
                            + Classification.SECRET.label() + "\"} 0.0",
                    "horizon_source_fetch_failures_total{source=\"crisiswatch\"} 0.0",
                    "horizon_audit_failed_total 0.0",
                    "# TYPE horizon_latency_searchable_seconds histogram",
                    "horizon_latency_searchable_seconds_bucket{le=\"+Inf\"} 1")
                    .as("percentiles of one process cannot be added up across Horizons")
                    .doesNotContain("horizon_latency_searchable_seconds{quantile");
        }
    }

    @Test
    void theCheckFindsWhatPromtoolWould() {
        assertThat(ScrapeCheck.problems("""
                # TYPE horizon_x_total counter
                horizon_x_total 1.0
                # HELP horizon_y_seconds a timing
                # TYPE horizon_y_seconds histogram
                horizon_y_seconds_bucket{route="/api/signals/([^/]{1,200})",le="+Inf"} 1
                """)).containsExactly(
                "horizon_y_seconds_bucket{route=\"/api/signals/([^/]{1,200})\",le=\"+Inf\"} 1: label route looks like a regex",
                "horizon_x: no # HELP");
    }
}
