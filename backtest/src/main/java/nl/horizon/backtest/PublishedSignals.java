package nl.horizon.backtest;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The conflict alerts OCHA HDX Signals really published ({@code indicator_id = acled_conflict}: the
 * 30-day ACLED fatality total at a one- or three-year high), as a method of its own: dated the day
 * published, with the published total as its strength. They read ACLED, not the UCDP series the other
 * methods read, and start when ACLED's coverage does (1998 in this file), so in earlier years this method
 * is silent.
 */
public final class PublishedSignals {

    static final String CONFLICT = "acled_conflict";

    private PublishedSignals() {
    }

    /** The published conflict alerts in {@code csv} (HDX Signals' export: iso3, indicator_id, date, value). */
    public static List<Alert> conflictAlerts(Path csv) throws IOException {
        List<Alert> alerts = new ArrayList<>();
        try (MappingIterator<Map<String, String>> rows = new CsvMapper().readerForMapOf(String.class)
                .with(CsvSchema.emptySchema().withHeader()).readValues(Files.newBufferedReader(csv))) {
            while (rows.hasNext()) {
                Map<String, String> row = rows.next();
                if (CONFLICT.equals(row.get("indicator_id"))) {
                    String value = row.getOrDefault("value", "");
                    alerts.add(new Alert(row.get("iso3"), LocalDate.parse(row.get("date").substring(0, 10)),
                            value.isBlank() ? 0 : Double.parseDouble(value)));
                }
            }
        }
        return alerts;
    }
}
