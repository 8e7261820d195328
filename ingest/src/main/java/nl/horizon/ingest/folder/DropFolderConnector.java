package nl.horizon.ingest.folder;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;

/**
 * Kafka Connect source connector for a drop folder: the post network's situation reports, or event
 * tables delivered as files (ACLED, UCDP, GDELT). Every item goes onto its raw topic once, or onto the
 * dead-letter topic with the reason. One task: a folder has one reader, so a file is never read twice
 * at the same time.
 */
public final class DropFolderConnector extends SourceConnector {

    private Map<String, String> props;

    @Override
    public void start(Map<String, String> props) {
        new DropFolderConfig(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public Class<? extends Task> taskClass() {
        return DropFolderTask.class;
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
        return DropFolderConfig.DEFINITION;
    }

    @Override
    public String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
