package nl.horizon.streams.text;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PhraseTest {

    @Test
    void aGapLetsUpToFourWordsStandBetween() {
        Phrase killed = Phrase.of("killed .. civilians");
        assertThat(killed.matchesAt(Words.of("killed civilians"), 0)).isTrue();
        assertThat(killed.matchesAt(Words.of("killed at least 12 civilians"), 0)).isTrue();
        assertThat(killed.endAt(Words.of("killed at least 12 civilians and"), 0)).isEqualTo(5);
        assertThat(killed.matchesAt(Words.of("killed at least 12 more unarmed civilians"), 0)).isFalse();
    }

    @Test
    void everyWordMayBeAPrefix() {
        Phrase arrests = Phrase.of("arrest* .. protest*");
        assertThat(arrests.matchesAt(Words.of("arrested 20 protesters"), 0)).isTrue();
        assertThat(arrests.matchesAt(Words.of("arrests of protesters"), 0)).isTrue();
        assertThat(Phrase.of("coup d'etat").endAt(Words.of("le coup d'État"), 1)).isEqualTo(4);
        assertThat(Phrase.of("clash*").matchesAt(Words.of("clashes"), 0)).isTrue();
        assertThat(Phrase.of("clash").matchesAt(Words.of("clashes"), 0)).isFalse();
    }

    @Test
    void aGapNeedsAWordOnEitherSide() {
        assertThatThrownBy(() -> Phrase.of(".. civilians")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Phrase.of("killed ..")).isInstanceOf(IllegalArgumentException.class);
    }
}
