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
 * @param marks           marks of a coded event ({@code EventFields.marks}) that map to it as well; unlike a
 *                        type, a mark that is absent says nothing, so an indicator with marks and no events is
 *                        still read from a coded event's notes
 * @param except          marks that take a coded event out of it even where its type maps to it (an arrest
 *                        of foreign civilians is not repression)
 * @param yields          indicators whose terms, in the same sentence, take its terms' meaning: "12 dead" in a
 *                        sentence about a flood tells of the flood, not of violence
 * @param direction       whether its surprising rise raises the composite or relieves it
 */
public record Indicator(String id, double weight, double floor, boolean fatalityValued,
                        Map<String, List<Phrase>> terms, Set<String> events, Set<String> marks, Set<String> except,
                        Set<String> yields, Direction direction) {

    /** Whether it is evidence of de-escalation: it relieves a score, never raises one. */
    public boolean deEscalating() {
        return direction == Direction.DE_ESCALATION;
    }
}
