package nl.horizon.ingest;

import nl.horizon.ingest.feed.FeedConfig;
import nl.horizon.ingest.feed.FeedConnector;
import nl.horizon.ingest.folder.DropFolderConfig;
import nl.horizon.ingest.folder.DropFolderConnector;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A connector deployed with converters that would mangle its records refuses to start, naming the key. */
class RecordEncodingTest {

    @TempDir
    Path dir;

    @Test
    void aConnectorWithoutItsConvertersDoesNotStart() {
        Map<String, String> folder = Map.of(DropFolderConfig.DIR, dir.toString());
        assertThatThrownBy(() -> new DropFolderConnector().start(folder))
                .isInstanceOf(ConfigException.class).hasMessageContaining("key.converter");

        Map<String, String> jsonValues = new HashMap<>(folder);
        jsonValues.putAll(RecordEncoding.CONVERTERS);
        jsonValues.put(RecordEncoding.VALUE_CONVERTER, "org.apache.kafka.connect.json.JsonConverter");
        assertThatThrownBy(() -> new DropFolderConnector().start(jsonValues))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("org.apache.kafka.connect.json.JsonConverter for configuration value.converter")
                .hasMessageContaining("value.converter=org.apache.kafka.connect.converters.ByteArrayConverter");
    }

    @Test
    void withTheConvertersItStartsItsOneTask() {
        Map<String, String> feed = new HashMap<>(RecordEncoding.CONVERTERS);
        feed.put(FeedConfig.NAME, "reliefweb");
        feed.put(FeedConfig.URL, "http://127.0.0.1:9/feed.xml");
        FeedConnector connector = new FeedConnector();
        connector.start(feed);
        assertThat(connector.taskConfigs(4)).containsExactly(feed);
    }
}
