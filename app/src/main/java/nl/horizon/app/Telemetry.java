package nl.horizon.app;

import io.micrometer.core.instrument.Metrics;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.streams.KafkaStreams;

/**
 * The metrics registry behind {@code GET /metrics}: Prometheus format, fed by every Micrometer meter in
 * the process (connectors, scoring, indexer, HTTP; they register on the global registry), the JVM, and
 * the Kafka clients and Streams. One per running Horizon; closed with it.
 */
final class Telemetry implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final java.util.List<AutoCloseable> binders = new java.util.ArrayList<>();

    Telemetry() {
        registry.config().meterFilter(MetricCatalogue.filter());
        Metrics.addRegistry(registry);
        MetricCatalogue.registerKnown(Metrics.globalRegistry);
        new JvmMemoryMetrics().bindTo(registry);
        JvmGcMetrics gc = new JvmGcMetrics();
        gc.bindTo(registry);
        binders.add(gc);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
    }

    void watch(KafkaStreams streams) {
        KafkaStreamsMetrics metrics = new KafkaStreamsMetrics(streams);
        metrics.bindTo(registry);
        binders.add(metrics);
    }

    void watch(Producer<?, ?> producer) {
        KafkaClientMetrics metrics = new KafkaClientMetrics(producer);
        metrics.bindTo(registry);
        binders.add(metrics);
    }

    /** The metrics in the Prometheus text format. */
    String scrape() {
        return registry.scrape();
    }

    @Override
    public void close() throws Exception {
        for (AutoCloseable binder : binders) {
            binder.close();
        }
        Metrics.removeRegistry(registry);
        registry.close();
    }
}
