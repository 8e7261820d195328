package nl.horizon.app.web;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.proc.ConfigurableJWTProcessor;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import nl.horizon.schema.Classification;
import nl.horizon.schema.Markings;
import nl.horizon.schema.Identity;
import org.apache.kafka.common.config.ConfigException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.ParseException;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * People sign in through the organisation's identity provider (OIDC) and present its signed JWT as a
 * bearer token. The token is checked against the provider's published keys (a JWKS, fetched and cached
 * by Nimbus, or a file), its issuer, audience and expiry. Roles come from the {@code roles} claim and the
 * clearance from the {@code clearance} claim; a token without a clearance is public, one with an unknown
 * clearance is refused rather than guessed at. A person is their issuer and subject ({@link Identity#person});
 * {@code preferred_username} is only the name shown, since a person may pick one that is an account's.
 */
public final class PeopleTokens {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleTokens.class);
    private static final Set<JWSAlgorithm> ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
            JWSAlgorithm.RS512, JWSAlgorithm.PS256, JWSAlgorithm.ES256, JWSAlgorithm.ES384);
    /** Roles a person may hold; ingest roles belong to service accounts of posts and partners. */
    private static final Set<Role> PEOPLE_ROLES = EnumSet.of(Role.VIEWER, Role.ANALYST, Role.ADMIN);

    private final ConfigurableJWTProcessor<SecurityContext> processor;
    private final Markings markings;

    private PeopleTokens(ConfigurableJWTProcessor<SecurityContext> processor, Markings markings) {
        this.processor = processor;
        this.markings = markings;
    }

    /**
     * Validation against a JWKS.
     *
     * @param jwks     an {@code http(s)://} address of the provider's JWKS, or a file path; empty disables people tokens
     * @param issuer   the {@code iss} a token must carry
     * @param audience the {@code aud} a token must include
     * @param markings the caveats a {@code caveats} claim may name
     * @throws ConfigException when the JWKS file does not read or the address is not one
     */
    public static Optional<PeopleTokens> of(String jwks, String issuer, String audience, Markings markings) {
        if (jwks.isBlank()) {
            return Optional.empty();
        }
        JWKSource<SecurityContext> keys;
        try {
            keys = jwks.startsWith("http://") || jwks.startsWith("https://")
                    ? JWKSourceBuilder.create(new URI(jwks).toURL()).retrying(true).build()
                    : new ImmutableJWKSet<>(JWKSet.parse(Files.readString(Path.of(jwks))));
        } catch (IOException | ParseException | URISyntaxException | IllegalArgumentException e) {
            throw new ConfigException("cannot use the JWKS '" + jwks + "': " + e.getMessage());
        }
        if (issuer.isBlank() || audience.isBlank()) {
            throw new ConfigException("a JWKS needs security.oidc.issuer and security.oidc.audience too");
        }
        DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALGORITHMS, keys));
        processor.setJWTClaimsSetVerifier(new DefaultJWTClaimsVerifier<>(audience,
                new JWTClaimsSet.Builder().issuer(issuer).build(), Set.of("sub", "exp", "iat")));
        return Optional.of(new PeopleTokens(processor, markings));
    }

    /** Whether a bearer token looks like a JWT (three dot-separated parts) rather than an account token. */
    public static boolean looksLikeJwt(String token) {
        return token.chars().filter(c -> c == '.').count() == 2;
    }

    /**
     * The person a valid token names, until the token's expiry; empty when the signature, issuer, audience,
     * expiry or claims fail.
     */
    public Optional<Proof> authenticate(String token) {
        try {
            JWTClaimsSet claims = processor.process(token, null);
            Identity person = Identity.person(claims.getIssuer(), claims.getSubject(),
                    claims.getStringClaim("preferred_username"));
            return Optional.of(new Proof(new Caller(person, roles(claims), clearance(claims), caveats(claims)),
                    claims.getExpirationTime().toInstant()));
        } catch (ParseException | BadJOSEException | JOSEException | IllegalArgumentException e) {
            LOG.debug("refused a people token: {}", e.getMessage());
            return Optional.empty();
        }
    }

    private static Set<Role> roles(JWTClaimsSet claims) throws ParseException {
        List<String> claimed = claims.getStringListClaim("roles");
        Set<Role> roles = new HashSet<>();
        for (String role : claimed == null ? List.<String>of() : claimed) {
            try {
                Role parsed = Role.parse(role);
                if (PEOPLE_ROLES.contains(parsed)) {
                    roles.add(parsed);
                }
            } catch (IllegalArgumentException notOurs) {
                // a provider carries roles of other applications too; only Horizon's count
            }
        }
        return Set.copyOf(roles);
    }

    /** The caveats a person holds; a caveat the vocabulary does not know refuses the token, as a clearance does. */
    private Set<String> caveats(JWTClaimsSet claims) throws ParseException {
        List<String> claimed = claims.getStringListClaim("caveats");
        Set<String> caveats = new HashSet<>();
        for (String caveat : claimed == null ? List.<String>of() : claimed) {
            caveats.add(markings.caveat(caveat));
        }
        return caveats;
    }

    private static Classification clearance(JWTClaimsSet claims) throws ParseException {
        String clearance = claims.getStringClaim("clearance");
        return clearance == null ? Classification.PUBLIC : Classification.parse(clearance);
    }
}
