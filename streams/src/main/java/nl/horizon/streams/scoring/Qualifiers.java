package nl.horizon.streams.scoring;

import nl.horizon.streams.text.Phrase;

import java.util.List;
import java.util.Map;

/**
 * Negation and hedging ({@code qualifiers} in {@code config/taxonomy.yaml}): a term found with one of these
 * cues within {@code window} words before it, in the same sentence, does not count. News says what did
 * not happen ("no casualties"), what is denied ("denied killing"), feared or threatened ("fears of renewed
 * fighting", "threatened to attack") as often as what did; counting those would raise alerts on words.
 * Idioms are phrases in which a term does not mean what it says ("fighting the virus", "anti-coup
 * protests", "heart attack"): a term inside one does not count there.
 *
 * @param window how many words before a term are looked at
 * @param cues   cue phrases per language
 * @param idioms idiom phrases per language
 */
public record Qualifiers(int window, Map<String, List<Phrase>> cues, Map<String, List<Phrase>> idioms) {

    /** No qualifiers: every term counts. */
    public static final Qualifiers NONE = new Qualifiers(0, Map.of(), Map.of());
}
