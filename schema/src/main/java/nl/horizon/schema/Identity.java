package nl.horizon.schema;

/**
 * Who acts, in a namespace that says where the identity comes from, so that a person and an account
 * can never be taken for each other. An account of {@code config/accounts.yaml} is
 * {@code account:<name>}; a person signed in by the identity provider is {@code <issuer>#<subject>}
 * (the token's {@code iss} and {@code sub}, which the provider guarantees unique and stable). The
 * person's {@code preferred_username} is only the name shown: anyone can choose one that looks like an
 * account's name, so it never keys anything. Saved queries, their matches and audit events are keyed
 * by {@link #id()}.
 *
 * @param id   the namespaced identity: what owns data and what the audit names
 * @param name what to show a reader; not unique
 */
public record Identity(String id, String name) {

    /** The namespace of accounts. */
    public static final String ACCOUNT = "account:";
    /** Between a person's issuer and subject. */
    private static final char ISSUER_SUBJECT = '#';

    /** An account of the accounts file. */
    public static Identity account(String name) {
        return new Identity(ACCOUNT + name, name);
    }

    /**
     * A person of the identity provider.
     *
     * @param preferredUsername the name to show; the subject when the token has none
     */
    public static Identity person(String issuer, String subject, String preferredUsername) {
        if (issuer == null || issuer.isBlank() || subject == null || subject.isBlank()) {
            throw new IllegalArgumentException("a person's token needs an issuer and a subject");
        }
        if (issuer.startsWith(ACCOUNT)) {
            throw new IllegalArgumentException("an issuer may not start with '" + ACCOUNT + "'");
        }
        return new Identity(issuer + ISSUER_SUBJECT + subject,
                preferredUsername == null || preferredUsername.isBlank() ? subject : preferredUsername);
    }

    /**
     * The identity an owner stored on a topic stands for. Saved queries and matches written before
     * identities had namespaces name their owner plainly; such a name is read as an account's
     * ({@code account:<name>}), because until people signed in through the identity provider only
     * accounts saved queries. A person's old queries (stored under a {@code preferred_username}) thus
     * belong to no person any more and must be saved again; see {@code docs/decisions.md}.
     */
    public static String owner(String stored) {
        return stored.startsWith(ACCOUNT) || stored.indexOf(ISSUER_SUBJECT) >= 0 ? stored : ACCOUNT + stored;
    }
}
