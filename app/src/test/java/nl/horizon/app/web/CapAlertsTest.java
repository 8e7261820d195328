package nl.horizon.app.web;

import nl.horizon.formats.CapDocument;
import nl.horizon.formats.ItemFormats;
import nl.horizon.formats.Rejection;
import nl.horizon.formats.Split;
import nl.horizon.schema.AlertFields;
import nl.horizon.schema.CapMessageType;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Detection;
import nl.horizon.schema.Lifecycle;
import nl.horizon.schema.Markings;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;
import nl.horizon.schema.Revision;
import nl.horizon.schema.RiskLevel;
import nl.horizon.schema.Signal;
import nl.horizon.schema.SourceKind;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Horizon's own CAP output, read back by Horizon's own CAP reader: what another Horizon makes of it. Every
 * alert in the feed ends as a report or a dead letter, and every revision of a signal lands on one report.
 */
class CapAlertsTest {

    private static final CapAlerts CAP = new CapAlerts("horizon.example.org", "https://horizon.example.org",
            Duration.ofDays(30));
    private static final LocalDate DAY = LocalDate.of(2012, 1, 17);

    private static Signal signal(String country, RiskLevel level, Classification tier, Revision revision) {
        return new Signal(country + ":public:" + DAY + ":new", country, DAY, Lifecycle.NEW, level, 61.5, 20.0,
                new Detection("negative-binomial-tail", "1", "security.armed-clash", 6, 0.4, 4.2, 50),
                List.of("post:bamako:1"), Set.of(SourceKind.POST, SourceKind.EVENT_DATA), tier, revision);
    }

    @Test
    void aRevisionReferencesEveryEarlierOneAndIsSentWhenItWasPublished() {
        Revision third = new Revision(1, DAY.plusDays(2), false).next(DAY.plusDays(5), false)
                .next(DAY.plusDays(9), false);

        String alert = CAP.alert(signal("MLI", RiskLevel.WARNING, Classification.PUBLIC, third));

        assertThat(alert).contains("<sender>horizon.example.org</sender>", "<msgType>Update</msgType>",
                "<identifier>horizon-MLI:public:2012-01-17:new-r3</identifier>",
                "<sent>2012-01-26T00:00:00-00:00</sent>", "<expires>2012-02-25T00:00:00-00:00</expires>",
                "<references>horizon.example.org,horizon-MLI:public:2012-01-17:new,2012-01-19T00:00:00-00:00 "
                        + "horizon.example.org,horizon-MLI:public:2012-01-17:new-r2,2012-01-22T00:00:00-00:00"
                        + "</references>");
    }

    @Test
    void anotherHorizonReadsTheCapFeedIntoOneReportPerSignalWhateverItsRevision() throws Rejection {
        Revision first = new Revision(1, DAY.plusDays(2), false);
        Signal mali = signal("MLI", RiskLevel.ALERT, Classification.PUBLIC, first);
        Signal maliWithdrawn = mali.withdrawn(first.next(DAY.plusDays(6), false));
        Signal chad = signal("TCD", RiskLevel.WATCH, Classification.PUBLIC, first.next(DAY.plusDays(3), false));
        Signal secret = signal("NER", RiskLevel.WARNING, Classification.SECRET, first);

        String feed = CAP.feed(List.of(mali, chad, secret), "Horizon signals");
        List<Split> splits = CapDocument.split(feed.getBytes(StandardCharsets.UTF_8));
        List<Report> reports = new ArrayList<>();
        List<Rejection> deadLetters = new ArrayList<>();
        for (Split split : splits) {
            if (split instanceof Split.Item item) {
                try {
                    reports.add(read(item));
                } catch (Rejection r) {
                    deadLetters.add(r);
                }
            } else {
                deadLetters.add(((Split.Rejected) split).rejection());
            }
        }

        long entries = Pattern.compile("<entry>").matcher(feed).results().count();
        assertThat(entries).isEqualTo(3);
        assertThat(reports.size() + deadLetters.size()).isEqualTo(entries);
        assertThat(deadLetters).singleElement().satisfies(r -> assertThat(r.detail())
                .as("a Restricted alert is refused from a feed configured public").contains("Restricted"));
        Report malian = reports.get(0);
        assertThat(malian.countries()).containsExactly("MLI");
        assertThat(malian.title()).isEqualTo("Mali: new alert");
        assertThat(malian.alert().sender()).isEqualTo("horizon.example.org");
        assertThat(malian.alert().severity()).isEqualTo("Extreme");
        assertThat(malian.alert().areaDesc()).isEqualTo("Mali");
        assertThat(malian.alert().geocodes()).contains(new AlertFields.Geocode("ISO3166-1-alpha-3", "MLI"));
        assertThat(malian.links()).containsExactly("https://horizon.example.org/#/signal/MLI%3Apublic%3A2012-01-17%3Anew");
        assertThat(reports.get(1).alert().msgType()).isEqualTo(CapMessageType.UPDATE);
        assertThat(reports.get(1).id()).as("an update is its first alert's report")
                .isEqualTo("crisis-watch:horizon-a:horizon.example.org,horizon-TCD:public:2012-01-17:new,"
                        + "2012-01-19T00:00:00Z");

        Split withdrawn = CapDocument.split(CAP.feed(List.of(maliWithdrawn), "t").getBytes(StandardCharsets.UTF_8))
                .get(0);
        Report cancelled = read((Split.Item) withdrawn);
        assertThat(cancelled.id()).isEqualTo(malian.id());
        assertThat(cancelled.alert().withdrawn()).isTrue();
    }

    private static Report read(Split.Item item) throws Rejection {
        return ItemFormats.standard(Markings.standard()).toReport(RawItem.of(item.item().itemId(),
                SourceKind.CRISIS_WATCH, "horizon-a", item.item().format(), Instant.parse("2026-11-23T00:00:00Z"),
                Classification.PUBLIC, item.item().payload()));
    }
}
