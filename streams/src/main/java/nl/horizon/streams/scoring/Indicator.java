package nl.horizon.streams.scoring;

import nl.horizon.streams.text.Phrase;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One indicator of the taxonomy ({@code config/taxonomy.yaml}).
 *
 * @param id              e.g. {@code security.armed-clash}
 * @param weight          0..1, how strongly it alone can raise the composite
 * @param floor           the least recent-window total that can count
 * @param fatalityValued  whether an observation's value is the report's fatality count
 * @param terms           lexicon per language
 * @param events          event types that map to it directly
 * @param direction       whether its surprising rise raises the composite or relieves it
 */
public record Indicator(String id, double weight, double floor, boolean fatalityValued,
                        Map<String, List<Phrase>> terms, Set<String> events, Direction direction) {

    /** Whether it is evidence of de-escalation: it relieves a score, never raises one. */
    public boolean deEscalating() {
        return direction == Direction.DE_ESCALATION;
    }
}
