package nl.horizon.ingest.folder;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Markings;
import org.apache.kafka.common.config.AbstractConfig;
import org.apache.kafka.common.config.ConfigDef;
import org.apache.kafka.common.config.ConfigException;

import java.nio.file.Path;
import java.util.Map;

/** Configuration of a drop-folder connector: every key declared once, with type, default, validator and doc. */
public final class DropFolderConfig extends AbstractConfig {

    public static final String DIR = "folder.dir";
    public static final String CONTENT = "folder.content";
    public static final String SOURCE_NAME = "source.name";
    public static final String CLASSIFICATION = "source.classification";
    public static final String POLL_INTERVAL_MS = "poll.interval.ms";
    public static final String MAX_FILE_BYTES = "max.file.bytes";
    public static final String MARKINGS_FILE = "markings.file";

    private static final ConfigDef.Validator CONTENT_VALIDATOR = (name, value) -> {
        try {
            FolderContent.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    };
    private static final ConfigDef.Validator CLASSIFICATION_VALIDATOR = (name, value) -> {
        try {
            Classification.parse((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    };

    private static final ConfigDef.Validator MARKINGS_VALIDATOR = (name, value) -> {
        try {
            markings((String) value);
        } catch (IllegalArgumentException e) {
            throw new ConfigException(name, value, e.getMessage());
        }
    };

    public static final ConfigDef DEFINITION = new ConfigDef()
            .define(DIR, ConfigDef.Type.STRING, ConfigDef.NO_DEFAULT_VALUE, new ConfigDef.NonEmptyString(),
                    ConfigDef.Importance.HIGH, "Folder to pick files up from. A file moves to processed/ once all its "
                            + "items are safely in Kafka, or to rejected/ once its dead letter is. Files whose name "
                            + "starts with '.' are still being written and are left alone.")
            .define(CONTENT, ConfigDef.Type.STRING, FolderContent.POSTS.label(), CONTENT_VALIDATOR,
                    ConfigDef.Importance.HIGH, "What the folder holds: 'posts' (one situation report per file), "
                            + "'event-tables' (ACLED/UCDP CSV or GDELT 1.0 TSV, one event per row), 'structural-tables' "
                            + "(World Bank or Our World in Data CSV, one value per country-year) or 'coups' (Powell & "
                            + "Thyne CSV, one attempt per row).")
            .define(SOURCE_NAME, ConfigDef.Type.STRING, "", ConfigDef.Importance.MEDIUM,
                    "Source name of event-table items; empty: the table's kind (acled, ucdp, gdelt). Posts name their post.")
            .define(CLASSIFICATION, ConfigDef.Type.STRING, Classification.PUBLIC.label(), CLASSIFICATION_VALIDATOR,
                    ConfigDef.Importance.MEDIUM, "Classification of event-table items. Posts state their own.")
            .define(POLL_INTERVAL_MS, ConfigDef.Type.LONG, 1000L, ConfigDef.Range.atLeast(50),
                    ConfigDef.Importance.MEDIUM, "How often to look for new files when the folder is empty.")
            .define(MAX_FILE_BYTES, ConfigDef.Type.INT, 1 << 20, ConfigDef.Range.between(1024, 1 << 30),
                    ConfigDef.Importance.MEDIUM, "Largest file accepted; larger ones are rejected as oversized.")
            .define(MARKINGS_FILE, ConfigDef.Type.STRING, "", MARKINGS_VALIDATOR, ConfigDef.Importance.MEDIUM,
                    "The marking vocabulary posts' classifications are read with (config/classification.yaml); "
                            + "empty: the one Horizon ships. Use the file the normaliser uses.");

    public DropFolderConfig(Map<String, String> props) {
        super(DEFINITION, props);
    }

    public Path dir() {
        return Path.of(getString(DIR));
    }

    public FolderContent content() {
        return FolderContent.parse(getString(CONTENT));
    }

    public String sourceName() {
        return getString(SOURCE_NAME).trim();
    }

    public Classification classification() {
        return Classification.parse(getString(CLASSIFICATION));
    }

    public Markings markings() {
        return markings(getString(MARKINGS_FILE));
    }

    private static Markings markings(String file) {
        return file == null || file.isBlank() ? Markings.standard() : Markings.load(Path.of(file));
    }

    public long pollIntervalMs() {
        return getLong(POLL_INTERVAL_MS);
    }

    public int maxFileBytes() {
        return getInt(MAX_FILE_BYTES);
    }
}
