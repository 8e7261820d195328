package nl.horizon.schema;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static nl.horizon.schema.Classification.CONFIDENTIAL;
import static nl.horizon.schema.Classification.DEPARTMENTAL_CONFIDENTIAL;
import static nl.horizon.schema.Classification.PUBLIC;
import static nl.horizon.schema.Classification.SECRET;
import static nl.horizon.schema.Classification.TOP_SECRET;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MarkingsTest {

    private static final Markings MARKINGS = Markings.standard();

    private static Marking marking(Classification level, String... caveats) {
        return new Marking(level, List.of(caveats));
    }

    @Test
    void readsTheDutchLadderAndItsNatoEuAndUsEquivalents() {
        assertThat(MARKINGS.read("openbaar")).isEqualTo(marking(PUBLIC));
        assertThat(MARKINGS.read("UNCLASSIFIED")).isEqualTo(marking(PUBLIC));
        assertThat(MARKINGS.read("Dep.V.")).isEqualTo(marking(DEPARTMENTAL_CONFIDENTIAL));
        assertThat(MARKINGS.read("Departementaal Vertrouwelijk")).isEqualTo(marking(DEPARTMENTAL_CONFIDENTIAL));
        assertThat(MARKINGS.read("RESTREINT UE/EU RESTRICTED")).isEqualTo(marking(DEPARTMENTAL_CONFIDENTIAL));
        assertThat(MARKINGS.read("LIMITED OFFICIAL USE")).isEqualTo(marking(DEPARTMENTAL_CONFIDENTIAL));
        assertThat(MARKINGS.read("NATO CONFIDENTIAL")).isEqualTo(marking(CONFIDENTIAL));
        assertThat(MARKINGS.read("Stg. Confidentieel")).isEqualTo(marking(CONFIDENTIAL));
        assertThat(MARKINGS.read("Stg. GEHEIM")).isEqualTo(marking(SECRET));
        assertThat(MARKINGS.read("SECRET UE/EU SECRET")).isEqualTo(marking(SECRET));
        assertThat(MARKINGS.read("Stg. Zeer Geheim")).isEqualTo(marking(TOP_SECRET));
        assertThat(MARKINGS.read("COSMIC TOP SECRET")).isEqualTo(marking(TOP_SECRET));
        assertThat(MARKINGS.read("TRÈS SECRET UE/EU TOP SECRET")).isEqualTo(marking(TOP_SECRET));
        assertThat(MARKINGS.read("top-secret")).as("the wire names too").isEqualTo(marking(TOP_SECRET));
    }

    @Test
    void confidentialIsNeverDowngradedToDepartmental() {
        assertThat(MARKINGS.read("confidential").classification()).isEqualTo(CONFIDENTIAL);
        assertThat(CONFIDENTIAL.rank()).isGreaterThan(DEPARTMENTAL_CONFIDENTIAL.rank());
    }

    @Test
    void compoundMarkingsReadAsLevelAndCaveats() {
        assertThat(MARKINGS.read("SECRET//NOFORN")).isEqualTo(marking(SECRET, "NOFORN"));
        assertThat(MARKINGS.read("CONFIDENTIAL NODIS")).isEqualTo(marking(CONFIDENTIAL, "NODIS"));
        assertThat(MARKINGS.read("SECRET//ORCON/NOFORN")).isEqualTo(marking(SECRET, "NOFORN", "ORCON"));
        assertThat(MARKINGS.read("Stg. GEHEIM - NL EYES ONLY")).isEqualTo(marking(SECRET, "NOFORN"));
        assertThat(MARKINGS.read("UNCLASSIFIED//FOR OFFICIAL USE ONLY")).as("a control marking raises the level")
                .isEqualTo(marking(DEPARTMENTAL_CONFIDENTIAL));
        assertThat(MARKINGS.read("CONFIDENTIAL//SECRET")).as("two levels read as the higher")
                .isEqualTo(marking(SECRET));
    }

    @Test
    void refusesWhatItCannotReadWithTheReason() {
        assertThatThrownBy(() -> MARKINGS.read("SECRET//REL TO USA, NLD")).hasMessageContaining("refused")
                .hasMessageContaining("REL TO");
        assertThatThrownBy(() -> MARKINGS.read("SECRET//WNINTEL")).hasMessageContaining("'WNINTEL' is no "
                + "classification level or caveat");
        assertThatThrownBy(() -> MARKINGS.read("NODIS")).hasMessageContaining("names no classification level");
        assertThatThrownBy(() -> MARKINGS.read(" ")).hasMessageContaining("missing");
    }

    @Test
    void whatRefusedInputClaimedIsKeptAndTheUnreadableIsTopWithEveryCaveat() {
        assertThat(MARKINGS.claimed("SECRET//REL TO USA")).isEqualTo(marking(SECRET));
        assertThat(MARKINGS.claimed("Stg. GEHEIM NODIS")).isEqualTo(marking(SECRET, "NODIS"));
        assertThat(MARKINGS.claimed("GEHEIMPJE")).isEqualTo(MARKINGS.undetermined());
        assertThat(MARKINGS.claimed(null)).isEqualTo(MARKINGS.undetermined());
        assertThat(MARKINGS.undetermined().classification()).isEqualTo(TOP_SECRET);
        assertThat(MARKINGS.undetermined().caveats()).containsAll(MARKINGS.caveats());
    }

    @Test
    void aDeploymentChoosesWhichLevelsItAccepts(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("classification.yaml");
        Files.writeString(file, Files.readString(Path.of("../config/classification.yaml"))
                .replace("accepted: [public, departmental-confidential, confidential, secret, top-secret]",
                        "accepted: [public, departmental-confidential, confidential, secret]"));
        Markings noTopSecret = Markings.load(file);
        assertThat(noTopSecret.read("Stg. Geheim").classification()).isEqualTo(SECRET);
        assertThatThrownBy(() -> noTopSecret.read("Stg. Zeer Geheim")).hasMessageContaining("top-secret, which this "
                + "Horizon does not accept");
        assertThat(noTopSecret.claimed("Stg. Zeer Geheim").classification()).isEqualTo(TOP_SECRET);
    }

    @Test
    void aBadVocabularyNamesTheEntry(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path file = dir.resolve("classification.yaml");
        String shipped = Files.readString(Path.of("../config/classification.yaml"));
        Files.writeString(file, shipped.replace("markings: [NODIS, NO DISTRIBUTION]", "markings: [NODIS, SECRET]"));
        assertThatThrownBy(() -> Markings.load(file)).hasMessageContaining("'SECRET' is listed twice");
        Files.writeString(file, shipped.replace("  - level: confidential", "  - level: confidentiel"));
        assertThatThrownBy(() -> Markings.load(file)).hasMessageContaining("unknown classification 'confidentiel'");
    }

    @Test
    void readersHoldCaveatsByNameOrMarking() {
        assertThat(MARKINGS.caveat("noforn")).isEqualTo("NOFORN");
        assertThat(MARKINGS.caveat("NO DISTRIBUTION")).isEqualTo("NODIS");
        assertThatThrownBy(() -> MARKINGS.caveat("SECRET")).hasMessageContaining("unknown caveat 'SECRET'");
    }
}
