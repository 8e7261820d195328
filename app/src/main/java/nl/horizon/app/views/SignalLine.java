package nl.horizon.app.views;

import nl.horizon.schema.Countries;
import nl.horizon.schema.Signal;
import nl.horizon.schema.TriageDecision;

/**
 * A signal with its country's name, its headline ({@link Signal#headline()}, the one wording everywhere)
 * and where triage left it (null: not yet triaged).
 */
public record SignalLine(Signal signal, String name, String headline, TriageDecision status) {

    public static SignalLine of(Signal signal, TriageDecision status) {
        return new SignalLine(signal, Countries.englishName(signal.country()), signal.headline(), status);
    }
}
