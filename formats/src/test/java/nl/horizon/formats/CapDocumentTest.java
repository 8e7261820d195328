package nl.horizon.formats;

import nl.horizon.schema.AlertFields;
import nl.horizon.schema.CapMessageType;
import nl.horizon.schema.Classification;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CAP messages read from the real samples and from the shapes other systems send. */
class CapDocumentTest {

    private static final String CAP12 = "urn:oasis:names:tc:emergency:cap:1.2";

    @Test
    void theSpecificationsAmberAlertIsOneReportWithEveryField() throws Exception {
        List<Split> splits = CapDocument.split(SharedData.bytes("cap/cap12_oasis_amber_alert_example.xml"));

        Report report = single(splits, Classification.PUBLIC);

        assertThat(report.id()).isEqualTo("crisis-watch:partner:KARO@CLETS.DOJ.CA.GOV,KAR0-0306112239-SW,"
                + "2003-06-12T05:39:00Z");
        assertThat(report.title()).isEqualTo("Amber Alert in Los Angeles County");
        assertThat(report.body()).startsWith("DATE/TIME: 06/11/03").endsWith("Area: Los Angeles County");
        assertThat(report.language()).isEqualTo("en");
        assertThat(report.countries()).containsExactly("USA");
        assertThat(report.publishedAt()).isEqualTo(Instant.parse("2003-06-12T05:39:00Z"));
        AlertFields alert = report.alert();
        assertThat(alert.sender()).isEqualTo("KARO@CLETS.DOJ.CA.GOV");
        assertThat(alert.identifier()).isEqualTo("KAR0-0306112239-SW");
        assertThat(alert.msgType()).isEqualTo(CapMessageType.ALERT);
        assertThat(alert.event()).isEqualTo("Child Abduction");
        assertThat(alert.categories()).containsExactly("Rescue");
        assertThat(List.of(alert.urgency(), alert.severity(), alert.certainty()))
                .containsExactly("Immediate", "Severe", "Likely");
        assertThat(alert.areaDesc()).isEqualTo("Los Angeles County");
        assertThat(alert.geocodes()).containsExactly(new AlertFields.Geocode("SAME", "006037"));
        assertThat(alert.references()).isEmpty();
        assertThat(alert.withdrawn()).isFalse();
    }

    @Test
    void theAmberAlertsSpanishBlockAddsNoPlaceItsEnglishOneLacks() throws Exception {
        Report report = single(CapDocument.split(SharedData.bytes("cap/cap12_oasis_amber_alert_example.xml")),
                Classification.PUBLIC);

        assertThat(report.body()).doesNotContain("VÍCTIMAS").doesNotContain("condado");
        assertThat(report.alert().areaDesc()).isEqualTo("Los Angeles County");
        assertThat(report.alert().categories()).containsExactly("Rescue");
    }

    @Test
    void everyInfoBlockIsReadTheTextInOneLanguageTheAreasOfAll() throws Exception {
        String xml = "<alert xmlns='" + CAP12 + "'><identifier>M-1</identifier><sender>ew.example.org</sender>"
                + "<sent>2026-11-02T08:00:00-00:00</sent><status>Actual</status><msgType>Alert</msgType>"
                + "<scope>Public</scope>"
                + info("es-ES", "Violencia armada en el Sahel", "Grupos armados cerca de Tillabéri.", "Tillabéri", "NER")
                + info("fr-FR", "Violences armées au Sahel", "Des groupes armés près de Mopti.", "Mopti", "MLI")
                + info("fr-FR", "Violences armées au Sahel", "Des groupes armés près de Djibo.", "Djibo", "BFA")
                + "</alert>";

        Report report = single(CapDocument.split(bytes(xml)), Classification.PUBLIC);

        assertThat(report.language()).isEqualTo("fr");
        assertThat(report.title()).isEqualTo("Violences armées au Sahel");
        assertThat(report.body()).contains("près de Mopti", "près de Djibo").doesNotContain("Grupos");
        assertThat(report.countries()).containsExactly("MLI", "BFA", "NER");
        assertThat(report.alert().areaDesc()).isEqualTo("Mopti; Djibo; Tillabéri");
        assertThat(report.alert().categories()).containsExactly("Security");
    }

    @Test
    void anInfoWithoutLanguageIsEnglishAsCapSays() throws Exception {
        String xml = "<alert xmlns='" + CAP12 + "'><identifier>M-2</identifier><sender>ew.example.org</sender>"
                + "<sent>2026-11-02T08:00:00-00:00</sent><status>Actual</status><msgType>Alert</msgType>"
                + "<scope>Public</scope>" + info("", "Armed violence", "Armed groups near Mopti.", "Mopti", "MLI")
                + "</alert>";

        assertThat(single(CapDocument.split(bytes(xml)), Classification.PUBLIC).language()).isEqualTo("en");
    }

