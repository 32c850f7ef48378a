package io.grapholap.application.algorithm;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/** Holds submitted runs until the test releases them, so a run is "running" for as long as a test needs. */
public final class GateExecutor implements Executor {

    private final ArrayDeque<Runnable> held = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable r) {
        held.add(r);
    }

    /** Runs every held task on the calling thread, in the order they came. */
    public synchronized void releaseAll() {
        while (!held.isEmpty()) {
            held.poll().run();
        }
    }
}
