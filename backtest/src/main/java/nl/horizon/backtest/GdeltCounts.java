package nl.horizon.backtest;

import nl.horizon.schema.Classification;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.Report;
import nl.horizon.schema.SourceKind;
import nl.horizon.streams.forecast.ReleaseCalendar;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * GDELT event counts per month and CAMEO code for one country ({@code MonthYear,EventCode,N_events}), as
 * coded-event reports that each stand for their month's count ({@code EventFields.events}), so the
 * product's taxonomy maps them as it maps live GDELT events ({@code cameo:NN}). Only the CAMEO roots the
 * taxonomy uses are replayed; the rest carry no indicator. Each month's counts are released with the
 * fatality totals ({@link ReleaseCalendar}), so each falls in one scoring window.
 */
public final class GdeltCounts {

    private static final List<String> ROOTS = List.of("14", "17", "18", "19", "20");

    private GdeltCounts() {
    }

    /** The reports of one country's counts within {@code from..to}. */
    public static List<Report> reports(String country, Path csv, YearMonth from, YearMonth to, ReleaseCalendar calendar)
            throws IOException {
        List<Report> reports = new ArrayList<>();
        List<String> lines = Files.readAllLines(csv);
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            if (cells.length < 3 || cells[1].length() < 2) {
                continue;
            }
            YearMonth month = YearMonth.of(Integer.parseInt(cells[0].substring(0, 4)),
                    Integer.parseInt(cells[0].substring(4, 6)));
            String root = cells[1].substring(0, 2);
            if (month.isBefore(from) || month.isAfter(to) || !ROOTS.contains(root)) {
                continue;
            }
            int n = Integer.parseInt(cells[2].trim());
            if (n > 0) {
                reports.add(new Report("event-data:gdelt-counts:" + country + "-" + month + "-" + cells[1],
                        SourceKind.EVENT_DATA, "gdelt-counts", List.of(country), "en",
                        calendar.release(month).atStartOfDay(ZoneOffset.UTC).toInstant(), "CAMEO " + cells[1] + ": " + n
                        + " events", "", Classification.PUBLIC, new EventFields(root, cells[1], null, cells[1], null, n),
                        List.of(), null, null));
            }
        }
        return reports;
    }
}
