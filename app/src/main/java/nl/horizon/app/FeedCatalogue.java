package nl.horizon.app;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import nl.horizon.ingest.feed.FeedConfig;
import org.apache.kafka.common.config.ConfigException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The feeds to poll, from {@code config/feeds.yaml}: a list under {@code feeds}, each entry holding the
 * keys of {@link FeedConfig}. Every entry is checked at start, so a bad feed stops the start with the
 * feed and key named instead of failing later inside the Connect worker.
 */
final class FeedCatalogue {

    private FeedCatalogue() {
    }

    /** The connector configs of the feeds, checked; none when the file is missing. */
    static List<Map<String, String>> load(Path file) {
        if (!Files.exists(file)) {
            return List.of();
        }
        Map<String, List<Map<String, Object>>> parsed;
        try {
            parsed = new ObjectMapper(new YAMLFactory()).readValue(file.toFile(), new TypeReference<>() { });
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + ": " + e.getMessage());
        }
        if (parsed != null && !parsed.keySet().stream().allMatch("feeds"::equals)) {
            throw new ConfigException(file + ": the only top-level key is 'feeds', found " + parsed.keySet());
        }
        List<Map<String, Object>> feeds = parsed == null || parsed.get("feeds") == null ? List.of() : parsed.get("feeds");
        List<Map<String, String>> configs = new ArrayList<>();
        for (int i = 0; i < feeds.size(); i++) {
            Map<String, String> config = new LinkedHashMap<>();
            feeds.get(i).forEach((k, v) -> config.put(k, String.valueOf(v)));
            for (String key : config.keySet()) {
                if (!FeedConfig.DEFINITION.names().contains(key)) {
                    throw new ConfigException(file + ", feed " + (i + 1) + ": unknown key '" + key + "'; known: "
                            + new java.util.TreeSet<>(FeedConfig.DEFINITION.names()));
                }
            }
            try {
                new FeedConfig(config);
            } catch (ConfigException e) {
                throw new ConfigException(file + ", feed " + (i + 1) + ": " + e.getMessage());
            }
            configs.add(config);
        }
        return configs;
    }
}
