package nl.horizon.formats;

import nl.horizon.schema.EventFields;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;

import java.util.List;

/**
 * A row of the UCDP Georeferenced Event Dataset: start date, country (UCDP's names, e.g.
 * "DR Congo (Zaire)"), type of violence, the best estimate of deaths, the source headline; the title
 * is built by {@link UcdpEventTitle}.
 */
final class UcdpGedEventFormat implements ItemFormat {

    private static final List<String> VIOLENCE = List.of("state-based", "non-state", "one-sided");

    @Override
    public String formatName() {
        return EventTable.UCDP_GED.itemFormat();
    }

    @Override
    public Report toReport(RawItem item) throws Rejection {
        ItemFields f = ItemFields.parse(item.payload());
        String typeCode = f.required("type_of_violence");
        int type;
        try {
            type = Integer.parseInt(typeCode);
        } catch (NumberFormatException e) {
            type = 0;
        }
        if (type < 1 || type > 3) {
            throw ItemFields.invalid("type_of_violence", typeCode, "1, 2 or 3");
        }
        String title = UcdpEventTitle.of(type, f);
        String body = f.text("source_headline").orElse("") + f.text("source_original").map(s -> " (" + s + ")")
                .orElse("");
        return ItemReports.of(item, f.countries("country"), "en", f.instant("date_start"), title, body.trim(),
                new EventFields(VIOLENCE.get(type - 1), null, f.count("best").orElse(null),
                null, null), List.of());
    }
}
