package nl.horizon.schema;

import java.util.Arrays;

/**
 * A constant with a wire or configuration name, such as {@code crisis-watch}. One parser serves every
 * such enum, with an error that names the bad value and the accepted ones.
 */
public interface Labelled {

    /** The name as written on the wire and in configuration. */
    String label();

    /**
     * The constant of {@code type} labelled {@code value}.
     *
     * @throws IllegalArgumentException naming the value and the accepted labels
     */
    static <E extends Enum<E> & Labelled> E parse(Class<E> type, String value) {
        for (E constant : type.getEnumConstants()) {
            if (constant.label().equals(value)) {
                return constant;
            }
        }
        throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + value + "'; expected one of "
                + Arrays.stream(type.getEnumConstants()).map(Labelled::label).toList());
    }
}
