package io.grapholap.rest.security;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.security.token.Claims;
import io.micronaut.security.token.jwt.validator.ExpirationJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.GenericJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.IssuerJwtClaimsValidator;
import io.micronaut.security.token.jwt.validator.JwtClaimsValidatorConfiguration;
import jakarta.inject.Singleton;

/**
 * What an access token must carry besides a valid signature, checked by Micronaut Security's JWT
 * claims validators: {@code sub} (the library's own validator), {@code nbf} not in the future (the
 * library's, switched on in {@code application.yml}), and the two below, which make the library's
 * checks strict: {@code exp} present and not past, and {@code iss} exactly this server's issuer.
 * Tokens this server issues carry all of them.
 */
final class AccessTokenClaims {

    private AccessTokenClaims() {
    }

    /** The library's expiry check passes a token without {@code exp}, which would never expire. */
    @Singleton
    @Replaces(ExpirationJwtClaimsValidator.class)
    static final class RequiredExpiration<T> extends ExpirationJwtClaimsValidator<T> {

        @Override
        public boolean validate(Claims claims, T request) {
            return claims.contains(Claims.EXPIRATION_TIME) && super.validate(claims, request);
        }
    }

    /**
     * The library's issuer check accepts any issuer the configured one ends with ("" and "olap" pass
     * for "grapholap"), which suits OpenID providers behind varying URLs but not our own tokens.
     */
    @Singleton
    @Replaces(IssuerJwtClaimsValidator.class)
    @Requires(property = IssuerJwtClaimsValidator.ISSUER_PROP)
    static final class ExactIssuer<T> implements GenericJwtClaimsValidator<T> {

        private final String issuer;

        ExactIssuer(JwtClaimsValidatorConfiguration configuration) {
            this.issuer = configuration.getIssuer();
        }

        @Override
        public boolean validate(Claims claims, T request) {
            return issuer.equals(claims.get(Claims.ISSUER));
        }
    }
}
