package nl.horizon.app.web;

import nl.horizon.schema.Classification;
import nl.horizon.schema.Identity;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** A browser session ends after its lifetime or when the token it was started from expires, whichever is first. */
class SessionsTest {

    private static final Instant SIGN_IN = Instant.parse("2026-11-20T08:00:00Z");
    private static final Caller PERSON = new Caller(Identity.person("https://idp.example", "e-1", "e.devries"), Set.of(Role.VIEWER), Classification.SECRET);

    /** A clock the test moves. */
    private static final class Hands extends Clock {
        private Instant now = SIGN_IN;

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private final Hands clock = new Hands();
    private final Sessions sessions = new Sessions(clock, false);

    private static String cookieHeader(Sessions.Session session) {
        return Sessions.COOKIE + "=" + session.id();
    }

    @Test
    void aSessionFromAPersonsTokenEndsWhenTheTokenExpires() {
        Sessions.Session session = sessions.start(new Proof(PERSON, SIGN_IN.plus(Duration.ofMinutes(10))));
        assertThat(sessions.cookie(session)).endsWith("Max-Age=600");

        clock.advance(Duration.ofMinutes(10).minusSeconds(1));
        assertThat(sessions.find(cookieHeader(session))).contains(session);
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.find(cookieHeader(session))).as("the JWT has expired").isEmpty();
    }

    @Test
    void aTokenThatOutlivesTheSessionDoesNotExtendIt() {
        Sessions.Session person = sessions.start(new Proof(PERSON, SIGN_IN.plus(Duration.ofDays(2))));
        Sessions.Session account = sessions.start(Proof.ofAccount(PERSON));
        assertThat(sessions.cookie(account)).endsWith("Max-Age=" + Sessions.LIFETIME.toSeconds());

        clock.advance(Sessions.LIFETIME.minusSeconds(1));
        assertThat(sessions.find(cookieHeader(person))).isPresent();
        assertThat(sessions.find(cookieHeader(account))).isPresent();
        clock.advance(Duration.ofSeconds(1));
        assertThat(sessions.find(cookieHeader(person))).isEmpty();
        assertThat(sessions.find(cookieHeader(account))).isEmpty();
    }
}
