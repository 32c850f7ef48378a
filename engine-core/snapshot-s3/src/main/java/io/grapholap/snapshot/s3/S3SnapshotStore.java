package io.grapholap.snapshot.s3;

import io.grapholap.application.common.FileTrees;
import io.grapholap.application.graph.snapshot.SnapshotKeys;
import io.grapholap.application.graph.snapshot.SnapshotStore;
import io.grapholap.application.snapshot.DirectorySnapshotStore;
import io.grapholap.domain.error.SnapshotCorruptException;
import io.grapholap.snapshot.arrow.SnapshotManifest;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CommonPrefix;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * The snapshot store in an S3 bucket: snapshot {@code key} is the objects {@code {prefix}{key}/{file}}.
 * {@link #publish} uploads every data file and then {@code manifest.json}, so a snapshot without its
 * manifest (a publication cut short) is never visible. {@link #localCopy} downloads into a temporary
 * directory beside the node-local copy, checks each file's size and SHA-256 against the manifest as it
 * streams, and renames the directory into place; the copy is reused while the store's manifest is
 * byte for byte the one it was made from. Files up to 5 GiB each (one PUT per file).
 */
public final class S3SnapshotStore implements SnapshotStore {

    private static final String MANIFEST = SnapshotManifest.FILE_NAME;
    private static final int LOCK_STRIPES = 64;

    private final S3Client client;
    private final String bucket;
    private final String prefix;
    private final DirectorySnapshotStore local;
    private final ReentrantLock[] locks = new ReentrantLock[LOCK_STRIPES];

    S3SnapshotStore(S3Client client, String bucket, String prefix, Path cacheRoot) {
        this.client = client;
        this.bucket = bucket;
        this.prefix = prefix;
        this.local = new DirectorySnapshotStore(cacheRoot);
        Arrays.setAll(locks, i -> new ReentrantLock());
    }

    @Override
    public Path staging(String key) {
        return local.staging(key);
    }

    @Override
    public void publish(String key) {
        Path dir = staging(key);
        SnapshotManifest manifest = SnapshotManifest.read(dir);
        for (String file : files(manifest)) {
            Path path = dir.resolve(file);
            if (!Files.isRegularFile(path)) {
                throw new SnapshotCorruptException(file, "is missing in " + dir + " (listed in the manifest)");
            }
            call("upload " + file, () -> client.putObject(b -> b.bucket(bucket).key(object(key, file)), RequestBody.fromFile(path)));
        }
        call("upload " + MANIFEST, () -> client.putObject(b -> b.bucket(bucket).key(object(key, MANIFEST)),
                RequestBody.fromFile(dir.resolve(MANIFEST))));
    }

    @Override
    public Path localCopy(String key) {
        ReentrantLock lock = locks[Math.floorMod(key.hashCode(), LOCK_STRIPES)];
        lock.lock();
        try {
            byte[] remote = manifestBytes(key);
            Path copy = staging(key);
            Path cached = copy.resolve(MANIFEST);
            if (Files.isRegularFile(cached) && Arrays.equals(read(cached), remote)) {
                return copy;
            }
            download(key, remote, copy);
            return copy;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The current local copy when its manifest is the store's; else the manifest alone, written
     * (atomically) into {@code .<name>.manifest} beside where the copy goes, which {@link #delete}
     * removes with the copy.
     */
    @Override
    public Path manifestOnly(String key) {
        byte[] remote = manifestBytes(key);
        Path copy = staging(key);
        Path cached = copy.resolve(MANIFEST);
        if (Files.isRegularFile(cached) && Arrays.equals(read(cached), remote)) {
            return copy;
        }
        Path dir = manifestDirectory(key);
        try {
            Files.createDirectories(dir);
            Path temp = dir.resolve(MANIFEST + ".tmp-" + UUID.randomUUID());
            Files.write(temp, remote);
            Files.move(temp, dir.resolve(MANIFEST), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the manifest of " + url(key) + " in " + dir, e);
        }
    }

    private Path manifestDirectory(String key) {
        Path copy = staging(key);
        return copy.resolveSibling("." + copy.getFileName() + ".manifest");
    }

    private byte[] manifestBytes(String key) {
        try {
            return client.getObjectAsBytes(b -> b.bucket(bucket).key(object(key, MANIFEST))).asByteArray();
        } catch (NoSuchKeyException e) {
            throw new SnapshotCorruptException(MANIFEST, "missing in the store at " + url(key)
                    + " (not a snapshot, not finished, or deleted)");
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("cannot read " + url(key) + MANIFEST + ": " + e.getMessage(), e));
        }
    }

    private void download(String key, byte[] manifestBytes, Path copy) {
        Path temp = copy.resolveSibling("." + copy.getFileName() + ".tmp-" + UUID.randomUUID());
        try {
            Files.createDirectories(temp);
            Files.write(temp.resolve(MANIFEST), manifestBytes);
            SnapshotManifest manifest = SnapshotManifest.read(temp);
            for (SnapshotManifest.FileMeta f : metas(manifest)) {
                fetch(key, f, temp.resolve(f.file()));
            }
            FileTrees.delete(copy);
            Files.move(temp, copy, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + url(key) + " to " + copy, e);
        } finally {
            FileTrees.delete(temp);
        }
    }

    /** Streams one object to {@code target}, checking its size and SHA-256 against the manifest. */
    private void fetch(String key, SnapshotManifest.FileMeta f, Path target) throws IOException {
        MessageDigest digest = sha256();
        long size = 0;
        try (ResponseInputStream<GetObjectResponse> in = client.getObject(b -> b.bucket(bucket).key(object(key, f.file())));
             OutputStream out = Files.newOutputStream(target)) {
            byte[] buffer = new byte[1 << 16];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                size += n;
                if (size > f.bytes()) {
                    in.abort();
                    break;
                }
                digest.update(buffer, 0, n);
                out.write(buffer, 0, n);
            }
        } catch (NoSuchKeyException e) {
            throw new SnapshotCorruptException(f.file(), "is missing in the store at " + url(key) + " (listed in the manifest)");
        } catch (SdkException e) {
            throw new UncheckedIOException(new IOException("cannot read " + url(key) + f.file() + ": " + e.getMessage(), e));
        }
        if (size != f.bytes()) {
            throw new SnapshotCorruptException(f.file(), (size > f.bytes() ? "is longer than" : "is " + size + " bytes,")
                    + " the manifest says " + f.bytes() + (size < f.bytes() ? " (truncated)" : ""),
                    Map.of("expected_bytes", f.bytes()), null);
        }
        String actual = HexFormat.of().formatHex(digest.digest());
        if (!actual.equalsIgnoreCase(f.sha256())) {
            throw new SnapshotCorruptException(f.file(), "checksum mismatch: SHA-256 is " + actual + ", the manifest says "
                    + f.sha256(), Map.of("actual_sha256", actual, "expected_sha256", f.sha256()), null);
        }
    }

    @Override
    public boolean exists(String key) {
        try {
            client.headObject(b -> b.bucket(bucket).key(object(key, MANIFEST)));
            return true;
        } catch (NoSuchKeyException e) {
            return false;
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return false;
            }
            throw failure("check " + url(key), e);
        } catch (SdkException e) {
            throw failure("check " + url(key), e);
        }
    }

    /** Names under {@code prefix} in the bucket, and node-local leftovers (unpublished writers' directories). */
    @Override
    public List<String> list(String under) {
        String from = under.isEmpty() ? prefix : prefix(under);
        var names = new TreeSet<String>(local.list(under));
        call("list s3://" + bucket + "/" + from, () -> {
            for (var page : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(from).delimiter("/"))) {
                for (CommonPrefix p : page.commonPrefixes()) {
                    String name = p.prefix().substring(from.length());
                    names.add(name.endsWith("/") ? name.substring(0, name.length() - 1) : name);
                }
            }
            return null;
        });
        return List.copyOf(names);
    }

    @Override
    public Instant modifiedAt(String key) {
        Instant newest = local.modifiedAt(key);
        for (S3Object o : objects(key)) {
            newest = newest == null || o.lastModified().isAfter(newest) ? o.lastModified() : newest;
        }
        return newest;
    }

    @Override
    public void delete(String key) {
        List<S3Object> objects = objects(key);
        List<String> manifests = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (S3Object o : objects) {
            (o.key().endsWith("/" + MANIFEST) ? manifests : rest).add(o.key());
        }
        deleteObjects(manifests);
        deleteObjects(rest);
        local.delete(key);
        FileTrees.delete(manifestDirectory(key));
    }

    @Override
    public String location() {
        return "s3://" + bucket + "/" + prefix;
    }

    /** One DELETE per object: S3-compatible servers differ in the checksum headers a batch delete needs. */
    private void deleteObjects(List<String> keys) {
        for (String object : keys) {
            call("delete s3://" + bucket + "/" + object, () -> client.deleteObject(b -> b.bucket(bucket).key(object)));
        }
    }

    private List<S3Object> objects(String key) {
        String from = prefix(key);
        List<S3Object> all = new ArrayList<>();
        call("list " + url(key), () -> {
            for (var page : client.listObjectsV2Paginator(b -> b.bucket(bucket).prefix(from))) {
                all.addAll(page.contents());
            }
            return null;
        });
        return all;
    }

    private String prefix(String key) {
        SnapshotKeys.check(key);
        return prefix + key + "/";
    }

    private String object(String key, String file) {
        return prefix(key) + file;
    }

    private String url(String key) {
        return "s3://" + bucket + "/" + prefix(key);
    }

    private static List<String> files(SnapshotManifest manifest) {
        return metas(manifest).stream().map(SnapshotManifest.FileMeta::file).toList();
    }

    private static List<SnapshotManifest.FileMeta> metas(SnapshotManifest manifest) {
        List<SnapshotManifest.FileMeta> files = new ArrayList<>();
        manifest.nodes().forEach(n -> files.add(n.file()));
        manifest.edges().forEach(e -> files.add(e.file()));
        return files;
    }

    /** The cached manifest's bytes; one that cannot be read matches nothing, so the copy is fetched again. */
    private static byte[] read(Path file) {
        try {
            return Files.readAllBytes(file);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    private static <T> T call(String what, java.util.function.Supplier<T> request) {
        try {
            return request.get();
        } catch (SdkException e) {
            throw failure(what, e);
        }
    }

    private static UncheckedIOException failure(String what, SdkException e) {
        return new UncheckedIOException(new IOException("cannot " + what + ": " + e.getMessage(), e));
    }
}
