package io.grapholap.snapshot.s3;

import java.net.URI;
import java.util.Locale;

/**
 * Where and how to reach the object store: bucket and key prefix (from {@code s3://bucket/prefix}),
 * an endpoint for S3-compatible servers (null for AWS), the region, static credentials (both null for
 * the SDK's default chain: environment, profile, instance role), path-style addressing (needed by
 * S3Proxy and MinIO), and whether a missing bucket is created at start.
 */
public record S3Settings(String bucket, String prefix, URI endpoint, String region, String accessKey, String secretKey,
                         boolean pathStyle, boolean createBucket) {

    public S3Settings {
        if (bucket == null || !bucket.matches("[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]")) {
            throw new IllegalArgumentException("bucket '" + bucket + "' is not a valid S3 bucket name");
        }
        prefix = normalise(prefix);
        if ((accessKey == null) != (secretKey == null)) {
            throw new IllegalArgumentException("give both the access key and the secret key, or neither");
        }
        if (region == null || region.isBlank()) {
            throw new IllegalArgumentException("region must not be blank");
        }
    }

    /** Whether {@code location} names an object store ({@code s3://…}) rather than a directory. */
    public static boolean isS3(String location) {
        return location != null && location.toLowerCase(Locale.ROOT).startsWith("s3://");
    }

    /** The bucket of {@code s3://bucket/prefix}. */
    public static String bucketOf(String location) {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? rest : rest.substring(0, slash);
    }

    /** The key prefix of {@code s3://bucket/prefix} ({@code ""} when there is none). */
    public static String prefixOf(String location) {
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        return slash < 0 ? "" : rest.substring(slash + 1);
    }

    /** {@code s3://bucket/prefix/} as given. */
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    private static String normalise(String prefix) {
        if (prefix == null) {
            return "";
        }
        String p = prefix.replaceAll("^/+", "").replaceAll("/+$", "");
        if (p.contains("//")) {
            throw new IllegalArgumentException("prefix '" + prefix + "' has an empty segment");
        }
        return p.isEmpty() ? "" : p + "/";
    }
}
