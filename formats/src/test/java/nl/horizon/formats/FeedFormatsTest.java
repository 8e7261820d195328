package nl.horizon.formats;

import com.fasterxml.jackson.databind.JsonNode;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Json;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FeedFormatsTest {

    @Test
    void reliefWebRssBecomesReportsWithPlainTextAndCountriesFromCategories() throws Rejection {
        List<Split> splits = FeedDocument.split(SharedData.bytes("feeds/reliefweb_rss_ukraine_2020-09-17_20items.xml"));
        Normalising n = Normalising.of(splits, SourceKind.NEWS_FEED, "reliefweb-ukraine");

        assertThat(n.rejections).isEmpty();
        assertThat(n.reports).hasSize(20);
        Report first = n.reports.get(0);
        assertThat(first.title()).startsWith("Ukraine: DRC / DDG Legal Alert: Issue 55");
        assertThat(first.publishedAt()).isEqualTo(Instant.parse("2020-09-17T07:24:25Z"));
        assertThat(first.links()).containsExactly(
                "https://reliefweb.int/report/ukraine/ukraine-drc-ddg-legal-alert-issue-55-august-2020-enruuk");
        assertThat(first.language()).isEqualTo("en");
        assertThat(n.reports).allSatisfy(r -> assertThat(r.body()).doesNotContain("<p>", "<div"));
        assertThat(n.reports).filteredOn(r -> r.countries().contains("UKR")).isNotEmpty();
        assertThat(n.reports).extracting(Report::id).doesNotHaveDuplicates();
    }

    @Test
    void atomEntriesAreReadToo() throws Rejection {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fr">
                  <title>Veille</title><id>urn:veille</id><updated>2024-10-02T08:00:00Z</updated>
                  <entry><id>urn:veille:1</id><title>Tensions au Mali</title>
                    <link href="https://example.org/1"/><updated>2024-10-02T08:00:00Z</updated>
                    <summary type="html">&lt;p&gt;Des &lt;b&gt;affrontements&lt;/b&gt; à Kidal.&lt;/p&gt;</summary>
                    <category term="Mali"/></entry>
                </feed>
                """;
        Normalising n = Normalising.of(FeedDocument.split(atom.getBytes(StandardCharsets.UTF_8)), SourceKind.NEWS_FEED,
                "veille");
        assertThat(n.reports).singleElement().satisfies(r -> {
            assertThat(r.id()).isEqualTo("news-feed:veille:urn:veille:1");
            assertThat(r.body()).isEqualTo("Des affrontements à Kidal.");
            assertThat(r.countries()).containsExactly("MLI");
            assertThat(r.publishedAt()).isEqualTo(Instant.parse("2024-10-02T08:00:00Z"));
        });
    }

    /** EMM NewsBrief's markup: country tags, the item's own language, and the publisher's country (not kept). */
    @Test
    void anEntryStatesItsOwnCountriesAndLanguageButNotItsPublishersCountry() throws Rejection {
        String emm = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0" xmlns:emm="http://emm.newsbrief.eu/" xmlns:iso="http://www.iso.org/3166">
                  <channel><title>EMM NewsBrief</title><language>en</language>
                    <item><title>Atentado mata 12 pessoas no norte</title><link>https://example.org/pt/1</link>
                      <guid>emm-1</guid><pubDate>Tue, 05 Nov 2024 10:00:00 +0000</pubDate>
                      <description>Homens armados mataram doze civis na província.</description>
                      <iso:language>pt</iso:language>
                      <source url="https://example.pt" country="PT">example.pt</source>
                      <emm:sourceCountry>PT</emm:sourceCountry>
                      <category>Mozambique</category><category>ConflictViolence</category><category>ML</category>
                    </item>
                    <item><title>Un titre</title><link>https://example.org/fr/2</link><guid>emm-2</guid>
                      <pubDate>Tue, 05 Nov 2024 11:00:00 +0000</pubDate><description>Rien.</description>
                      <category>it</category></item>
                  </channel>
                </rss>
                """;
        Normalising n = Normalising.of(FeedDocument.split(emm.getBytes(StandardCharsets.UTF_8)), SourceKind.NEWS_FEED,
                "emm");
        assertThat(n.reports).hasSize(2);
        assertThat(n.reports.get(0).countries()).containsExactly("MOZ", "MLI");
        assertThat(n.reports.get(0).language()).isEqualTo("pt");
        assertThat(n.reports.get(1).countries()).isEmpty();
        assertThat(n.reports.get(1).language()).isEqualTo("en");
    }

    @Test
    void aReportWhoseSourceStatesNoLanguageGetsTheOneItIsWrittenIn() throws Rejection {
        String rss = """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Nieuws</title>
                  <item><title>Gewapende mannen doden twaalf burgers in het noorden</title><guid>n-1</guid>
                    <pubDate>Tue, 05 Nov 2024 10:00:00 +0000</pubDate>
                    <description>Volgens lokale bronnen werden de dorpelingen in de nacht aangevallen.</description></item>
                  <item><title>Homens armados mataram doze civis</title><guid>p-1</guid>
                    <pubDate>Tue, 05 Nov 2024 10:00:00 +0000</pubDate>
                    <description>Segundo fontes locais, os aldeões foram atacados durante a noite.</description></item>
                  <item><title>Update</title><guid>x-1</guid><pubDate>Tue, 05 Nov 2024 10:00:00 +0000</pubDate>
                    <description>OK</description></item>
                </channel></rss>
                """;
        Normalising n = Normalising.of(FeedDocument.split(rss.getBytes(StandardCharsets.UTF_8)), SourceKind.NEWS_FEED,
                "nieuws");
        assertThat(n.reports).extracting(Report::language).containsExactly("nl", "pt", null);
    }

    @Test
    void externalEntitiesAndEntityExpansionAreRefusedUnread() {
        String xxe = """
                <?xml version="1.0"?>
                <!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
                <rss version="2.0"><channel><title>&xxe;</title></channel></rss>
                """;
        String laughs = """
                <?xml version="1.0"?>
                <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
                 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
                <rss version="2.0"><channel><title>&lol3;</title></channel></rss>
                """;
        for (String hostile : List.of(xxe, laughs)) {
            assertThatThrownBy(() -> FeedDocument.split(hostile.getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOfSatisfying(Rejection.class,
                            r -> assertThat(r.reason()).isEqualTo(RejectReason.HOSTILE_XML))
                    .hasMessageContaining("DOCTYPE");
        }
    }

    @Test
    void brokenXmlAndNonFeedsAreMalformed() {
        assertThatThrownBy(() -> FeedDocument.split("<rss><channel>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED));
        assertThatThrownBy(() -> FeedDocument.split("<html><body/></html>".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED))
                .hasMessageContaining("not an RSS or Atom feed");
    }

    @Test
    void reliefWebApiPagesGiveReportsAndTheNextPage() throws Rejection {
        ReliefWebPage page = ReliefWebPage.read(
                SharedData.text("feeds/reliefweb_api_v1_reports_nepal_2020-09-17_10items.json"));
        assertThat(page.next()).contains("https://api.reliefweb.int/v1/reports?appname=thedeep.io&offset=10&limit=10");

        Normalising n = Normalising.of(page.splits(), SourceKind.NEWS_FEED, "reliefweb-api");
        assertThat(n.rejections).isEmpty();
        assertThat(n.reports).hasSize(10);
        assertThat(n.reports.get(0).id()).isEqualTo("news-feed:reliefweb-api:3670885");
        assertThat(n.reports.get(0).title()).startsWith("Nepal makes progress in human capital development");
        assertThat(n.reports.get(0).publishedAt()).isEqualTo(Instant.parse("2020-09-17T00:00:00Z"));
    }

    /** Atom puts a teaser in {@code <summary>} and the text in {@code <content>}, in either order. */
    @Test
    void anAtomEntrysContentIsItsBodyBeforeItsSummary() throws Rejection {
        String atom = """
                <?xml version="1.0" encoding="utf-8"?>
                <feed xmlns="http://www.w3.org/2005/Atom">
                  <title>Veille</title><id>urn:veille</id><updated>2024-10-02T08:00:00Z</updated>
                  <entry><id>urn:veille:1</id><title>Tensions au Mali</title><updated>2024-10-02T08:00:00Z</updated>
                    <summary>Affrontements à Kidal.</summary>
                    <content type="html">&lt;p&gt;Des affrontements ont opposé l'armée et des groupes armés à Kidal.&lt;/p&gt;</content>
                  </entry>
                  <entry><id>urn:veille:2</id><title>Mali</title><updated>2024-10-02T08:00:00Z</updated>
                    <content type="text">Le texte entier.</content>
                    <summary>Le résumé.</summary>
                  </entry>
                  <entry><id>urn:veille:3</id><title>Mali</title><updated>2024-10-02T08:00:00Z</updated>
                    <summary>Seulement un résumé.</summary>
                  </entry>
                </feed>
                """;
        Normalising n = Normalising.of(FeedDocument.split(atom.getBytes(StandardCharsets.UTF_8)), SourceKind.NEWS_FEED,
                "veille");
        assertThat(n.reports).extracting(Report::body).containsExactly(
                "Des affrontements ont opposé l'armée et des groupes armés à Kidal.", "Le texte entier.",
                "Seulement un résumé.");
    }

    @Test
    void crisisWatchEditionsInBothShapes() throws Rejection {
        Normalising edition = Normalising.of(
                CrisisWatchEdition.split(SharedData.text("crisiswatch/crisiswatch_2026-02_edition__pythia.json")),
                SourceKind.CRISIS_WATCH, "crisiswatch");
        assertThat(edition.rejections).isEmpty();
        assertThat(edition.reports).hasSize(83);
        Report afghanistan = edition.reports.stream().filter(r -> r.countries().equals(List.of("AFG"))).findFirst()
                .orElseThrow();
        assertThat(afghanistan.event().eventType()).isEqualTo("crisiswatch:deteriorated");
        assertThat(afghanistan.event().subEventType()).isEqualTo("conflict_risk");
        assertThat(afghanistan.publishedAt()).isEqualTo(Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(afghanistan.id()).isEqualTo("crisis-watch:crisiswatch:2026-02:AFG");
        assertThat(edition.reports).extracting(Report::id).doesNotHaveDuplicates();
        assertThat(edition.reports).filteredOn(r -> r.title().startsWith("Israel/Palestine"))
                .singleElement().satisfies(r -> assertThat(r.countries()).containsExactly("ISR", "PSE"));
        assertThat(edition.reports).filteredOn(r -> r.title().startsWith("India-Pakistan"))
                .singleElement().satisfies(r -> assertThat(r.countries()).containsExactly("IND", "PAK"));
        assertThat(edition.reports).filteredOn(r -> r.title().startsWith("South China Sea"))
                .singleElement().satisfies(r -> assertThat(r.id()).isEqualTo(
                        "crisis-watch:crisiswatch:2026-02:South China Sea"));

        Normalising text = Normalising.of(CrisisWatchEdition.split(
                SharedData.text("crisiswatch/crisiswatch_text_2024-10_to_12_5countries__uchindami.json")),
                SourceKind.CRISIS_WATCH, "crisiswatch");
        assertThat(text.rejections).isEmpty();
        assertThat(text.reports).hasSize(10).allSatisfy(r -> assertThat(r.countries()).isNotEmpty());
        assertThat(text.reports).filteredOn(r -> r.title().startsWith("China/Japan"))
                .allSatisfy(r -> assertThat(r.countries()).containsExactly("CHN", "JPN"));
        assertThat(text.reports).extracting(Report::id).doesNotHaveDuplicates();
    }

    /**
     * Every entry of a real edition ends as a report or a rejection, each under its own id, however many
     * entries share a country: the conflict-risk alert on Ethiopia and the regional Nile entry filed
     * under Ethiopia are two reports.
     */
    @Test
    void everyCrisisWatchEntryEndsAsAReportOrARejectionUnderItsOwnId() throws Exception {
        String json = SharedData.text("crisiswatch/crisiswatch_2026-02_edition__pythia.json");
        JsonNode edition = Json.mapper().readTree(json);
        List<String> alerts = new ArrayList<>();
        edition.path("conflict_risk_alerts").forEach(code -> alerts.add(code.asText()));
        long alertEntries = edition.path("entries").valueStream()
                .filter(e -> "conflict_risk".equals(e.path("alert_type").asText())).count();

        List<Split> splits = CrisisWatchEdition.split(json);
        Normalising n = Normalising.of(splits, SourceKind.CRISIS_WATCH, "crisiswatch");

        assertThat(n.reports.size() + n.rejections.size() + n.splitRejections.size())
                .isEqualTo(edition.path("entries").size()).isEqualTo(83);
        assertThat(splits).filteredOn(Split.Item.class::isInstance).map(s -> ((Split.Item) s).item().itemId())
                .doesNotHaveDuplicates();
        List<Report> alerted = n.reports.stream().filter(r -> "conflict_risk".equals(r.event().subEventType()))
                .toList();
        assertThat(alerted).hasSize((int) alertEntries);
        assertThat(alerted).flatExtracting(Report::countries).containsAll(alerts);
        assertThat(n.reports).filteredOn(r -> r.countries().contains("ETH")).hasSize(2);
    }

    /** Jackson keeps the last of two equal keys; every JSON a source delivers is read strictly instead. */
    @Test
    void aRepeatedKeyInAnySourcesJsonIsAConflictNamingTheKey() {
        assertConflict(() -> ReliefWebPage.read("{\"data\": [], \"data\": [{\"id\": \"1\"}]}"), "key 'data' (at /data)");
        assertConflict(() -> CrisisWatchEdition.split("{\"month\": \"February 2026\", \"entries\": [{\"iso3\": \"MLI\", "
                + "\"arrow\": \"deteriorated\", \"arrow\": \"improved\"}]}"), "key 'arrow' (at /entries/0/arrow)");
        RawItem item = RawItem.of("1", SourceKind.NEWS_FEED, "reliefweb-api",
                ReliefWebPage.REPORT_FORMAT, Instant.EPOCH, Classification.PUBLIC,
                "{\"id\": \"1\", \"fields\": {\"title\": \"t\", \"date\": {\"original\": \"2020-09-17\"}, "
                        + "\"date\": {\"original\": \"1999-01-01\"}}}");
        assertConflict(() -> ItemFormats.standard(nl.horizon.schema.Markings.standard()).toReport(item), "key 'date' (at /fields/date)");
        assertThatThrownBy(() -> ReliefWebPage.read("{\"data\": [}"))
                .isInstanceOfSatisfying(Rejection.class, r -> assertThat(r.reason()).isEqualTo(RejectReason.MALFORMED));
    }

    private static void assertConflict(ThrowingCallable read, String detail) {
        assertThatThrownBy(read)
                .isInstanceOfSatisfying(Rejection.class,
                        r -> assertThat(r.reason()).isEqualTo(RejectReason.CONFLICTING_FIELD))
                .hasMessageContaining(detail);
    }
}
