package nl.horizon.streams.forecast;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;

/**
 * What a forecast reads about the world: monthly fatalities, land neighbours, coups and the structural
 * tables. The back-test answers from the files it replays, the streams application from the topics it
 * has read; {@link ForecastFeatures} computes the same features from either, so a forecast issued in the
 * pipeline is the forecast the back-test judged.
 */
public interface ForecastHistory {

    /** Fatalities of {@code country} in {@code month}, zero when none are known. */
    int deaths(String country, YearMonth month);

    /** The first month of the fatality history: months before it are unknown, not calm. */
    YearMonth firstMonth();

    /** The land neighbours of {@code country} (none for an island or an unknown code). */
    Set<String> neighbours(String country);

    /**
     * The days of the coup attempts in {@code country}, in any order; empty when this history has no source
     * of coups at all (the coup features are then missing, not zero).
     */
    Optional<List<LocalDate>> coups(String country);

    /** The value of {@code indicator} for {@code country} in the latest year up to {@code year} that has one. */
    OptionalDouble structural(StructuralIndicator indicator, String country, int year);
}
