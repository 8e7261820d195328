package nl.horizon.schema;

import org.junit.jupiter.api.Test;

import java.util.List;

import static nl.horizon.schema.Classification.DEPARTMENTAL_CONFIDENTIAL;
import static nl.horizon.schema.Classification.PUBLIC;
import static nl.horizon.schema.Classification.SECRET;
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
    void parsesWireNamesAndTheDutchLabelsPostsWrite() {
        assertThat(Classification.parse("departmental-confidential")).isEqualTo(DEPARTMENTAL_CONFIDENTIAL);
        assertThat(Classification.parse("Departementaal Vertrouwelijk")).isEqualTo(DEPARTMENTAL_CONFIDENTIAL);
        assertThat(Classification.parse("GEHEIM")).isEqualTo(SECRET);
        assertThatThrownBy(() -> Classification.parse("top secret"))
                .hasMessageContaining("'top secret'").hasMessageContaining("public");
    }

    @Test
    void countryCodesComeFromTheJdkPlusKosovo() {
        assertThat(Countries.isAlpha3("MLI")).isTrue();
        assertThat(Countries.isAlpha3("XKX")).isTrue();
        assertThat(Countries.isAlpha3("XXX")).isFalse();
        assertThat(Countries.englishName("SSD")).isEqualTo("South Sudan");
    }
}
