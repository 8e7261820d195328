package nl.horizon.streams.scoring;

import nl.horizon.schema.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DayCellSerdeTest {

    private final DayCellSerde serde = new DayCellSerde();

    @Test
    void aCellReadsBackAsItWasWritten() {
        DayCell cell = cell();
        DayCell read = serde.deserialize("t", serde.serialize("t", cell));
        assertSame(read, cell);
    }

    @Test
    void anEmptyCellReadsBackEmpty() {
        DayCell read = serde.deserialize("t", serde.serialize("t", new DayCell()));
        assertThat(read.empty()).isTrue();
        assertThat(read.evidence).isEmpty();
    }

    @Test
    void cellsStoredAsJsonByEarlierVersionsStillRead() {
        DayCell cell = cell();
        byte[] json = JsonSerde.of(DayCell.class).serialize("t", cell);
        assertSame(serde.deserialize("t", json), cell);
    }

    @Test
    void aValueInNeitherEncodingIsRefusedByName() {
        assertThatThrownBy(() -> serde.deserialize("scoring-cells", new byte[] {7, 0, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("not a day cell on scoring-cells");
        assertThatThrownBy(() -> serde.deserialize("scoring-cells", new byte[] {DayCellSerde.FORMAT, 0}))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cannot read a day cell");
    }

    @Test
    void aCorruptCountOrTrailingBytesAreRefusedNotTrustedWithMemory() {
        byte[] written = serde.serialize("t", cell());
        byte[] hugeCount = written.clone();
        hugeCount[13] = 0x7f; // the evidence count's high byte, after format (1), stories (4), total (8)
        assertThatThrownBy(() -> serde.deserialize("t", hugeCount))
                .isInstanceOf(SerializationException.class).hasMessageContaining("cannot read a day cell");
        byte[] longer = Arrays.copyOf(written, written.length + 2);
        assertThatThrownBy(() -> serde.deserialize("t", longer))
                .isInstanceOf(SerializationException.class).hasMessageContaining("2 bytes after its end");
    }

    @Test
    void anIdLongerThan64KilobytesIsWrittenWhole() {
        DayCell cell = new DayCell();
        cell.count("x".repeat(70_000) + "é", 1, 20);
        assertThat(serde.deserialize("t", serde.serialize("t", cell)).evidence).isEqualTo(cell.evidence);
    }

    @Test
    void nullIsADeletion() {
        assertThat(serde.serialize("t", null)).isNull();
        assertThat(serde.deserialize("t", null)).isNull();
    }

    private static DayCell cell() {
        DayCell cell = new DayCell();
        cell.count("acled:MLI:2012-01-17:a", 12.5, 20);
        cell.count("post:BAM/2012/0042 — Ségou", 3, 20);
        cell.kinds = new TreeSet<>(List.of("event-data", "post"));
        return cell;
    }

    private static void assertSame(DayCell read, DayCell cell) {
        assertThat(read.stories).isEqualTo(cell.stories);
        assertThat(read.total).isEqualTo(cell.total);
        assertThat(read.evidence).isEqualTo(cell.evidence);
        assertThat(read.kinds).isEqualTo(cell.kinds);
    }
}
