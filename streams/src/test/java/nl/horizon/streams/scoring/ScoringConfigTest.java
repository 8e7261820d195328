package nl.horizon.streams.scoring;

import nl.horizon.streams.RepoConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The scoring configuration is checked at start, and errors name the file, the entry and the key. */
class ScoringConfigTest {

    @TempDir
    Path dir;

    @Test
    void theShippedConfigurationLoads() {
        assertThat(RepoConfig.model().taxonomy().indicators()).hasSizeGreaterThan(15);
        assertThat(RepoConfig.model().settings().levels().alert()).isEqualTo(70);
    }

    @Test
    void aBadIndicatorIsNamed() throws Exception {
        Path file = dir.resolve("taxonomy.yaml");
        Files.writeString(file, "indicators:\n  - {id: security.armed-clash, weight: 1.5, floor: 1}\n");
        assertThatThrownBy(() -> Taxonomy.load(file)).hasMessageContaining("indicator 'security.armed-clash'")
                .hasMessageContaining("weight 1.5");
        Files.writeString(file, "indicators:\n  - {id: x.y, weight: 0.5, floor: 1, terms: {de: [krieg]}}\n");
        assertThatThrownBy(() -> Taxonomy.load(file)).hasMessageContaining("language 'de'");
        Files.writeString(file, "indicators:\n  - {id: x.y, weight: 0.5, floor: 1, direction: calming}\n");
        assertThatThrownBy(() -> Taxonomy.load(file)).hasMessageContaining("indicator 'x.y'")
                .hasMessageContaining("direction 'calming' is not one of [escalation, de-escalation]");
    }

    @Test
    void aBadOrUnknownSettingIsNamed() throws Exception {
        String shipped = Files.readString(RepoConfig.dir().resolve("scoring.yaml"));
        Path file = dir.resolve("scoring.yaml");
        Files.writeString(file, shipped.replace("warning: 50", "warning: 20"));
        assertThatThrownBy(() -> ScoringSettings.load(file)).hasMessageContaining("levels");
        Files.writeString(file, shipped + "\nthreshold.magic: 3\n");
        assertThatThrownBy(() -> ScoringSettings.load(file)).hasMessageContaining("threshold.magic");
        Files.writeString(file, shipped.replace("dispersion: 1.5", "dispersion: -1"));
        assertThatThrownBy(() -> ScoringSettings.load(file)).hasMessageContaining("dispersion = -1.0");
    }
}
