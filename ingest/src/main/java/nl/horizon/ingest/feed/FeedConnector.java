package nl.horizon.ingest.feed;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;

/**
 * Kafka Connect source connector for one polled feed (RSS/Atom, ReliefWeb API, CrisisWatch JSON). One
 * connector per feed, one task each: a feed has one reader, and each feed has its own schedule, state
 * and health.
 */
public final class FeedConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new FeedConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return FeedTask.class;
    }

    @Override
    public List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public void stop() {
        // the task holds the resources
    }

    @Override
    public ConfigDef config() {
        return FeedConfig.DEFINITION;
    }

    @Override
    public String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
