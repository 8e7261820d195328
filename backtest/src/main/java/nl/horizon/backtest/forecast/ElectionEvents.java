package nl.horizon.backtest.forecast;

import nl.horizon.formats.ElectionCalendar;
import nl.horizon.formats.Rejection;
import nl.horizon.schema.RejectReason;
import nl.horizon.streams.forecast.ForecastFeatures;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * An election calendar file (REIGN's layout, {@link ElectionCalendar}) as the forecast's history reads it:
 * the events per country known by the end of {@code until} ({@link ForecastFeatures#knownFrom}), so a fit
 * up to 2009 reads no event that was not known in 2009. Rows naming no country (states that no longer
 * exist) are left out and listed; any other bad row fails the read, as for the coup table.
 */
public final class ElectionEvents {

    private ElectionEvents() {
    }

    /** ISO3 → the country's events known by the end of {@code until}; unmapped names are added to {@code unmapped}. */
    public static Map<String, List<ElectionCalendar.Event>> read(Path csv, YearMonth until, List<String> unmapped)
            throws IOException {
        ElectionCalendar.Read read;
        try {
            read = ElectionCalendar.read(csv.getFileName().toString(), Files.readString(csv));
        } catch (Rejection rejection) {
            throw new IOException(rejection.getMessage(), rejection);
        }
        for (ElectionCalendar.RejectedRow row : read.rejected()) {
            if (row.rejection().reason() != RejectReason.UNKNOWN_COUNTRY) {
                throw new IOException(csv + ": " + row.rejection().detail() + ": " + row.payload());
            }
            unmapped.add(row.country());
        }
        return read.events().stream().filter(e -> !ForecastFeatures.knownFrom(e).isAfter(until.atEndOfMonth()))
                .collect(Collectors.groupingBy(ElectionCalendar.Event::country));
    }
}
