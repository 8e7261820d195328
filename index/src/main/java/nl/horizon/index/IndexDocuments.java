package nl.horizon.index;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Countries;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.DocumentKind;
import nl.horizon.schema.Json;
import nl.horizon.schema.Report;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;
import org.apache.lucene.facet.FacetsConfig;
import org.apache.lucene.facet.sortedset.SortedSetDocValuesFacetField;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;

/**
 * How each kind of document is laid out in the index. The whole record is stored as JSON so search
 * returns exactly what is on the topic; the other fields exist to search, filter, facet and sort.
 */
final class IndexDocuments {

    private static final FacetsConfig FACETS = IndexFields.facets();

    private IndexDocuments() {
    }

    static Document report(Report r) throws IOException {
        Document doc = common(r.id(), DocumentKind.REPORT, r.countries(), r.classification(), r.publishedAt(), r);
        facet(doc, IndexFields.SOURCE_KIND, List.of(r.sourceKind().label()));
        if (!r.caveats().isEmpty()) {
            doc.add(new StringField(IndexFields.CAVEATED, "yes", Field.Store.NO));
            doc.add(new StringField(IndexFields.CAVEAT_SET, String.join("+", r.caveats()), Field.Store.NO));
        }
        text(doc, nullToEmpty(r.title()), nullToEmpty(r.title()) + "\n" + nullToEmpty(r.body()), r.language());
        return FACETS.build(doc);
    }

    static Document signal(Signal s) throws IOException {
        Document doc = common(s.id(), DocumentKind.SIGNAL, List.of(s.country()), s.classification(), start(s.day()), s);
        facet(doc, IndexFields.LEVEL, List.of(s.level().label()));
        facet(doc, IndexFields.INDICATOR, List.of(s.detection().indicator()));
        facet(doc, IndexFields.SOURCE_KIND, s.sourceKinds().stream().map(k -> k.label()).toList());
        String title = s.headline();
        text(doc, title, title + "\n" + s.detection().indicator() + " " + s.lifecycle().label(), null);
        return FACETS.build(doc);
    }

    static Document risk(CountryRisk r) throws IOException {
        String series = r.country() + ":" + r.classification().label();
        Document doc = common(riskId(CountryRisk.key(r.country(), r.classification(), r.day())),
                DocumentKind.COUNTRY_RISK, List.of(r.country()),
                r.classification(), start(r.day()), r);
        doc.add(new StringField(IndexFields.SERIES, series, Field.Store.NO));
        facet(doc, IndexFields.LEVEL, List.of(r.level().label()));
        facet(doc, IndexFields.INDICATOR, r.contributions().stream().map(c -> c.indicator()).toList());
        String title = Countries.englishName(r.country()) + ": risk " + r.score() + " (" + r.level().label() + ")";
        text(doc, title, title, null);
        return FACETS.build(doc);
    }

    /** The id of the risk point published under a key of {@code horizon.country-risk.v1}. */
    static String riskId(String key) {
        return "risk:" + key;
    }

    /** A triage decision, under its signal's classification, findable by the signal's id. */
    static Document triage(TriageDecision t) throws IOException {
        Document doc = common("triage:" + t.id(), DocumentKind.TRIAGE, List.of(t.country()), t.classification(),
                t.decidedAt(), t);
        doc.add(new StringField(IndexFields.SIGNAL_ID, t.signalId(), Field.Store.NO));
        return FACETS.build(doc);
    }

    private static Document common(String id, DocumentKind kind, Collection<String> countries,
                                   Classification classification, Instant time, Object record) {
        Document doc = new Document();
        doc.add(new StringField(IndexFields.ID, id, Field.Store.YES));
        doc.add(new StringField(IndexFields.KIND, kind.label(), Field.Store.YES));
        facet(doc, IndexFields.KIND, List.of(kind.label()));
        countries.forEach(c -> doc.add(new StringField(IndexFields.COUNTRY, c, Field.Store.NO)));
        facet(doc, IndexFields.COUNTRY, countries);
        doc.add(new IntField(IndexFields.CLASSIFICATION_RANK, classification.rank(), Field.Store.NO));
        doc.add(new StringField(IndexFields.CLASSIFICATION, classification.label(), Field.Store.NO));
        facet(doc, IndexFields.CLASSIFICATION, List.of(classification.label()));
        doc.add(new LongField(IndexFields.TIME, time.toEpochMilli(), Field.Store.NO));
        try {
            doc.add(new StoredField(IndexFields.JSON, Json.mapper().writeValueAsBytes(record)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doc;
    }

    /**
     * The words to search: the title on its own, and title and body once as language-neutral text and once
     * in the document's language. Only {@code text} is stored (highlighting reads it, and the title is its
     * first line); storing the title and language field too wrote every report's words three times into
     * stored fields, which each refresh compressed and each merge copied again.
     */
    private static void text(Document doc, String title, String text, String language) {
        doc.add(new TextField(IndexFields.TITLE, title, Field.Store.NO));
        doc.add(new TextField(IndexFields.TEXT, text, Field.Store.YES));
        if (language != null && IndexFields.LANGUAGES.contains(language)) {
            doc.add(new TextField(IndexFields.text(language), text, Field.Store.NO));
        }
    }

    private static void facet(Document doc, String dim, Collection<String> values) {
        values.stream().distinct().forEach(v -> doc.add(new SortedSetDocValuesFacetField(dim, v)));
    }

    private static Instant start(LocalDate day) {
        return day.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
