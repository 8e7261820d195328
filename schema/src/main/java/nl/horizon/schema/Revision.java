package nl.horizon.schema;

import java.time.LocalDate;
import java.util.List;

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
 * @param earlier    the {@code knownAsOf} of revisions 1 to {@code number - 1}, oldest first, so that a message
 *                   about this revision can name every one before it (CAP {@code references}); kept for signals,
 *                   empty for risk points and for signals published before it was kept
 */
public record Revision(int number, LocalDate knownAsOf, boolean historical, List<LocalDate> earlier) {

    public Revision {
        if (number < 1) {
            throw new IllegalArgumentException("revision number " + number + " is not valid; expected 1 or more");
        }
        earlier = earlier == null ? List.of() : List.copyOf(earlier);
        if (earlier.size() >= number) {
            throw new IllegalArgumentException("revision " + number + " cannot follow " + earlier.size() + " earlier ones");
        }
    }

    /** A revision whose earlier ones are not kept. */
    public Revision(int number, LocalDate knownAsOf, boolean historical) {
        this(number, knownAsOf, historical, List.of());
    }

    /** The revision after this one, remembering when this one was known. */
    public Revision next(LocalDate nextKnownAsOf, boolean nextHistorical) {
        List<LocalDate> before = new java.util.ArrayList<>(earlier);
        before.add(knownAsOf);
        return new Revision(number + 1, nextKnownAsOf, nextHistorical, before);
    }
}
