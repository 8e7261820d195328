package nl.horizon.schema;

import java.time.LocalDate;

/**
 * Bookkeeping of a result that late input may change: a risk point or a signal is published again, with
 * the next number, whenever input that arrives later (an older export, a late post) changes it. The
 * content of the latest revision depends only on the input received, never on its order; this record
 * is the part that does depend on when things arrived, so consumers that compare results leave it out.
 *
 * @param number     1 for the first publication; revision {@code n > 1} replaces revision {@code n - 1} of
 *                   the same id (the record's key)
 * @param knownAsOf  the event-time day the result's classification tier had reached when it was
 *                   published: what "as known at the time" means
 * @param historical the result is for a day that lay more than {@code historical.after.days} behind
 *                   {@code knownAsOf}: a back-fill, recorded and searchable, but not news for the meeting
 */
public record Revision(int number, LocalDate knownAsOf, boolean historical) {

    public Revision {
        if (number < 1) {
            throw new IllegalArgumentException("revision number " + number + " is not valid; expected 1 or more");
        }
    }
}