    @Test
    void theNwsIndexGivesAReportPerEntryWithSenderSentAndArea() throws Exception {
        List<Split> splits = CapDocument.split(SharedData.bytes("cap/nws_atom_cap_index_2018-08-15.xml"));
        Normalising out = Normalising.of(splits, SourceKind.CRISIS_WATCH, "nws");

        assertThat(out.reports).hasSize(163);
        assertThat(out.rejections).isEmpty();
        assertThat(out.splitRejections).isEmpty();
        Report first = out.reports.get(0);
        assertThat(first.title()).startsWith("High Wind Warning issued August 15");
        assertThat(first.countries()).containsExactly("USA");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2018-08-15T22:52:00Z"));
        assertThat(first.links()).singleElement().asString().startsWith("https://alerts.weather.gov/cap/wwacapget.php");
        AlertFields alert = first.alert();
        assertThat(alert.sender()).isEqualTo("w-nws.webmaster@noaa.gov");
        assertThat(alert.identifier()).startsWith("https://alerts.weather.gov/cap/wwacapget.php?x=AK125AB652A170");
        assertThat(alert.event()).isEqualTo("High Wind Warning");
        assertThat(alert.categories()).containsExactly("Met");
        assertThat(alert.severity()).isEqualTo("Severe");
        assertThat(alert.expires()).isEqualTo(Instant.parse("2018-08-16T15:00:00Z"));
        assertThat(alert.areaDesc()).isEqualTo("Eastern Beaufort Sea Coast");
        assertThat(alert.geocodes()).containsExactly(new AlertFields.Geocode("FIPS6", "002185"),
                new AlertFields.Geocode("UGC", "AKZ204"));
    }

    @Test
    void anUpdateAndACancelAreNewVersionsOfTheirFirstAlert() throws Exception {
        String first = alert("A-1", "2026-11-02T08:00:00-00:00", "Alert", "", "Clashes expected in Mopti");
        String update = alert("A-2", "2026-11-03T08:00:00+01:00", "Update",
                "<references>ew.example.org,A-1,2026-11-02T08:00:00-00:00</references>", "Clashes in Mopti");
        String cancel = alert("A-3", "2026-11-04T08:00:00-00:00", "Cancel",
                "<references>ew.example.org,A-2,2026-11-03T08:00:00+01:00 ew.example.org,A-1,2026-11-02T08:00:00Z"
                        + "</references>", "Withdrawn");

        Report a = single(CapDocument.split(bytes(first)), Classification.PUBLIC);
        Report b = single(CapDocument.split(bytes(update)), Classification.PUBLIC);
        Report c = single(CapDocument.split(bytes(cancel)), Classification.PUBLIC);

        assertThat(b.id()).isEqualTo(a.id()).isEqualTo("crisis-watch:partner:ew.example.org,A-1,2026-11-02T08:00:00Z");
        assertThat(c.id()).isEqualTo(a.id());
        assertThat(b.alert().msgType()).isEqualTo(CapMessageType.UPDATE);
        assertThat(c.alert().withdrawn()).isTrue();
        assertThat(c.alert().references()).hasSize(2);
        assertThat(a.countries()).containsExactly("MLI");
    }

    @Test
    void aFeedHoldingAnAlertAndItsUpdateSendsTheUpdateAndDeadLettersTheAlert() throws Exception {
        String feed = "<feed xmlns='http://www.w3.org/2005/Atom'><title>t</title>"
                + "<entry><id>e1</id><content type='application/cap+xml'>"
                + alert("A-1", "2026-11-02T08:00:00-00:00", "Alert", "", "Clashes expected") + "</content></entry>"
                + "<entry><id>e2</id><content type='text'>"
                + escaped(alert("A-2", "2026-11-03T08:00:00-00:00", "Update",
                        "<references>ew.example.org,A-1,2026-11-02T08:00:00-00:00</references>", "Clashes"))
                + "</content></entry>"
                + "<entry><id>e3</id><title>no alert here</title></entry></feed>";

        List<Split> splits = CapDocument.split(bytes(feed.replace("<?xml version='1.0'?>", "")));

        assertThat(splits).hasSize(3);
        assertThat(splits.get(0)).isInstanceOfSatisfying(Split.Rejected.class, r -> {
            assertThat(r.rejection().reason()).isEqualTo(RejectReason.SUPERSEDED);
            assertThat(r.rejection().detail()).contains("A-2");
        });
        assertThat(splits.get(1)).isInstanceOfSatisfying(Split.Item.class, i -> {
            assertThat(i.item().itemId()).isEqualTo("ew.example.org,A-1,2026-11-02T08:00:00Z");
            assertThat(i.item().version()).isEqualTo("ew.example.org,A-2,2026-11-03T08:00:00Z");
        });
        assertThat(splits.get(2)).isInstanceOfSatisfying(Split.Rejected.class,
                r -> assertThat(r.rejection().reason()).isEqualTo(RejectReason.INVALID_FIELD));
    }

