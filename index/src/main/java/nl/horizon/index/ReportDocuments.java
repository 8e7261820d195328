package nl.horizon.index;

import nl.horizon.schema.DocumentKind;
import nl.horizon.schema.Json;
import nl.horizon.schema.Report;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.IntField;
import org.apache.lucene.document.LongField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.document.TextField;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * How a report is laid out in the index. The whole report is stored as JSON so that search returns the
 * exact record on the topic; the other fields exist to search, filter and sort.
 */
final class ReportDocuments {

    static final String ID = "id";
    static final String KIND = "kind";
    static final String COUNTRY = "country";
    static final String SOURCE_KIND = "source_kind";
    static final String CLASSIFICATION_RANK = "classification_rank";
    static final String PUBLISHED = "published";
    static final String TITLE = "title";
    static final String BODY = "body";
    static final String JSON = "json";

    private ReportDocuments() {
    }

    static Document of(Report report) {
        Document doc = new Document();
        doc.add(new StringField(ID, report.id(), Field.Store.YES));
        doc.add(new StringField(KIND, DocumentKind.REPORT.label(), Field.Store.NO));
        report.countries().forEach(c -> doc.add(new StringField(COUNTRY, c, Field.Store.NO)));
        doc.add(new StringField(SOURCE_KIND, report.sourceKind().label(), Field.Store.NO));
        doc.add(new IntField(CLASSIFICATION_RANK, report.classification().rank(), Field.Store.NO));
        doc.add(new LongField(PUBLISHED, report.publishedAt().toEpochMilli(), Field.Store.NO));
        doc.add(new TextField(TITLE, nullToEmpty(report.title()), Field.Store.YES));
        doc.add(new TextField(BODY, nullToEmpty(report.body()), Field.Store.YES));
        try {
            doc.add(new StoredField(JSON, Json.mapper().writeValueAsBytes(report)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return doc;
    }

    static Report report(Document doc) {
        try {
            return Json.mapper().readValue(doc.getBinaryValue(JSON).bytes, Report.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored report " + doc.get(ID) + " does not parse", e);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
