package io.grapholap.rest.security;

import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTParser;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import java.text.ParseException;
import java.time.Instant;
import java.util.Date;

/**
 * Why the credential a refused call carried authenticated nobody, read from the call itself when no
 * fetcher recorded a reason ({@link Authentications#refuse}): no credential at all, an
 * {@code Authorization} header of an unknown form, a bearer token that is not a JWT, an access token
 * that has expired, or one whose signature, issuer or start time this server does not accept. The
 * token is only parsed, never trusted: its signature was already checked and failed.
 */
public final class CredentialProblems {

    static final String MISSING = "no credentials: send Authorization: Bearer <access token or API key>, "
            + "Basic credentials, or X-Internal-Api-Key";

    private static final String BEARER = "Bearer ";
    private static final String BASIC = "Basic ";

    private CredentialProblems() {
    }

    public static String describe(HttpRequest<?> request, Instant now) {
        String header = request.getHeaders().get(HttpHeaders.AUTHORIZATION);
        if (header == null) {
            return request.getHeaders().contains(InternalApiKeyAuthenticationFetcher.HEADER)
                    ? "the X-Internal-Api-Key header does not match this server's internal key (or none is configured)"
                    : MISSING;
        }
        if (header.regionMatches(true, 0, BASIC, 0, BASIC.length())) {
            return "the Basic credentials do not match an enabled account (wrong username or password, or not base64 'user:password')";
        }
        if (!header.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return "malformed Authorization header: expected 'Bearer <access token or API key>' or 'Basic <credentials>'";
        }
        String token = header.substring(BEARER.length()).trim();
        if (token.isEmpty()) {
            return "malformed Authorization header: 'Bearer' without a token";
        }
        JWT jwt;
        try {
            jwt = JWTParser.parse(token);
        } catch (ParseException e) {
            return "malformed bearer token: neither an API key (gok_…) nor an access token (a JWT from POST /api/auth/login)";
        }
        try {
            Date expires = jwt.getJWTClaimsSet().getExpirationTime();
            if (expires == null) {
                return "the access token has no expiry (exp); log in again (POST /api/auth/login) for a token of this server";
            }
            if (!expires.toInstant().isAfter(now)) {
                return "the access token expired at " + expires.toInstant() + "; log in again (POST /api/auth/login)";
            }
        } catch (ParseException e) {
            return "malformed access token: its claims are not a JSON object";
        }
        return "the access token was not issued by this server: its signature, issuer (iss) or start time (nbf) "
                + "does not check; log in again (POST /api/auth/login)";
    }
}
