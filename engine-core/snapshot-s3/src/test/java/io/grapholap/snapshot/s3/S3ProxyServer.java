package io.grapholap.snapshot.s3;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.gaul.s3proxy.AuthenticationType;
import org.gaul.s3proxy.S3Proxy;
import org.jclouds.ContextBuilder;
import org.jclouds.blobstore.BlobStoreContext;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A real S3-compatible server for tests: S3Proxy on a free loopback port, over an in-memory
 * ({@code transient}) or a directory ({@code filesystem}) blob store, with AWS signature checks
 * against {@link #ACCESS_KEY}/{@link #SECRET_KEY}. Close it to stop it.
 *
 * <p>{@link #main} runs one as a process of its own for scripts and multi-server tests:
 * {@code java -cp "engine-core/snapshot-s3/target/classes:engine-core/snapshot-s3/target/test-classes:$(cat engine-core/snapshot-s3/target/s3proxy.classpath)"
 * io.grapholap.snapshot.s3.S3ProxyServer [directory] [endpoint-file]} prints {@code S3PROXY_ENDPOINT=http://127.0.0.1:PORT}
 * (and writes the endpoint to {@code endpoint-file} when given) once it listens, and runs until killed.
 */
public final class S3ProxyServer implements AutoCloseable {

    public static final String ACCESS_KEY = "grapholap-test";
    public static final String SECRET_KEY = "grapholap-test-secret";

    private final BlobStoreContext context;
    private final S3Proxy proxy;

    private S3ProxyServer(BlobStoreContext context, S3Proxy proxy) {
        this.context = context;
        this.proxy = proxy;
    }

    /** Starts S3Proxy in memory ({@code directory} null) or over {@code directory}. */
    public static S3ProxyServer start(Path directory) throws Exception {
        Properties overrides = new Properties();
        String provider = "transient";
        if (directory != null) {
            Files.createDirectories(directory);
            overrides.setProperty("jclouds.filesystem.basedir", directory.toAbsolutePath().toString());
            provider = "filesystem";
        }
        BlobStoreContext context = ContextBuilder.newBuilder(provider).credentials("identity", "credential")
                .overrides(overrides).build(BlobStoreContext.class);
        S3Proxy proxy = S3Proxy.builder().blobStore(context.getBlobStore())
                .endpoint(URI.create("http://127.0.0.1:0"))
                .awsAuthentication(AuthenticationType.AWS_V2_OR_V4, ACCESS_KEY, SECRET_KEY)
                .build();
        try {
            proxy.start();
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!"STARTED".equals(proxy.getState())) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("S3Proxy did not start within 30 s (state " + proxy.getState() + ")");
                }
                Thread.sleep(5);
            }
        } catch (Exception | Error e) {
            proxy.stop();
            context.close();
            throw e;
        }
        return new S3ProxyServer(context, proxy);
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + proxy.getPort());
    }

    /** Settings for a store in {@code bucket} under {@code prefix} on this server. */
    public S3Settings settings(String bucket, String prefix, boolean createBucket) {
        return new S3Settings(bucket, prefix, endpoint(), "us-east-1", ACCESS_KEY, SECRET_KEY, true, createBucket);
    }

    /**
     * The {@code GRAPHOLAP_*} variables that point a server's snapshot store at {@code bucket}/{@code prefix}
     * on this S3Proxy (the bucket is created at start when missing).
     */
    public Map<String, String> serverEnvironment(String bucket, String prefix) {
        return Map.of("GRAPHOLAP_SNAPSHOT_STORE", "s3://" + bucket + "/" + prefix,
                "GRAPHOLAP_S3_ENDPOINT", endpoint().toString(),
                "GRAPHOLAP_S3_ACCESS_KEY", ACCESS_KEY,
                "GRAPHOLAP_S3_SECRET_KEY", SECRET_KEY,
                "GRAPHOLAP_S3_PATH_STYLE_ACCESS", "true",
                "GRAPHOLAP_S3_CREATE_BUCKET", "true");
    }

    /** A plain SDK client of this server, for tests that look at or tamper with the bucket; close it. */
    public S3Client client() {
        return S3Client.builder().endpointOverride(endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCESS_KEY, SECRET_KEY)))
                .build();
    }

    @Override
    public void close() throws Exception {
        try {
            proxy.stop();
        } finally {
            context.close();
        }
    }

    public static void main(String[] args) throws Exception {
        Path directory = args.length > 0 ? Path.of(args[0]) : null;
        S3ProxyServer server = start(directory);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception ignored) {
                // the process is ending
            }
            stopped.countDown();
        }, "s3proxy-shutdown"));
        if (args.length > 1) {
            writeEndpoint(Path.of(args[1]), server.endpoint().toString());
        }
        System.out.println("S3PROXY_ENDPOINT=" + server.endpoint());
        System.out.flush();
        stopped.await();
    }

    private static void writeEndpoint(Path file, String endpoint) throws IOException {
        Path temp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temp, endpoint + "\n", StandardCharsets.UTF_8);
        Files.move(temp, file, java.nio.file.StandardCopyOption.ATOMIC_MOVE, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }
}
