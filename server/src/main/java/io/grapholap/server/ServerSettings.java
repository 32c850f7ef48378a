package io.grapholap.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The server's settings, read once from {@code GRAPHOLAP_*} environment variables, with embedded
 * defaults: data in {@code ./data}, H2 file databases for metadata and the demo source, port 8080.
 * {@code engine} is {@code GRAPHOLAP_ENGINE}, or null when it is not set: then application.yml's
 * {@code grapholap.engine} (the build's default engine) applies. A JWT secret that is not given is
 * generated once and kept in the data directory, readable by the owner only, so tokens survive
 * restarts.
 */
public record ServerSettings(
        Path dataDir,
        int port,
        String engine,
        String metadataUrl, String metadataUser, String metadataPassword,
        String sourceUrl, String sourceUser, String sourcePassword,
        boolean demoSource,
        String jwtSecret,
        String adminPassword,
        String internalApiKey,
        boolean devMode) {

    public static ServerSettings fromEnvironment(Map<String, String> env) {
        Path dataDir = Path.of(env.getOrDefault("GRAPHOLAP_DATA_DIR", "./data")).toAbsolutePath().normalize();
        try {
            Files.createDirectories(dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + dataDir, e);
        }
        String h2Options = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        // WRITE_DELAY=0: H2 otherwise writes commits to the file up to 500 ms later, and a killed
        // server loses them (a created instance or snapshot state change vanishes; CrashRestartTest).
        String metadataUrl = env.getOrDefault("GRAPHOLAP_METADATA_URL",
                "jdbc:h2:file:" + dataDir.resolve("metadata/grapholap") + h2Options + ";WRITE_DELAY=0");
        boolean demo = !env.containsKey("GRAPHOLAP_SOURCE_URL");
        String sourceUrl = env.getOrDefault("GRAPHOLAP_SOURCE_URL",
                "jdbc:h2:file:" + dataDir.resolve("source/demo") + h2Options);
        String jwtSecret = env.get("GRAPHOLAP_JWT_SECRET");
        if (jwtSecret == null || jwtSecret.isBlank()) {
            jwtSecret = storedSecret(dataDir.resolve("jwt-secret"));
        }
        return new ServerSettings(
                dataDir,
                Integer.parseInt(env.getOrDefault("GRAPHOLAP_PORT", "8080")),
                env.get("GRAPHOLAP_ENGINE"),
                metadataUrl, env.getOrDefault("GRAPHOLAP_METADATA_USER", "sa"), env.getOrDefault("GRAPHOLAP_METADATA_PASSWORD", ""),
                sourceUrl, env.getOrDefault("GRAPHOLAP_SOURCE_USER", "sa"), env.getOrDefault("GRAPHOLAP_SOURCE_PASSWORD", ""),
                demo,
                jwtSecret,
                env.get("GRAPHOLAP_ADMIN_PASSWORD"),
                env.get("GRAPHOLAP_INTERNAL_API_KEY"),
                Boolean.parseBoolean(env.getOrDefault("GRAPHOLAP_DEV_MODE", "false")));
    }

    /** The Micronaut properties these settings stand for. */
    public Map<String, Object> toProperties() {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("micronaut.server.port", port);
        p.put("grapholap.data-dir", dataDir.toString());
        if (engine != null) {
            p.put("grapholap.engine", engine);
        }
        p.put("datasources.default.url", metadataUrl);
        p.put("datasources.default.username", metadataUser);
        p.put("datasources.default.password", metadataPassword);
        p.put("grapholap.source.url", sourceUrl);
        p.put("grapholap.source.username", sourceUser);
        p.put("grapholap.source.password", sourcePassword);
        p.put("grapholap.source.demo", demoSource);
        p.put("micronaut.security.token.jwt.signatures.secret.generator.secret", jwtSecret);
        if (adminPassword != null) {
            p.put("grapholap.security.admin-password", adminPassword);
        }
        if (internalApiKey != null) {
            p.put("grapholap.security.internal-api-key", internalApiKey);
        }
        p.put("grapholap.security.dev-mode", devMode);
        return p;
    }

    /**
     * The snapshot store settings among {@code env}: {@code GRAPHOLAP_SNAPSHOT_STORE} (a directory, or
     * {@code s3://bucket/prefix}) and {@code GRAPHOLAP_S3_ENDPOINT}, {@code _REGION}, {@code _ACCESS_KEY},
     * {@code _SECRET_KEY}, {@code _PATH_STYLE_ACCESS}, {@code _CREATE_BUCKET}; only those given.
     */
    public static Map<String, Object> storeProperties(Map<String, String> env) {
        Map<String, Object> p = new LinkedHashMap<>();
        Map.of("GRAPHOLAP_SNAPSHOT_STORE", "grapholap.snapshot-store",
                "GRAPHOLAP_S3_ENDPOINT", "grapholap.s3.endpoint",
                "GRAPHOLAP_S3_REGION", "grapholap.s3.region",
                "GRAPHOLAP_S3_ACCESS_KEY", "grapholap.s3.access-key",
                "GRAPHOLAP_S3_SECRET_KEY", "grapholap.s3.secret-key",
                "GRAPHOLAP_S3_PATH_STYLE_ACCESS", "grapholap.s3.path-style-access",
                "GRAPHOLAP_S3_CREATE_BUCKET", "grapholap.s3.create-bucket").forEach((variable, key) -> {
                    if (env.get(variable) != null) {
                        p.put(key, env.get(variable));
                    }
                });
        return p;
    }

    private static String storedSecret(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file).trim();
            }
            byte[] bytes = new byte[48];
            new SecureRandom().nextBytes(bytes);
            String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            Files.writeString(file, secret, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                file.toFile().setReadable(false, false);
                file.toFile().setReadable(true, true);
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the JWT secret file " + file, e);
        }
    }
}
