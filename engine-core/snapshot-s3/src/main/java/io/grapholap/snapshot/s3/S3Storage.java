package io.grapholap.snapshot.s3;

import java.nio.file.Path;
import java.time.Duration;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * One connection to the object store (owns the SDK client; close it at shutdown) and the snapshot
 * stores under its prefix. {@link #open} checks at once that the bucket can be reached, so a wrong
 * endpoint, bucket or credential stops start-up rather than the first export.
 */
public final class S3Storage implements AutoCloseable {

    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(60);

    private final S3Client client;
    private final S3Settings settings;

    private S3Storage(S3Client client, S3Settings settings) {
        this.client = client;
        this.settings = settings;
    }

    /**
     * Connects and checks the bucket (creating it when {@link S3Settings#createBucket()} says so).
     *
     * @throws IllegalStateException naming the bucket and endpoint when the bucket is missing or
     *                               cannot be reached
     */
    public static S3Storage open(S3Settings settings) {
        AwsCredentialsProvider credentials = settings.accessKey() == null
                ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(settings.accessKey(), settings.secretKey()));
        var builder = S3Client.builder()
                .httpClient(UrlConnectionHttpClient.builder().connectionTimeout(CONNECT_TIMEOUT).socketTimeout(SOCKET_TIMEOUT).build())
                .region(Region.of(settings.region()))
                .credentialsProvider(credentials)
                .forcePathStyle(settings.pathStyle())
                // We check sizes and SHA-256 against the manifest ourselves; S3-compatible servers differ
                // in the newer checksum headers, so send and demand them only where S3 requires them.
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        if (settings.endpoint() != null) {
            builder.endpointOverride(settings.endpoint());
        }
        S3Client client = builder.build();
        try {
            checkBucket(client, settings);
        } catch (RuntimeException e) {
            client.close();
            throw e;
        }
        return new S3Storage(client, settings);
    }

    private static void checkBucket(S3Client client, S3Settings settings) {
        String where = " at " + (settings.endpoint() == null ? "AWS region " + settings.region() : settings.endpoint().toString());
        try {
            client.headBucket(b -> b.bucket(settings.bucket()));
        } catch (NoSuchBucketException e) {
            if (!settings.createBucket()) {
                throw new IllegalStateException("bucket " + settings.bucket() + " does not exist" + where
                        + "; create it, or let the server create it", e);
            }
            try {
                client.createBucket(b -> b.bucket(settings.bucket()));
            } catch (SdkException c) {
                throw new IllegalStateException("cannot create bucket " + settings.bucket() + where + ": " + c.getMessage(), c);
            }
        } catch (S3Exception e) {
            throw new IllegalStateException("bucket " + settings.bucket() + where + " answered HTTP " + e.statusCode()
                    + (e.statusCode() == 403 ? " (check the access key and secret key)" : "") + ": " + e.getMessage(), e);
        } catch (SdkException e) {
            throw new IllegalStateException("cannot reach bucket " + settings.bucket() + where + ": " + e.getMessage(), e);
        }
    }

    /**
     * The snapshot store under {@code {prefix}{namespace}/} (such as {@code snapshots} or
     * {@code datasets}), with its node-local copies under {@code cacheRoot}.
     */
    public S3SnapshotStore store(String namespace, Path cacheRoot) {
        return new S3SnapshotStore(client, settings.bucket(), settings.prefix() + namespace + "/", cacheRoot);
    }

    public S3Settings settings() {
        return settings;
    }

    @Override
    public void close() {
        client.close();
    }
}
