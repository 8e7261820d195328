package nl.horizon.app.web;

import java.time.Instant;

/**
 * What a token proves: who the caller is, and until when. A browser session started from a token ends
 * no later than the token would, so signing in never stretches a person's short-lived JWT.
 *
 * @param caller  who presented the token
 * @param expires when the token stops proving it; {@link Instant#MAX} for an account token, which holds
 *                until it is removed from the accounts file
 */
public record Proof(Caller caller, Instant expires) {

    /** The proof of an account token, which has no expiry of its own. */
    static Proof ofAccount(Caller caller) {
        return new Proof(caller, Instant.MAX);
    }
}
