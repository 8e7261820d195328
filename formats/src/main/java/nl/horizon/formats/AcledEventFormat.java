package nl.horizon.formats;

import nl.horizon.schema.EventFields;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Report;

import java.util.List;

/**
 * A row of ACLED's export: event date, country, event and sub-event type, fatalities, the notes, and the
 * marks its actor fields give ({@link AcledMarks}).
 */
final class AcledEventFormat implements ItemFormat {

    @Override
    public String formatName() {
        return EventTable.ACLED.itemFormat();
    }

    @Override
    public Report toReport(RawItem item) throws Rejection {
        ItemFields f = ItemFields.parse(item.payload());
        String eventType = f.required("event_type");
        String subType = f.text("sub_event_type").orElse(null);
        String place = f.text("location").orElse(f.text("admin1").orElse(""));
        String country = f.required("country");
        List<String> countries = f.countries("country");
        String title = (subType == null ? eventType : eventType + ": " + subType)
                + (place.isEmpty() ? "" : " in " + place) + ", " + country;
        return ItemReports.of(item, countries, "en", f.instant("event_date"), title, f.text("notes").orElse(""),
                new EventFields(eventType, subType, f.count("fatalities").orElse(null), null, null, null,
                        AcledMarks.of(f, eventType, subType, countries)),
                List.of());
    }
}
