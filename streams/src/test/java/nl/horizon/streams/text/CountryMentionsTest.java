package nl.horizon.streams.text;

import nl.horizon.streams.RepoConfig;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CountryMentionsTest {

    private final CountryMentions places = CountryMentions.load(RepoConfig.dir().resolve("places.yaml"));

    @Test
    void namesCapitalsAndDemonymsInThreeLanguages() {
        assertThat(places.resolve("Fuel blockade tightens around Bamako", "")).containsExactly("MLI");
        assertThat(places.resolve("Afflux de réfugiés soudanais à l'est du Tchad", "")).containsExactly("SDN", "TCD");
        assertThat(places.resolve("Beoordeling veiligheidssituatie Zuid-Soedan", "")).containsExactly("SSD");
        assertThat(places.resolve("Clashes in South Sudan", "")).containsExactly("SSD");
        assertThat(places.resolve("Elections in Niger", "")).containsExactly("NER");
        assertThat(places.resolve("Elections in Nigeria", "")).containsExactly("NGA");
    }

    @Test
    void theTitleWeighsMoreThanAPassingMentionInTheBody() {
        assertThat(places.resolve("Kidal besieged", "Refugees fled towards Algeria and Niger; France and Chad "
                + "discussed the situation in Mali.")).containsExactly("MLI");
    }

    @Test
    void anAmbiguousNameIsSharedNotGuessed() {
        assertThat(places.candidates("Fighting in Congo", "")).extracting(CountryMentions.Candidate::score)
                .containsExactly(1.5, 1.5);
        assertThat(places.resolve("Fighting in Congo", "")).containsExactly("COD", "COG");
        assertThat(places.resolve("Fighting near Goma, Congo", "")).containsExactly("COD");
    }

    @Test
    void provincesDistrictsAndTownsFromTheGazetteer() {
        assertThat(places.resolve("Insurgents attack convoy near Mocímboa da Praia", "")).containsExactly("MOZ");
        assertThat(places.resolve("Gunmen kill villagers in Zamfara", "")).containsExactly("NGA");
        assertThat(places.resolve("Shelling reported in Kharkiv oblast", "")).containsExactly("UKR");
        assertThat(places.resolve("Atentado mata 12 pessoas", "Os insurgentes atacaram uma aldeia moçambicana."))
                .containsExactly("MOZ");
    }

    @Test
    void aNamesakeAbroadWeighsLessThanTheProvinceAndIsMarkedAmbiguous() {
        assertThat(places.candidates("Attack in Gedo", "")).first().satisfies(c -> {
            assertThat(c.country()).isEqualTo("SOM");
            assertThat(c.ambiguous()).isTrue();
        });
        assertThat(places.resolve("Attack in Gedo", "")).first().isEqualTo("SOM");
    }

    @Test
    void laterMentionsOfACountryCountLessAndTheOneNamedFirstWinsATie() {
        assertThat(places.candidates("", "Mali. France, France and France.")).extracting(CountryMentions.Candidate::score)
                .containsExactly(1 + 1 / 2.0 + 1 / 3.0, 1.0);
        assertThat(places.resolve("", "Fighting in Niger and Mali")).containsExactly("NER", "MLI");
        assertThat(places.resolve("", "Fighting in Mali and Niger")).containsExactly("MLI", "NER");
    }

    @Test
    void noPlaceNoCountry() {
        assertThat(places.resolve("Quarterly meeting of the board", "Nothing of note.")).isEmpty();
        assertThat(places.resolve("Car bomb", "")).isEmpty();
    }
}
