package nl.horizon.formats;

import java.util.HashMap;
import java.util.Map;

/**
 * Ids for the entries of one CrisisWatch document: edition and heading, and the occurrence number
 * where a heading repeats. Numbering by occurrence of the same heading, not by position in the whole
 * document, keeps an entry's id when an entry for another country is added or removed in a revised
 * edition.
 */
final class EntryIds {

    private final Map<String, Integer> seen = new HashMap<>();

    /** {@code 2026-02:ETH} for the first entry under a heading, {@code 2026-02:ETH:2} for the second. */
    String next(String edition, String heading) {
        int n = occurrence(edition, heading);
        return n == 1 ? edition + ":" + heading : edition + ":" + heading + ":" + n;
    }

    /** {@code 2024-12:Mali:1}, {@code 2024-12:Mali:2}: the text form numbers every entry. */
    String numbered(String edition, String heading) {
        return edition + ":" + heading + ":" + occurrence(edition, heading);
    }

    private int occurrence(String edition, String heading) {
        return seen.merge(edition + ":" + heading, 1, Integer::sum);
    }
}
