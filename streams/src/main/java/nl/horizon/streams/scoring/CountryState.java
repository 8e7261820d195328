package nl.horizon.streams.scoring;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Observation;

import java.util.Map;
import java.util.TreeMap;

/**
 * Scoring state of one country: a {@link TierState} per clearance tier. An observation enters its own
 * tier and every tier above it; a tier is created when its first observation arrives, as a copy of the
 * tier below it. So the public tier is computed from public reports only, and a user cleared for
 * secret sees a score that also weighs the secret ones; no score shown to someone was shaped by a
 * report they may not see.
 */
public final class CountryState {

    public TreeMap<Classification, TierState> tiers = new TreeMap<>();

    /**
     * Takes in an observation.
     *
     * @return false when every tier had already counted its story
     */
    public boolean add(Observation o, long day, int evidenceMax, String input, long offset) {
        Classification own = o.classification();
        if (!tiers.containsKey(Classification.PUBLIC)) {
            tiers.put(Classification.PUBLIC, new TierState());
        }
        if (!tiers.containsKey(own)) {
            TierState below = tiers.get(tiers.lowerKey(own));
            tiers.put(own, below.copy());
        }
        boolean added = false;
        for (Map.Entry<Classification, TierState> tier : tiers.entrySet()) {
            if (tier.getKey().rank() >= own.rank()) {
                added |= tier.getValue().add(o, day, evidenceMax, input, offset);
            }
        }
        return added;
    }
}
