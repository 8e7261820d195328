package nl.horizon.schema;

import java.util.Map;

/**
 * A topic in the catalogue: its name, value type, and the topic configs it is created with.
 *
 * @param name      versioned topic name
 * @param valueType the record type of its values
 * @param configs   topic-level configs (cleanup policy, retention)
 * @param schema    classpath resource of the value's JSON Schema
 */
public record TopicSpec(String name, Class<?> valueType, Map<String, String> configs, String schema) {

    /** A serde for this topic's values. */
    public JsonSerde<?> serde() {
        return JsonSerde.of(valueType);
    }
}
