package nl.horizon.ingest;

import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.connect.connector.Task;
import org.apache.kafka.connect.source.SourceConnector;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A source connector whose whole source has one reader: it checks its configuration on start (its own
 * keys and the {@link RecordEncoding converters}) and hands it to a single task. A folder or a feed read
 * by two tasks at once would be read twice.
 */
public abstract class SingleTaskConnector extends SourceConnector {

    private final ConfigDef definition;
    private final Consumer<Map<String, String>> check;
    private final Class<? extends Task> taskClass;
    private Map<String, String> props;

    /**
     * @param definition the connector's keys
     * @param check      parses the configuration, throwing a {@code ConfigException} naming a bad key
     * @param taskClass  the task
     */
    protected SingleTaskConnector(ConfigDef definition, Consumer<Map<String, String>> check,
                                  Class<? extends Task> taskClass) {
        this.definition = definition;
        this.check = check;
        this.taskClass = taskClass;
    }

    @Override
    public final void start(Map<String, String> props) {
        RecordEncoding.check(props);
        check.accept(props);
        this.props = Map.copyOf(props);
    }

    @Override
    public final Class<? extends Task> taskClass() {
        return taskClass;
    }

    @Override
    public final List<Map<String, String>> taskConfigs(int maxTasks) {
        return List.of(props);
    }

    @Override
    public final void stop() {
        // the task holds the resources
    }

    @Override
    public final ConfigDef config() {
        return definition;
    }

    @Override
    public final String version() {
        String version = getClass().getPackage().getImplementationVersion();
        return version == null ? "dev" : version;
    }
}
