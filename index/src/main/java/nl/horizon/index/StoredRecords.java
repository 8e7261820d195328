package nl.horizon.index;

import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.DocumentKind;
import nl.horizon.schema.Json;
import nl.horizon.schema.Report;
import nl.horizon.schema.Searchable;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;
import org.apache.lucene.util.BytesRef;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads the record a document stores back into its schema type, chosen by the document's kind: the one
 * place where stored JSON becomes a record, so that every reader of the index gets types, never JSON.
 */
final class StoredRecords {

    private StoredRecords() {
    }

    /** The record stored as {@code json} in a document of {@code kind}. */
    static Searchable read(String kind, BytesRef json) {
        return read(type(DocumentKind.parse(kind)), json);
    }

    /** The record stored as {@code json}, which must be a {@code type}. */
    static <T extends Searchable> T read(Class<T> type, BytesRef json) {
        try {
            return Json.mapper().readValue(json.bytes, json.offset, json.length, type);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored " + type.getSimpleName() + " does not read", e);
        }
    }

    /** The record type of a kind of document. */
    static Class<? extends Searchable> type(DocumentKind kind) {
        return switch (kind) {
            case REPORT -> Report.class;
            case SIGNAL -> Signal.class;
            case COUNTRY_RISK -> CountryRisk.class;
            case TRIAGE -> TriageDecision.class;
        };
    }

    /** The kind of document a record type is stored as. */
    static DocumentKind kind(Class<? extends Searchable> type) {
        for (DocumentKind kind : DocumentKind.values()) {
            if (type(kind) == type) {
                return kind;
            }
        }
        throw new IllegalArgumentException(type + " is not stored in the index");
    }
}
