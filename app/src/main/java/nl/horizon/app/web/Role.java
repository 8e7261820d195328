package nl.horizon.app.web;

import nl.horizon.schema.Labelled;
import java.util.Locale;

/** What an account may do. */
public enum Role implements Labelled {
    /** Reads the dashboard, search and signals. */
    VIEWER,
    /** A viewer who also triages signals and saves queries. */
    ANALYST,
    /** Runs the system: a reader who, when cleared for secret, also reads the metrics. */
    ADMIN,
    /** An NGO partner that pushes reports as itself. */
    INGEST_PARTNER,
    /** A post of the diplomatic network that pushes situation reports as itself. */
    INGEST_POST;

    @Override
    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    static Role parse(String value) {
        return Labelled.parse(Role.class, value);
    }
}
