package nl.horizon.app;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How {@code horizon bench} reads its arguments: the scaling series sets threads, partitions and instances. */
class LoadRunOptionsTest {

    @Test
    void withoutArgumentsTwentyThousandReportsAsFastAsPossibleOnTheDefaults() {
        assertThat(LoadRun.Options.parse(List.of())).isEqualTo(new LoadRun.Options(20_000, 20_000, 0, 1, 3, 1));
    }

    @Test
    void reportsRateAndTheScalingOptionsInAnyOrder() {
        assertThat(LoadRun.Options.parse(List.of("--threads", "4", "100000", "--partitions", "4", "1000",
                "--instances", "2"))).isEqualTo(new LoadRun.Options(100_000, 20_000, 1000, 4, 4, 2));
        assertThat(LoadRun.Options.parse(List.of("5000"))).isEqualTo(new LoadRun.Options(5_000, 5_000, 0, 1, 3, 1));
        assertThat(LoadRun.Options.parse(List.of("30000", "1000", "--warm-up", "200000")))
                .isEqualTo(new LoadRun.Options(30_000, 200_000, 1000, 1, 3, 1));
    }

    @Test
    void aBadArgumentIsRefusedWithItsName() {
        assertThatThrownBy(() -> LoadRun.Options.parse(List.of("--threads"))).hasMessageContaining("--threads");
        assertThatThrownBy(() -> LoadRun.Options.parse(List.of("--cores", "2"))).hasMessageContaining("--cores");
        assertThatThrownBy(() -> LoadRun.Options.parse(List.of("--threads", "0"))).hasMessageContaining("at least 1");
        assertThatThrownBy(() -> LoadRun.Options.parse(List.of("many"))).hasMessageContaining("REPORTS");
    }
}
