package nl.horizon.formats;

import nl.horizon.schema.Countries;
import nl.horizon.schema.EventFields;
import nl.horizon.schema.RawItem;
import nl.horizon.schema.Reasons;
import nl.horizon.schema.RejectReason;
import nl.horizon.schema.Report;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A GDELT event (1.0 or 2.0): date, CAMEO code, Goldstein scale, actors and where it happened. The country is
 * where the action took place (the last part of {@code ActionGeo_FullName}, since GDELT's geographic
 * codes are FIPS, not ISO); failing that, the actors' CAMEO country codes, which follow ISO alpha-3.
 * An event with no location at all has no country; one whose location names no known country is
 * rejected.
 */
final class GdeltEventFormat implements ItemFormat {

    @Override
    public String formatName() {
        return EventTable.GDELT.itemFormat();
    }

    @Override
    public Report toReport(RawItem item) throws Rejection {
        ItemFields f = ItemFields.parse(item.payload());
        String code = f.required("EventCode");
        String actors = f.text("Actor1Name").orElse("?") + " → " + f.text("Actor2Name").orElse("?");
        String place = f.text("ActionGeo_FullName").orElse("");
        String title = "CAMEO " + code + ": " + actors + (place.isEmpty() ? "" : " in " + place);
        List<String> links = f.text("SOURCEURL").map(List::of).orElse(List.of());
        return ItemReports.of(item, countries(f, place), null, f.instant("SQLDATE"), title, title, new EventFields(f.text("EventRootCode").orElse(null), f.text("EventBaseCode").orElse(null), null, code,
                        goldstein(f)), links);
    }

    private static List<String> countries(ItemFields f, String place) throws Rejection {
        if (!place.isEmpty()) {
            Optional<String> code = CountryNames.standard().alpha3OfPlace(place);
            if (code.isEmpty()) {
                throw new Rejection(RejectReason.UNKNOWN_COUNTRY, "ActionGeo_FullName: '" + Reasons.quote(place)
                        + "' names no known country");
            }
            return List.of(code.get());
        }
        List<String> codes = new ArrayList<>();
        for (String field : List.of("Actor1CountryCode", "Actor2CountryCode")) {
            f.text(field).filter(Countries::isAlpha3).filter(c -> !codes.contains(c)).ifPresent(codes::add);
        }
        return codes;
    }

    private static Double goldstein(ItemFields f) throws Rejection {
        Optional<Double> value = f.number("GoldsteinScale");
        if (value.isPresent() && (value.get() < -10 || value.get() > 10)) {
            throw ItemFields.invalid("GoldsteinScale", value.get().toString(), "a value from -10 to 10");
        }
        return value.orElse(null);
    }
}
