package io.grapholap.server.settings;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.core.bind.annotation.Bindable;
import java.net.URI;
import java.net.URISyntaxException;

/**
 * Settings under {@code grapholap.s3}, used when {@code grapholap.snapshot-store} is an
 * {@code s3://} URL: {@code endpoint} (an S3-compatible server such as {@code http://127.0.0.1:9000};
 * empty for AWS), {@code region} (us-east-1), {@code access-key} and {@code secret-key} (both, or
 * neither for the AWS SDK's default chain: environment, profile, instance role),
 * {@code path-style-access} (false; S3Proxy and MinIO need true), {@code create-bucket} (false: a
 * missing bucket stops start-up; true creates it).
 */
@Context
@ConfigurationProperties("grapholap.s3")
public record S3Properties(@Nullable String endpoint,
                           @Bindable(defaultValue = "us-east-1") String region,
                           @Nullable String accessKey,
                           @Nullable String secretKey,
                           @Bindable(defaultValue = "false") boolean pathStyleAccess,
                           @Bindable(defaultValue = "false") boolean createBucket) {

    private static final String P = "grapholap.s3.";

    public S3Properties {
        endpoint = blankToNull(endpoint);
        accessKey = blankToNull(accessKey);
        secretKey = blankToNull(secretKey);
        if (region == null || !region.trim().matches("[a-z0-9-]{1,64}")) {
            throw new ConfigurationException(P + "region must be a region name such as us-east-1, got '" + region + "'");
        }
        region = region.trim();
        if ((accessKey == null) != (secretKey == null)) {
            throw new ConfigurationException(P + "access-key and " + P + "secret-key must be given together (or neither, "
                    + "for the AWS default credentials)");
        }
        if (endpoint != null) {
            endpointUri(endpoint);
        }
    }

    /** The endpoint as a URI, or null for AWS. */
    public URI endpointUri() {
        return endpoint == null ? null : endpointUri(endpoint);
    }

    private static URI endpointUri(String endpoint) {
        try {
            URI uri = new URI(endpoint);
            if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
                throw new ConfigurationException(P + "endpoint must be an http:// or https:// URL with a host, got '" + endpoint + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new ConfigurationException(P + "endpoint is not a URL: '" + endpoint + "' (" + e.getMessage() + ")");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    @Override
    public String toString() {
        return "S3Properties[endpoint=" + endpoint + ", region=" + region + ", accessKey=" + accessKey
                + ", secretKey=" + (secretKey == null ? null : "****") + ", pathStyleAccess=" + pathStyleAccess
                + ", createBucket=" + createBucket + "]";
    }
}
