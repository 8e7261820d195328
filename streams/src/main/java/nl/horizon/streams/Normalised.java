package nl.horizon.streams;

import nl.horizon.schema.DeadLetter;
import nl.horizon.schema.Report;

/** What normalising one raw item gave: a report, or a dead letter saying why not. */
sealed interface Normalised {

    record Accepted(Report report) implements Normalised {
    }

    record Rejected(DeadLetter deadLetter) implements Normalised {
    }
}
