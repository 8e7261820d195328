package nl.horizon.schema;

/**
 * A record the search index keeps and gives back: a report, a signal, a risk point or a triage decision.
 * Sealed, so that a reader of search results switches on the type (a {@link Signal} is a signal) instead of
 * probing JSON for a field, and renaming a field breaks the compilation of every reader of it.
 */
public sealed interface Searchable permits Report, Signal, CountryRisk, TriageDecision {

    /** The kind of document it is indexed as. */
    DocumentKind kind();

    /** The classification it is shown under. */
    Classification classification();
}