    @Test
    void onlyActualAlertsBecomeReports() throws Exception {
        for (String status : List.of("Exercise", "Test", "System", "Draft")) {
            String xml = alert("X", "2026-11-02T08:00:00-00:00", "Alert", "", "drill").replace("Actual", status);
            assertThatThrownBy(() -> single(CapDocument.split(bytes(xml)), Classification.PUBLIC))
                    .isInstanceOfSatisfying(Rejection.class, r -> {
                        assertThat(r.reason()).isEqualTo(RejectReason.NOT_AN_ALERT);
                        assertThat(r.detail()).contains(status);
                    });
        }
        String ack = alert("X", "2026-11-02T08:00:00-00:00", "Ack",
                "<references>ew.example.org,A-1,2026-11-02T08:00:00-00:00</references>", "ack");
        assertThatThrownBy(() -> single(CapDocument.split(bytes(ack)), Classification.PUBLIC))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.NOT_AN_ALERT));
        String orphan = alert("X", "2026-11-02T08:00:00-00:00", "Update", "", "no references");
        assertThatThrownBy(() -> single(CapDocument.split(bytes(orphan)), Classification.PUBLIC))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.INVALID_FIELD));
    }

    @Test
    void aRestrictedAlertIsRefusedFromAPublicFeedAndReadFromAClassifiedOne() throws Exception {
        String xml = alert("R", "2026-11-02T08:00:00-00:00", "Alert", "", "restricted")
                .replace("<scope>Public</scope>", "<scope>Restricted</scope><restriction>classified secret</restriction>");

        assertThatThrownBy(() -> single(CapDocument.split(bytes(xml)), Classification.PUBLIC))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.detail()).contains("feed.classification"));
        assertThat(single(CapDocument.split(bytes(xml)), Classification.SECRET).classification())
                .isEqualTo(Classification.SECRET);
    }

    @Test
    void hostileAndForeignDocumentsAreRefusedWhole() {
        assertThatThrownBy(() -> CapDocument.split(bytes("<?xml version='1.0'?><!DOCTYPE a [<!ENTITY x SYSTEM "
                + "'file:///etc/passwd'>]><alert xmlns='" + CAP12 + "'>&x;</alert>")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.HOSTILE_XML));
        assertThatThrownBy(() -> CapDocument.split(bytes("<html><body/></html>")))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED));
        assertThatThrownBy(() -> single(CapDocument.split(bytes(alert("X", "2026-11-02T08:00:00-00:00", "Alert", "",
                "bad code").replace(">MLI<", ">XYZ<"))), Classification.PUBLIC))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.UNKNOWN_COUNTRY));
    }

    private static Report single(List<Split> splits, Classification classification) throws Rejection {
        assertThat(splits).singleElement().isInstanceOf(Split.Item.class);
        SourceItem item = ((Split.Item) splits.get(0)).item();
        return ItemFormats.standard(nl.horizon.schema.Markings.standard()).toReport(RawItem.of(item.itemId(),
                SourceKind.CRISIS_WATCH, "partner", item.format(), Instant.parse("2026-11-23T00:00:00Z"), classification,
                item.payload()));
    }

    private static String alert(String id, String sent, String msgType, String references, String headline) {
        return "<alert xmlns='" + CAP12 + "'><identifier>" + id + "</identifier><sender>ew.example.org</sender>"
                + "<sent>" + sent + "</sent><status>Actual</status><msgType>" + msgType + "</msgType>"
                + "<scope>Public</scope>" + references + "<info><language>en</language><category>Security</category>"
                + "<event>Armed violence</event><urgency>Future</urgency><severity>Severe</severity>"
                + "<certainty>Possible</certainty><headline>" + headline + "</headline>"
                + "<description>Armed groups near Mopti.</description><area><areaDesc>Mali</areaDesc><geocode>"
                + "<valueName>ISO3166-1-alpha-3</valueName><value>MLI</value></geocode></area></info></alert>";
    }

    private static String info(String language, String headline, String description, String area, String iso3) {
        return "<info>" + (language.isEmpty() ? "" : "<language>" + language + "</language>")
                + "<category>Security</category><event>Armed violence</event><urgency>Future</urgency>"
                + "<severity>Severe</severity><certainty>Possible</certainty><headline>" + headline + "</headline>"
                + "<description>" + description + "</description><area><areaDesc>" + area + "</areaDesc><geocode>"
                + "<valueName>ISO3166-1-alpha-3</valueName><value>" + iso3 + "</value></geocode></area></info>";
    }

    private static String escaped(String xml) {
        return xml.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static byte[] bytes(String xml) {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
