package nl.horizon.formats;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Marking;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SituationReportFormatTest {

    static final Markings MARKINGS = Markings.standard();
    static final ItemFormats FORMATS = ItemFormats.standard(MARKINGS);

    static final String CABLE = """
            POST: Bamako
            REFERENCE: BAM-2012-017
            DATE: 2012-01-17
            RUBRICERING: Departementaal Vertrouwelijk
            COUNTRY: MLI
            LANGUAGE: nl
            SUBJECT: Aanval op Ménaka

            Strijders van de MNLA vielen vannacht het garnizoen in Ménaka aan.
            Het leger trok zich terug.
            """;

    static final String JSON = """
            {"post": "bamako", "reference": "BAM-2012-017", "date": "2012-01-17",
             "classification": "departmental-confidential", "countries": ["MLI"], "language": "nl",
             "subject": "Aanval op Ménaka",
             "body": "Strijders van de MNLA vielen vannacht het garnizoen in Ménaka aan.\\nHet leger trok zich terug."}
            """;

    @Test
    void cableAndJsonReadToTheSameMessage() throws Rejection {
        SituationReport fromCable = SituationReportFormat.POST_CABLE.read(CABLE, MARKINGS);
        SituationReport fromJson = SituationReportFormat.POST_JSON.read(JSON, MARKINGS);

        assertThat(fromCable).isEqualTo(fromJson);
        assertThat(fromCable.author()).isEqualTo("bamako");
        assertThat(fromCable.date()).isEqualTo(Instant.parse("2012-01-17T00:00:00Z"));
        assertThat(fromCable.marking().classification()).isEqualTo(Classification.DEPARTMENTAL_CONFIDENTIAL);
        assertThat(fromCable.body()).startsWith("Strijders").endsWith("terug.");
    }

    @Test
    void theReportNeverLowersTheClassification() throws Rejection {
        RawItem secretSource = RawItem.of("BAM-2012-017", SourceKind.POST, "bamako", "post-cable", Instant.EPOCH,
                Classification.SECRET, CABLE);
        Report report = FORMATS.toReport(secretSource);

        assertThat(report.id()).isEqualTo("post:bamako:BAM-2012-017");
        assertThat(report.classification()).isEqualTo(Classification.SECRET);
        assertThat(report.countries()).containsExactly("MLI");
        assertThat(report.contentHash()).isEqualTo(secretSource.contentHash());
    }

    @Test
    void rejectionsNameTheFieldAndValue() {
        assertRejected(SituationReportFormat.POST_JSON, "{\"post\":", RejectReason.MALFORMED, "not valid JSON");
        assertRejected(SituationReportFormat.POST_JSON, "[1,2]", RejectReason.MALFORMED, "must be a JSON object");
        assertRejected(SituationReportFormat.POST_JSON, JSON.replace("\"MLI\"", "\"Mali\""), RejectReason.UNKNOWN_COUNTRY, "'Mali'");
        assertRejected(SituationReportFormat.POST_JSON, JSON.replace("2012-01-17", "17-01-2012"), RejectReason.INVALID_FIELD,
                "date: '17-01-2012'");
        assertRejected(SituationReportFormat.POST_JSON, JSON.replace("\"language\"", "\"lang\""), RejectReason.INVALID_FIELD,
                "unknown field 'lang'");
        assertRejected(SituationReportFormat.POST_JSON, JSON.replace("departmental-confidential", "hush-hush"),
                RejectReason.INVALID_FIELD, "'HUSH' is no classification level or caveat");
        assertRejected(SituationReportFormat.POST_CABLE, CABLE.replace("SUBJECT: Aanval op Ménaka\n", ""), RejectReason.INVALID_FIELD,
                "'subject' is missing");
        assertRejected(SituationReportFormat.POST_CABLE, "no header here\n\nbody", RejectReason.MALFORMED, "line 1");
        assertRejected(SituationReportFormat.POST_CABLE, CABLE.replace("LANGUAGE", "SECRET-CODE"), RejectReason.INVALID_FIELD,
                "unknown header 'SECRET-CODE'");
    }

    /** A red team's finding on real declassified telegrams: the trailing template line decided the marking. */
    @Test
    void aCableWhoseMarkingsConflictIsRefusedNeverStoredAsPublic() {
        String conflicting = CABLE.replace("RUBRICERING: Departementaal Vertrouwelijk\n",
                "CLASSIFICATION: SECRET\nRUBRICERING: Openbaar\n");

        assertRejected(SituationReportFormat.POST_CABLE, conflicting, RejectReason.CONFLICTING_FIELD,
                "classification is stated more than once with different values: 'SECRET' and 'Openbaar'");
        RawItem publicSource = RawItem.of("BAM-2012-017", SourceKind.POST, "bamako", "post-cable", Instant.EPOCH,
                Classification.PUBLIC, conflicting);
        assertThatThrownBy(() -> FORMATS.toReport(publicSource)).as("the normaliser refuses it too")
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectReason.CONFLICTING_FIELD));
    }

    @Test
    void aRepeatedHeaderThatSaysTheSameThingIsOne() throws Rejection {
        SituationReport report = SituationReportFormat.POST_CABLE.read(CABLE
                .replace("RUBRICERING: Departementaal Vertrouwelijk\n", "CLASSIFICATION: secret\nRUBRICERING: geheim\n")
                .replace("DATE: 2012-01-17\n", "DATE: 2012-01-17\nDATUM: 20120117\n")
                .replace("LANGUAGE: nl\n", "LANGUAGE: nl\nTAAL: NL\n"), MARKINGS);

        assertThat(report.marking().classification()).isEqualTo(Classification.SECRET);
        assertThat(report.date()).isEqualTo(Instant.parse("2012-01-17T00:00:00Z"));
        assertThat(report.language()).isEqualTo("nl");
    }

    @Test
    void everyHeaderAndItsAliasesMustAgree() {
        assertRejected(SituationReportFormat.POST_CABLE, CABLE.replace("DATE: 2012-01-17\n",
                "DATE: 2012-01-17\nDATUM: 2012-01-18\n"), RejectReason.CONFLICTING_FIELD, "date is stated more than once");
        assertRejected(SituationReportFormat.POST_CABLE, CABLE.replace("POST: Bamako\n", "POST: Bamako\nFROM: niamey\n"),
                RejectReason.CONFLICTING_FIELD, "post is stated more than once");
        assertRejected(SituationReportFormat.POST_CABLE, CABLE.replace("COUNTRY: MLI\n", "COUNTRY: MLI\nLAND: NER\n"),
                RejectReason.CONFLICTING_FIELD, "'MLI' and 'NER'");
        assertRejected(SituationReportFormat.POST_CABLE, CABLE.replace("SUBJECT: Aanval op Ménaka\n",
                "SUBJECT: Aanval op Ménaka\nONDERWERP: Rustig in Ménaka\n"), RejectReason.CONFLICTING_FIELD,
                "subject is stated more than once");
        assertRejected(SituationReportFormat.POST_CABLE, CABLE.replace("RUBRICERING: Departementaal Vertrouwelijk\n",
                "RUBRICERING: Departementaal Vertrouwelijk\nCLASSIFICATION: top secret\n"), RejectReason.CONFLICTING_FIELD,
                "classification is stated more than once");
    }

    @Test
    void jsonThatRepeatsAKeyIsRefusedWhicheverComesLast() {
        String twice = JSON.replace("\"classification\": \"departmental-confidential\"",
                "\"classification\": \"secret\", \"classification\": \"public\"");

        for (SituationReportFormat format : List.of(SituationReportFormat.POST_JSON, SituationReportFormat.PARTNER_JSON)) {
            assertRejected(format, twice, RejectReason.CONFLICTING_FIELD, "key 'classification' (at /classification)");
        }
        assertRejected(SituationReportFormat.POST_JSON, JSON.replace("\"language\": \"nl\"",
                "\"language\": \"nl\", \"language\": \"nl\""), RejectReason.CONFLICTING_FIELD, "key 'language'");
    }

    @Test
    void realMarkingsReadToLevelAndCaveatsNeverLower() throws Rejection {
        Report report = FORMATS.toReport(RawItem.of("BAM-2012-017", SourceKind.POST, "bamako", "post-cable",
                Instant.EPOCH, Classification.PUBLIC, CABLE.replace("RUBRICERING: Departementaal Vertrouwelijk",
                        "CLASSIFICATION: SECRET//NOFORN")));
        assertThat(report.marking()).isEqualTo(new Marking(Classification.SECRET, List.of("NOFORN")));
        Report detected = FORMATS.toReport(RawItem.of("BAM-2012-018", SourceKind.POST, "bamako", "post-cable",
                Instant.EPOCH, Classification.PUBLIC, CABLE.replace("RUBRICERING: Departementaal Vertrouwelijk",
                        "CLASSIFICATION: SECRET//NOFORN").replaceAll("(?m)^(LANGUAGE|TAAL): .*\n", "")));
        assertThat(detected.language()).as("detected").isNotNull();
        assertThat(detected.marking()).as("kept through language detection")
                .isEqualTo(new Marking(Classification.SECRET, List.of("NOFORN")));
        assertThat(SituationReportFormat.POST_JSON.read(JSON.replace("departmental-confidential", "confidential"),
                MARKINGS).marking().classification()).as("CONFIDENTIAL is Stg. C, above Dep.V.")
                .isEqualTo(Classification.CONFIDENTIAL);
        assertThat(SituationReportFormat.POST_CABLE.read(CABLE.replace("Departementaal Vertrouwelijk",
                "Stg. ZEER GEHEIM EXDIS"), MARKINGS).marking())
                .isEqualTo(new Marking(Classification.TOP_SECRET, List.of("EXDIS")));
        assertRejected(SituationReportFormat.POST_CABLE, CABLE.replace("Departementaal Vertrouwelijk",
                "SECRET//REL TO USA, GBR"), RejectReason.INVALID_FIELD, "REL TO");
    }

    @Test
    void aRefusedReportStillSaysHowSensitiveItClaimedToBe() {
        assertThat(SituationReportFormat.POST_CABLE.claimed(CABLE.replace("Departementaal Vertrouwelijk",
                "SECRET//REL TO USA") + "\nSUBJECT: twice", MARKINGS)).isEqualTo(Marking.of(Classification.SECRET));
        assertThat(SituationReportFormat.POST_JSON.claimed("{\"classification\": \"Stg. Geheim NODIS\", \"post\":",
                MARKINGS)).as("unreadable JSON: nothing can be read from it").isEqualTo(MARKINGS.undetermined());
        assertThat(SituationReportFormat.POST_CABLE.claimed(CABLE.replace("RUBRICERING: Departementaal Vertrouwelijk\n",
                ""), MARKINGS)).as("no marking").isEqualTo(MARKINGS.undetermined());
        RawItem secretEnvelope = RawItem.of("x", SourceKind.POST, "bamako", "post-cable", Instant.EPOCH,
                Classification.SECRET, CABLE);
        assertThat(FORMATS.claimed(secretEnvelope)).as("the envelope's level counts too")
                .isEqualTo(Marking.of(Classification.SECRET));
    }

    @Test
    void anUnknownFormatIsRejectedWithTheKnownOnes() {
        RawItem item = RawItem.of("x", SourceKind.POST, "bamako", "post-xml", Instant.EPOCH, Classification.PUBLIC,
                "<x/>");
        assertThatThrownBy(() -> FORMATS.toReport(item))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_FORMAT))
                .hasMessageContaining("post-json");
    }

    @Test
    void fileNamesPickTheSyntax() {
        assertThat(SituationReportFormat.ofFileName("BAM-1.JSON")).contains(SituationReportFormat.POST_JSON);
        assertThat(SituationReportFormat.ofFileName("bam-1.txt")).contains(SituationReportFormat.POST_CABLE);
        assertThat(SituationReportFormat.ofFileName("bam-1.docx")).isEmpty();
        assertThat(List.of(SituationReportFormat.values())).extracting(SituationReportFormat::formatName).containsExactly("post-json", "post-cable", "partner-json");
    }

    private static void assertRejected(SituationReportFormat format, String text, RejectReason reason, String detail) {
        assertThatThrownBy(() -> format.read(text, MARKINGS))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(reason))
                .hasMessageContaining(detail);
    }
}
