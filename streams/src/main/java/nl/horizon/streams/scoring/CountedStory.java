package nl.horizon.streams.scoring;

import java.util.Comparator;

/**
 * Which report stands for a story in a tier, on which day and with which value. When several reports tell
 * the same story, the same one must stand for it whatever order they arrived in: the smallest report id
 * wins, and between versions of one report (an export sent again with a corrected row) the larger value,
 * then the earlier day. Stored as {@code <epoch day>|<value>|<report id>}.
 *
 * @param day      epoch day the story is counted on
 * @param value    what it adds to its indicator
 * @param reportId the report that stands for it
 */
public record CountedStory(long day, double value, String reportId) {

    private static final Comparator<CountedStory> FIRST = Comparator.comparing(CountedStory::reportId)
            .thenComparing(Comparator.comparingDouble(CountedStory::value).reversed())
            .thenComparingLong(CountedStory::day);

    /** Whether this report, rather than {@code standing}, stands for the story. */
    public boolean beats(CountedStory standing) {
        return FIRST.compare(this, standing) < 0;
    }

    public String encode() {
        return day + "|" + value + "|" + reportId;
    }

    public static CountedStory parse(String encoded) {
        int first = encoded.indexOf('|');
        int second = encoded.indexOf('|', first + 1);
        return new CountedStory(Long.parseLong(encoded.substring(0, first)),
                Double.parseDouble(encoded.substring(first + 1, second)), encoded.substring(second + 1));
    }
}
