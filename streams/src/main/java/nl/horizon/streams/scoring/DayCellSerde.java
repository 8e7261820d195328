package nl.horizon.streams.scoring;

import nl.horizon.schema.JsonSerde;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serializer;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Map;
import java.util.TreeSet;

/**
 * The state stores' encoding of a {@link DayCell}: a format byte, the story count, the total, then the
 * evidence ids and source kinds, each as a count and its strings (length-prefixed UTF-8). The detector writes a cell for every
 * observation in every tier it reaches, and writing it as JSON took a quarter of that write
 * ({@code BENCHMARKS.md}, "the detector's state"). Cells are internal: no other process reads them.
 *
 * <p>Stores and changelogs written before this encoding hold JSON objects; a value that begins with
 * {@code '{'} is read as one, so a Horizon upgraded in place restores its scoring state.
 */
public final class DayCellSerde implements Serde<DayCell>, Serializer<DayCell>, Deserializer<DayCell> {

    /** The first byte of every cell in this encoding; never {@code '{'}. */
    static final byte FORMAT = 1;
    private static final JsonSerde<DayCell> EARLIER = JsonSerde.of(DayCell.class);

    @Override
    public byte[] serialize(String topic, DayCell cell) {
        if (cell == null) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + 32 * cell.evidence.size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeInt(cell.stories);
            out.writeDouble(cell.total);
            writeStrings(out, cell.evidence);
            writeStrings(out, cell.kinds);
        } catch (IOException e) {
            throw new SerializationException("cannot write a day cell for " + topic, e);
        }
        return bytes.toByteArray();
    }

    @Override
    public DayCell deserialize(String topic, byte[] data) {
        if (data == null) {
            return null;
        }
        if (data.length > 0 && data[0] == '{') {
            return EARLIER.deserialize(topic, data);
        }
        if (data.length == 0 || data[0] != FORMAT) {
            throw new SerializationException("not a day cell on " + topic + ": format byte "
                    + (data.length == 0 ? "missing" : Byte.toString(data[0])));
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(data, 1, data.length - 1))) {
            DayCell cell = new DayCell();
            cell.stories = in.readInt();
            cell.total = in.readDouble();
            cell.evidence = readStrings(in, new ArrayList<>());
            cell.kinds = readStrings(in, new TreeSet<>());
            if (in.available() > 0) {
                throw new SerializationException("not a day cell on " + topic + ": " + in.available()
                        + " bytes after its end");
            }
            return cell;
        } catch (IOException e) {
            throw new SerializationException("cannot read a day cell on " + topic, e);
        }
    }

    /** A count, then each string as its length in UTF-8 bytes and those bytes (no 64 KB limit, unlike writeUTF). */
    private static void writeStrings(DataOutputStream out, Collection<String> strings) throws IOException {
        out.writeInt(strings.size());
        for (String string : strings) {
            byte[] utf8 = string.getBytes(StandardCharsets.UTF_8);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    /** Reads what {@link #writeStrings} wrote; a count or length the bytes left cannot hold is corrupt input. */
    private static <C extends Collection<String>> C readStrings(DataInputStream in, C strings) throws IOException {
        int count = in.readInt();
        if (count < 0 || count > in.available() / Integer.BYTES) {
            throw new IOException("a count of " + count + " strings in " + in.available() + " bytes");
        }
        for (int i = 0; i < count; i++) {
            int length = in.readInt();
            if (length < 0 || length > in.available()) {
                throw new IOException("a string of " + length + " bytes in " + in.available());
            }
            strings.add(new String(in.readNBytes(length), StandardCharsets.UTF_8));
        }
        return strings;
    }

    @Override
    public Serializer<DayCell> serializer() {
        return this;
    }

    @Override
    public Deserializer<DayCell> deserializer() {
        return this;
    }

    @Override
    public void configure(Map<String, ?> configs, boolean isKey) {
        // nothing to configure: the encoding is fixed
    }

    @Override
    public void close() {
        // nothing held
    }
}
