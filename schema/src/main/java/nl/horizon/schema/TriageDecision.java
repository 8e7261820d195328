package nl.horizon.schema;

import java.time.Instant;

/**
 * An analyst's decision about a signal. Value of {@code horizon.triage.v1}, keyed by {@link #signalId()}.
 * Decisions are appended, never edited: the latest one is where the signal stands, the earlier ones are
 * its history.
 *
 * @param id             unique id of the decision
 * @param signalId       the signal decided on
 * @param country        the signal's country
 * @param outcome        acknowledged, escalated or dismissed
 * @param reason         why; required for a dismissal
 * @param analyst        who decided
 * @param decidedAt      when (wall clock: a human act, not an input to scoring)
 * @param classification the signal's classification: a decision is shown only to those who may see the signal
 */
public record TriageDecision(
        String id,
        String signalId,
        String country,
        TriageOutcome outcome,
        String reason,
        String analyst,
        Instant decidedAt,
        Classification classification) implements Searchable {

    @Override
    public DocumentKind kind() {
        return DocumentKind.TRIAGE;
    }
}
