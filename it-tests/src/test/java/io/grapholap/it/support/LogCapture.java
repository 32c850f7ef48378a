package io.grapholap.it.support;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import org.slf4j.LoggerFactory;

/**
 * The log lines of the {@code io.grapholap} loggers in this test JVM while it is open: what an
 * operator reads on the console of an in-process server. Servers of other test classes may log
 * into it too, so tests look for lines that name what they made.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger("io.grapholap");
    private final AppenderBase<ILoggingEvent> appender = new AppenderBase<>() {
        @Override
        protected void append(ILoggingEvent event) {
            lines.add(event.getLevel() + " " + event.getFormattedMessage());
        }
    };

    public LogCapture() {
        appender.setName("it-tests-capture-" + System.identityHashCode(this));
        appender.start();
        logger.addAppender(appender);
    }

    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The first line that matches, waiting up to {@code limit} for it; fails with the lines seen. */
    public String await(Predicate<String> match, Duration limit) {
        long deadline = System.nanoTime() + limit.toNanos();
        while (true) {
            for (String line : lines) {
                if (match.test(line)) {
                    return line;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no such log line within " + limit + "; lines seen:\n" + String.join("\n", lines));
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    @Override
    public void close() {
        logger.detachAppender(appender);
        appender.stop();
    }
}
