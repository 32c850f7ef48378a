package io.grapholap.it.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.grapholap.it.support.MetadataDatabase;
import io.grapholap.it.support.ServerProcess;
import io.grapholap.snapshot.s3.S3ProxyServer;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A bad setting stops the server before it serves anything: the process (started as
 * {@code ./grapholap serve} starts it) exits with status 1 and its log names the setting, the rule
 * and the value given. Out-of-range numbers, durations that do not parse, cluster settings that
 * cannot work, default engines the server does not have and a snapshot store that cannot be used are
 * each refused.
 */
class StartupSettingsTest {

    private static String failureOf(Map<String, String> properties) {
        try (ServerProcess server = ServerProcess.create(MetadataDatabase.H2, Map.of())) {
            assertThat(server.startExpectingExit(properties)).as(server.logTail(20)).isEqualTo(1);
            String failure = server.logFrom("GraphOLAP did not start", 1);
            System.out.println("[it-tests] " + properties + " -> " + failure);
            return failure;
        }
    }

    @Test
    void aNumberOutOfRangeStopsStartUpNamingTheSetting() {
        assertThat(failureOf(Map.of("grapholap.jobs.threads", "-1")))
                .contains("grapholap.jobs.threads must be between 1 and 16, got -1");
    }

    @Test
    void aMalformedDurationStopsStartUpNamingTheSetting() {
        assertThat(failureOf(Map.of("grapholap.instances.poll-interval", "every second")))
                .contains("grapholap.instances.poll-interval must be a duration", "got 'every second'");
    }

    @Test
    void clusterSettingsThatCannotWorkStopStartUpNamingTheSetting() {
        assertThat(failureOf(Map.of("grapholap.export.lease", "PT2S")))
                .contains("grapholap.export.lease must be at least 3 times grapholap.export.claim-interval (PT1S), got PT2S");
        assertThat(failureOf(Map.of("grapholap.node.url", "ftp://node-1")))
                .contains("grapholap.node.url must be an http(s) URL such as http://node1:8080, got 'ftp://node-1'");
    }

    @Test
    void aDefaultEngineTheServerDoesNotHaveStopsStartUp() {
        assertThat(failureOf(Map.of("grapholap.engine", "tpu")))
                .contains("grapholap.engine names 'tpu', but this server's engines are [cpu, gpu, spark]");
    }

    @Test
    void aBadSparkSettingStopsStartUpNamingIt() {
        assertThat(failureOf(Map.of("grapholap.spark.master", "yarn")))
                .contains("grapholap.spark.master must be local[N], local[*] or spark://host:port, got 'yarn'");
        assertThat(failureOf(Map.of("grapholap.spark.driver-memory", "plenty")))
                .contains("grapholap.spark.driver-memory must be a size such as 512m or 2g, got 'plenty'");
    }

    @Test
    void aSnapshotStoreThatIsNeitherADirectoryNorAnS3UrlStopsStartUp() {
        assertThat(failureOf(Map.of("grapholap.snapshot-store", "gs://bucket/prefix")))
                .contains("grapholap.snapshot-store must be a directory path or s3://bucket/prefix, got 'gs://bucket/prefix'");
    }

    @Test
    void aMissingBucketStopsStartUpNamingTheSettingAndTheEndpoint() throws Exception {
        try (S3ProxyServer s3 = S3ProxyServer.start(null)) {
            Map<String, String> properties = Map.of("grapholap.snapshot-store", "s3://no-such-bucket/x",
                    "grapholap.s3.endpoint", s3.endpoint().toString(), "grapholap.s3.path-style-access", "true",
                    "grapholap.s3.access-key", S3ProxyServer.ACCESS_KEY, "grapholap.s3.secret-key", S3ProxyServer.SECRET_KEY);
            assertThat(failureOf(properties)).contains("grapholap.snapshot-store (s3://no-such-bucket/x)",
                    "bucket no-such-bucket does not exist at " + s3.endpoint());
        }
    }
}
