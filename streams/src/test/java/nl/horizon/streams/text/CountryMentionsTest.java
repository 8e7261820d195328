package nl.horizon.streams.text;

import nl.horizon.formats.FeedDocument;
import nl.horizon.formats.ItemFormats;
import nl.horizon.formats.Split;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.streams.RepoConfig;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class CountryMentionsTest {

    private final CountryMentions places = CountryMentions.load(RepoConfig.dir());

    @Test
    void namesCapitalsAndDemonymsInThreeLanguages() {
        assertThat(places.resolve("Fuel blockade tightens around Bamako", "")).containsExactly("MLI");
        assertThat(places.resolve("Afflux de réfugiés soudanais à l'est du Tchad", "")).containsExactly("TCD", "SDN");
        assertThat(places.resolve("Beoordeling veiligheidssituatie Zuid-Soedan", "")).containsExactly("SSD");
        assertThat(places.resolve("Clashes in South Sudan", "")).containsExactly("SSD");
        assertThat(places.resolve("Elections in Niger", "")).containsExactly("NER");
        assertThat(places.resolve("Elections in Nigeria", "")).containsExactly("NGA");
    }

    @Test
    void aDemonymNamesWhomAndWeighsLessThanThePlace() {
        assertThat(places.resolve("Décès du ressortissant haïtien blessé par un soldat à Dajabón", ""))
                .containsExactly("DOM", "HTI");
        assertThat(places.candidates("Haitian migrants", "")).extracting(CountryMentions.Candidate::score)
                .containsExactly(CountryMentions.TITLE_WEIGHT * CountryMentions.DEMONYM_WEIGHT);
        assertThat(places.resolve("Tiroteo contra migrantes venezolanos en Cúcuta", "")).first().isEqualTo("COL");
    }

    /** Country names in Arabic from the JDK's CLDR data, with the clitics Arabic writes onto them. */
    @Test
    void arabicCountryNames() {
        assertThat(places.resolve("قتل عشرة مدنيين في مالي", "")).containsExactly("MLI");
        assertThat(places.resolve("اشتباكات في السودان", "")).containsExactly("SDN");
        assertThat(places.resolve("اشتباكات عنيفة بجنوب السودان", "")).containsExactly("SSD");
        assertThat(places.resolve("غارة جوية على اليَمَن", "")).containsExactly("YEM");
        assertThat(places.resolve("مساعدات للسودان وليبيا", "")).containsExactly("SDN", "LBY");
        assertThat(places.resolve("انفجار في أفغانستان", "")).containsExactly("AFG");
        assertThat(places.resolve("انفجار في افغانستان", "")).containsExactly("AFG");
        assertThat(places.resolve("مقتل جنود في النيجر", "")).containsExactly("NER");
        assertThat(places.resolve("هجوم في نيجيريا", "")).containsExactly("NGA");
        assertThat(places.resolve("احتجاجات في لبنان", "")).containsExactly("LBN");
        assertThat(places.resolve("اجتماع المجلس", "")).isEmpty();
        assertThat(places.resolve("الدعم المالي للمزارعين", "")).as("the financial support, not Mali").isEmpty();
    }

    /** An Arabic feed entry is told Arabic by the detector, kept, and placed by its Arabic country name. */
    @Test
    void anArabicFeedEntryIsKeptAndPlaced() throws Exception {
        String rss = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
                + "<link>https://example.org/</link><description>d</description><item><guid>ar-1</guid>"
                + "<pubDate>Mon, 16 Nov 2026 00:00:00 GMT</pubDate><title>مقتل عشرة مدنيين في هجوم مسلح في مالي</title>"
                + "<description>قال مسؤولون محليون إن مسلحين هاجموا قرية في وسط مالي وأحرقوا المنازل</description>"
                + "</item></channel></rss>";
        Split.Item entry = (Split.Item) FeedDocument.split(rss.getBytes(StandardCharsets.UTF_8)).get(0);
        Report report = ItemFormats.standard(Markings.standard()).toReport(RawItem.of(entry.item().itemId(),
                SourceKind.NEWS_FEED, "test", entry.item().format(), Instant.parse("2026-11-17T00:00:00Z"),
                Classification.PUBLIC, entry.item().payload()));
        assertThat(report.language()).isEqualTo("ar");
        assertThat(places.resolve(report.title(), report.body())).containsExactly("MLI");
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
    void officialNamesAndSpellingsTheJdkLacks() {
        assertThat(places.resolve("Fighting in the Democratic Republic of the Congo", "")).containsExactly("COD");
        assertThat(places.resolve("Combats en République démocratique du Congo", "")).containsExactly("COD");
        assertThat(places.resolve("Elections in the Republic of the Congo", "")).containsExactly("COG");
        assertThat(places.resolve("Protests in Bosnia and Herzegovina", "")).containsExactly("BIH");
        assertThat(places.resolve("Airstrikes in Palestine", "")).as("not Palestine, Texas").containsExactly("PSE");
        assertThat(places.resolve("Tensions in northern Kosovo", "")).containsExactly("XKX");
        assertThat(places.resolve("Elections in the Czech Republic", "")).containsExactly("CZE");
        assertThat(places.resolve("U.S. envoy arrives", "")).containsExactly("USA");
        assertThat(places.resolve("Talks in the UK", "")).containsExactly("GBR");
        assertThat(places.resolve("They told us the road was closed", "")).as("'us' is not the United States").isEmpty();
        assertThat(places.resolve("اشتباكات في الكونغو", "")).as("ambiguous in Arabic too").containsExactly("COD", "COG");
        assertThat(places.resolve("اشتباكات في جمهورية الكونغو الديمقراطية", "")).containsExactly("COD");
    }

    @Test
    void theLongestNameStartingAtAWordWinsAndAnUnfinishedNameIsNone() {
        assertThat(places.resolve("Clashes in South Sudan", "")).containsExactly("SSD");
        assertThat(places.resolve("Talks in Papua New Guinea", "")).containsExactly("PNG");
        assertThat(places.resolve("Talks in Guinea-Bissau", "")).containsExactly("GNB");
        assertThat(places.resolve("Statement by the Democratic Republic of the", "")).isEmpty();
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
