package nl.horizon.app.views;

import nl.horizon.schema.Contribution;
import nl.horizon.schema.CountryRisk;
import nl.horizon.schema.RiskLevel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A country's score on one day of a daily series. Risk points are published only on days the score or level
 * changed; a chart whose x-axis skipped the others put May beside November, so the days between repeat the
 * point before them.
 *
 * @param changed whether a point was published for this day, or it repeats the last one
 */
public record DailyRisk(LocalDate day, double score, RiskLevel level, List<Contribution> contributions,
                        boolean changed) {

    /**
     * Every day from the first point (or {@code from}, if later) to the last, oldest first.
     *
     * @param points the published points, oldest first
     */
    public static List<DailyRisk> series(List<CountryRisk> points, LocalDate from) {
        List<DailyRisk> days = new ArrayList<>();
        if (points.isEmpty()) {
            return days;
        }
        LocalDate last = points.getLast().day();
        int next = 0;
        CountryRisk standing = null;
        for (LocalDate day = points.getFirst().day(); !day.isAfter(last); day = day.plusDays(1)) {
            boolean changed = false;
            while (next < points.size() && !points.get(next).day().isAfter(day)) {
                standing = points.get(next++);
                changed = standing.day().equals(day);
            }
            if (!day.isBefore(from)) {
                days.add(new DailyRisk(day, standing.score(), standing.level(), standing.contributions(), changed));
            }
        }
        return days;
    }
}
