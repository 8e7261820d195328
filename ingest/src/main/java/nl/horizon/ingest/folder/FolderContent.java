package nl.horizon.ingest.folder;

import nl.horizon.schema.Labelled;
import nl.horizon.schema.SourceKind;

import java.util.Locale;

/** What a drop folder holds, which decides how its files are split into items. */
public enum FolderContent implements Labelled {
    /** Post situation reports, one per file ({@code .json} or {@code .txt}). */
    POSTS(SourceKind.POST),
    /** Coded event tables (ACLED or UCDP CSV, GDELT 1.0 TSV), one item per row; the table is recognised by its first line. */
    EVENT_TABLES(SourceKind.EVENT_DATA),
    /**
     * Structural country-year tables (World Bank bulk indicator CSV, Our World in Data CSV), one
     * {@code StructuralValue} per country-year on {@code horizon.structural.v1}; rejected rows are dead
     * letters of kind {@code event-data}, the kind of statistical tables.
     */
    STRUCTURAL_TABLES(SourceKind.EVENT_DATA),
    /**
     * Coup tables (Powell &amp; Thyne CSV), one {@code CoupAttempt} per row on {@code horizon.coups.v1};
     * rejected rows are dead letters of kind {@code event-data}, like a structural table's.
     */
    COUPS(SourceKind.EVENT_DATA);

    private final SourceKind sourceKind;

    FolderContent(SourceKind sourceKind) {
        this.sourceKind = sourceKind;
    }

    public SourceKind sourceKind() {
        return sourceKind;
    }

    /** The config value, e.g. {@code event-tables}. */
    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static FolderContent parse(String value) {
        return Labelled.parse(FolderContent.class, value);
    }
}
