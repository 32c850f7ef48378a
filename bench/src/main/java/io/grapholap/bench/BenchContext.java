package io.grapholap.bench;

import java.nio.file.Path;

/** What a worker knows besides the graph: threads to use, the seed, and a scratch directory for snapshots. */
record BenchContext(int threads, long seed, Path scratch) {
}
