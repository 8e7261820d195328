package nl.horizon.ingest.post;

import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;

import java.nio.file.Path;
import java.util.Map;

/** Configuration of the post drop-folder connector: every key declared once, with type, default and doc. */
public final class PostDropFolderConfig extends AbstractConfig {

    public static final String DIR = "posts.dir";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String MAX_ITEM_BYTES = "max.item.bytes";

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(DIR, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "Folder that posts drop situation reports into (.json or .txt). "
                            + "Files are moved to processed/ once safely in Kafka, or to rejected/ once their dead "
                            + "letter is.")
            .define(POLL_INTERVAL_MS, ConfigDef.Type.LONG, 1000L, ConfigDef.Range.atLeast(50),
                    ConfigDef.Importance.MEDIUM, "How often to look for new files when the folder is empty.")
            .define(MAX_ITEM_BYTES, ConfigDef.Type.INT, 1 << 20, ConfigDef.Range.between(1024, 64 << 20),
                    ConfigDef.Importance.MEDIUM, "Largest file accepted; larger ones are rejected as oversized.");

    public PostDropFolderConfig(Map<String, String> props) {
        super(DEFINITION, props);
    }

    public Path dir() {
        return Path.of(getString(DIR));
    }

    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_MS);
    }

    public int maxItemBytes() {
        return getInt(MAX_ITEM_BYTES);
    }
}
