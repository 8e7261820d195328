package nl.horizon.ingest.post;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;

/**
 * Kafka Connect source connector for the post network's drop folder: every situation report a post
 * leaves there goes onto {@code horizon.raw.post.v1} once, or onto the dead-letter topic with the
 * reason. One task: a folder has one reader, so files are never read twice concurrently.
 */
public final class PostDropFolderConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new PostDropFolderConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return PostDropFolderTask.class;
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
        return PostDropFolderConfig.DEFINITION;
    }

    @Override
    public String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
