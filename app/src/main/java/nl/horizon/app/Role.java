package nl.horizon.app;

import java.util.Arrays;
import java.util.Locale;

/** What an account may do. */
public enum Role {
    /** Reads the dashboard, search and signals. */
    VIEWER,
    /** A viewer who also triages signals and saves queries. */
    ANALYST,
    /** Manages the system. */
    ADMIN,
    /** An NGO partner that pushes reports as itself. */
    INGEST_PARTNER,
    /** A post of the diplomatic network that pushes situation reports as itself. */
    INGEST_POST;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Role parse(String value) {
        for (Role role : values()) {
            if (role.label().equals(value)) {
                return role;
            }
        }
        throw new IllegalArgumentException("unknown role '" + value + "'; expected one of "
                + Arrays.stream(values()).map(Role::label).toList());
    }
}
