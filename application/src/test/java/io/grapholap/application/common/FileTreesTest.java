package io.grapholap.application.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {

    @TempDir
    Path tmp;

    private static Path tree(Path root) throws IOException {
        for (int d = 0; d < 20; d++) {
            Path dir = Files.createDirectories(root.resolve("d" + d).resolve("inner"));
            for (int f = 0; f < 50; f++) {
                Files.writeString(dir.resolve("f" + f), "x");
                Files.writeString(dir.getParent().resolve("g" + f), "y");
            }
        }
        return root;
    }

    @Test
    void deletesATreeAndIgnoresOneThatIsAbsent() throws IOException {
        Path root = tree(tmp.resolve("one"));
        FileTrees.delete(root);
        assertThat(root).doesNotExist();
        FileTrees.delete(root);
        FileTrees.delete(tmp.resolve("never-there"));
        assertThat(tmp).exists();
    }

    /** Two deleters on one tree at once (an API delete and the export's own clean-up): neither fails. */
    @Test
    void twoThreadsDeletingTheSameTreeBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 15; round++) {
                Path root = tree(tmp.resolve("race-" + round));
                CountDownLatch go = new CountDownLatch(1);
                List<Future<?>> deleters = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    deleters.add(pool.submit(() -> {
                        go.await();
                        FileTrees.delete(root);
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : deleters) {
                    f.get(30, TimeUnit.SECONDS);
                }
                assertThat(root).doesNotExist();
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
