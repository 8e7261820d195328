package nl.horizon.streams.forecast;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The shipped border table is the back-test's borders: the same neighbours and sovereign states. */
class LandBordersTest {

    @Test
    void theShippedTableHoldsWhatTheBacktestReadsFromMledoze() throws Exception {
        Path root = Path.of(System.getProperty("horizon.root", ".."));
        Path json = root.resolve("../shared/data/structural/countries__mledoze.json").normalize();
        Assumptions.assumeTrue(Files.exists(json), "shared structural data not present: " + json);

        LandBorders shipped = LandBorders.readTable(root.resolve("config/land-borders.csv"));

        assertThat(shipped).isEqualTo(LandBorders.read(json));
        assertThat(shipped.of("MLI")).containsExactlyInAnyOrder("BFA", "CIV", "DZA", "GIN", "MRT", "NER", "SEN");
        assertThat(shipped.of("IND")).as("made symmetric: only Sri Lanka lists the other").contains("LKA");
        assertThat(shipped.independent()).contains("SSD").doesNotContain("ABW");
    }
}
