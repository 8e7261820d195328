package nl.horizon.ingest;

import org.apache.kafka.common.config.ConfigException;
import org.apache.kafka.connect.storage.StringConverter;

import java.util.Map;

/**
 * How Horizon's source records must be written to Kafka. Every record a Horizon connector emits has the
 * item id as a string key ({@code Schema.STRING_SCHEMA}) and, as its value, the topic's JSON document
 * already serialised by {@code schema}'s serdes ({@code Schema.BYTES_SCHEMA}): the topic contracts are
 * those JSON documents, not Connect's data model. Only two stock converters pass them through
 * unchanged: {@link StringConverter} for keys and {@code ByteArrayConverter} for values. A worker's usual
 * default, {@code JsonConverter}, would write the value as a base64 string inside a schema envelope, and
 * every record would end on the dead-letter topic downstream.
 *
 * <p>A connector cannot see its worker's default converters, so Horizon's connectors require both in
 * their own configuration and refuse to start otherwise, naming the key: a wrong deployment fails at
 * once instead of dead-lettering everything it reads.
 */
public final class RecordEncoding {

    public static final String KEY_CONVERTER = "key.converter";
    public static final String VALUE_CONVERTER = "value.converter";

    /** The converter settings every Horizon connector's configuration must carry. */
    public static final Map<String, String> CONVERTERS = Map.of(
            KEY_CONVERTER, StringConverter.class.getName(),
            VALUE_CONVERTER, "org.apache.kafka.connect.converters.ByteArrayConverter");

    private RecordEncoding() {
    }

    /** Throws a {@link ConfigException} naming the converter key that is missing or names another class. */
    public static void check(Map<String, String> connectorConfig) {
        CONVERTERS.forEach((key, expected) -> {
            String given = connectorConfig.get(key);
            if (!expected.equals(given == null ? null : given.strip())) {
                throw new ConfigException(key, given, "a Horizon connector writes a string key and a JSON document "
                        + "already serialised as bytes; set " + KEY_CONVERTER + "=" + CONVERTERS.get(KEY_CONVERTER)
                        + " and " + VALUE_CONVERTER + "=" + CONVERTERS.get(VALUE_CONVERTER)
                        + " in the connector's own configuration (a connector cannot see the worker's defaults)");
            }
        });
    }
}
