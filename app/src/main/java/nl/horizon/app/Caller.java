package nl.horizon.app;

import nl.horizon.schema.Classification;

/**
 * Who is asking, and what they may see. Until authentication is in place every caller is anonymous and
 * cleared for public documents only, so no classified report can leak through an open endpoint.
 *
 * @param name      the account name
 * @param clearance the highest classification this caller may see
 */
public record Caller(String name, Classification clearance) {

    public static Caller anonymous() {
        return new Caller("anonymous", Classification.PUBLIC);
    }
}
