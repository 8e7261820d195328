package nl.horizon.streams;

/**
 * An epoch day written so that keys sort by day in a state store, negative days (before 1970) included:
 * the day plus an offset, zero-padded to ten digits.
 */
final class SortableDay {

    private static final long OFFSET = 1_000_000_000L;

    private SortableDay() {
    }

    static String of(long day) {
        return String.format("%010d", day + OFFSET);
    }

    static long parse(String text) {
        return Long.parseLong(text) - OFFSET;
    }
}
