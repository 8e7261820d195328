package nl.horizon.formats;

import nl.horizon.schema.RejectReason;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Item bytes to text, with the limits every entry point applies: a maximum size and strict UTF-8
 * (malformed bytes are rejected, never replaced, so no text is silently altered).
 */
public final class ItemText {

    private ItemText() {
    }

    /** Rejects a size over the limit before anything is read. */
    public static void checkSize(long size, int maxBytes) throws Rejection {
        if (size > maxBytes) {
            throw new Rejection(RejectReason.OVERSIZED, size + " bytes is over the limit of " + maxBytes + " bytes");
        }
    }

    /** Decodes strict UTF-8 (a leading byte-order mark is dropped). */
    public static String decode(byte[] bytes, int maxBytes) throws Rejection {
        checkSize(bytes.length, maxBytes);
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return text.startsWith("\uFEFF") ? text.substring(1) : text;
        } catch (CharacterCodingException e) {
            throw new Rejection(RejectReason.BAD_ENCODING, "not valid UTF-8: " + e.getMessage(), e);
        }
    }
}
