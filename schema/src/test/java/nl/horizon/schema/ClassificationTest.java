package nl.horizon.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.horizon.schema.Classification.CONFIDENTIAL;
import static nl.horizon.schema.Classification.DEPARTMENTAL_CONFIDENTIAL;
import static nl.horizon.schema.Classification.PUBLIC;
import static nl.horizon.schema.Classification.SECRET;
import static nl.horizon.schema.Classification.TOP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClassificationTest {

    @Test
    void aDocumentIsVisibleOnlyUpToTheClearance() {
        assertThat(PUBLIC.visibleTo(PUBLIC)).isTrue();
        assertThat(DEPARTMENTAL_CONFIDENTIAL.visibleTo(PUBLIC)).isFalse();
        assertThat(DEPARTMENTAL_CONFIDENTIAL.visibleTo(SECRET)).isTrue();
        assertThat(SECRET.visibleTo(DEPARTMENTAL_CONFIDENTIAL)).isFalse();
    }

    @Test
    void derivedDataTakesTheHighestClassificationOfItsInputs() {
        assertThat(Classification.highest(List.of(PUBLIC, SECRET, DEPARTMENTAL_CONFIDENTIAL))).isEqualTo(SECRET);
        assertThat(Classification.highest(List.of())).isEqualTo(PUBLIC);
    }

    @Test
    void theLadderHasFiveLevelsAndStableWireNames() {
        assertThat(Classification.values()).extracting(Classification::label).containsExactly("public",
                "departmental-confidential", "confidential", "secret", "top-secret");
        assertThat(DEPARTMENTAL_CONFIDENTIAL.visibleTo(CONFIDENTIAL)).isTrue();
        assertThat(CONFIDENTIAL.visibleTo(DEPARTMENTAL_CONFIDENTIAL)).as("Stg. C is above Dep.V.").isFalse();
        assertThat(SECRET.visibleTo(CONFIDENTIAL)).isFalse();
        assertThat(TOP_SECRET.visibleTo(SECRET)).isFalse();
    }

    @Test
    void parsesOnlyWireNames() {
        assertThat(Classification.parse("departmental-confidential")).isEqualTo(DEPARTMENTAL_CONFIDENTIAL);
        assertThat(Classification.parse("confidential")).as("no longer read as Dep.V.").isEqualTo(CONFIDENTIAL);
        assertThat(Classification.parse("TOP_SECRET")).isEqualTo(TOP_SECRET);
        assertThatThrownBy(() -> Classification.parse("geheim")).as("markings are read by Markings")
                .hasMessageContaining("'geheim'").hasMessageContaining("top-secret");
    }

    @Test
    void countryCodesComeFromTheJdkPlusKosovo() {
        assertThat(Countries.isAlpha3("MLI")).isTrue();
        assertThat(Countries.isAlpha3("XKX")).isTrue();
        assertThat(Countries.isAlpha3("XXX")).isFalse();
        assertThat(Countries.englishName("SSD")).isEqualTo("South Sudan");
    }
}
