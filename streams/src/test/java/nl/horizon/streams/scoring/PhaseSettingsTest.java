package nl.horizon.streams.scoring;

import nl.horizon.streams.RepoConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code config/phases.yaml} loads, and a bad value, an unknown key or an unknown indicator stops the start, named. */
class PhaseSettingsTest {

    @TempDir
    Path dir;

    @Test
    void theShippedSettingsLoadAndNameOnlyKnownIndicators() {
        PhaseSettings settings = PhaseSettings.load(RepoConfig.dir().resolve("phases.yaml"));
        assertThat(settings.check(RepoConfig.model().taxonomy())).isSameAs(settings);
        assertThat(settings.warDeaths()).isEqualTo(1000);
    }

    @Test
    void aBadSettingOrAnUnknownIndicatorIsNamed() throws Exception {
        String shipped = Files.readString(RepoConfig.dir().resolve("phases.yaml"));
        Path file = dir.resolve("phases.yaml");
        Files.writeString(file, shipped.replace("recovery.fall: 0.5", "recovery.fall: 1.5"));
        assertThatThrownBy(() -> PhaseSettings.load(file)).hasMessageContaining("recovery.fall = 1.5");
        Files.writeString(file, shipped + "\nfailure.magic: 3\n");
        assertThatThrownBy(() -> PhaseSettings.load(file)).hasMessageContaining("failure.magic");
        Files.writeString(file, shipped.replace("  - political.state-authority-loss", "  - political.rebellion"));
        PhaseSettings unknown = PhaseSettings.load(file);
        assertThatThrownBy(() -> unknown.check(RepoConfig.model().taxonomy())).hasMessageContaining("political.rebellion");
    }
}
