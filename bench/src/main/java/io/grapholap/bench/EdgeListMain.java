package io.grapholap.bench;

import io.grapholap.bench.gen.GeneratedGraph;
import io.grapholap.bench.gen.KroneckerGenerator;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * Writes the arcs of the bench's Kronecker graph (the same simple directed graph every engine of
 * {@code ./grapholap bench} gets: self-loops and duplicates dropped) as {@code src<TAB>dst} lines
 * to standard output, the text format of PostgreSQL's {@code COPY ... FROM STDIN}. The lifecycle
 * bench (bench/http/lifecycle.sh) loads its source table with it.
 */
public final class EdgeListMain {

    static final String USAGE = "Usage: EdgeListMain SCALE [SEED]   (SCALE 1.." + KroneckerGenerator.MAX_SCALE + ", SEED default 1)";

    private EdgeListMain() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length < 1 || args.length > 2) {
            System.err.println(USAGE);
            System.exit(2);
        }
        int scale;
        long seed;
        try {
            scale = Integer.parseInt(args[0]);
            seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        } catch (NumberFormatException e) {
            System.err.println(USAGE);
            System.exit(2);
            return;
        }
        if (scale < 1 || scale > KroneckerGenerator.MAX_SCALE) {
            System.err.println(USAGE);
            System.exit(2);
        }
        GeneratedGraph graph = new KroneckerGenerator(scale, seed, Runtime.getRuntime().availableProcessors()).generate();
        try (OutputStream out = new FileOutputStream(FileDescriptor.out)) {
            write(graph, out);
        }
    }

    /** Writes every arc as decimal {@code src<TAB>dst\n}, formatted by hand into a 1 MiB buffer. */
    static void write(GeneratedGraph graph, OutputStream out) throws IOException {
        byte[] buffer = new byte[1 << 20];
        int pos = 0;
        int[] offsets = graph.offsets();
        int[] targets = graph.targets();
        for (int v = 0; v < graph.vertexCount(); v++) {
            for (int i = offsets[v]; i < offsets[v + 1]; i++) {
                if (pos > buffer.length - 32) {
                    out.write(buffer, 0, pos);
                    pos = 0;
                }
                pos = digits(buffer, pos, v);
                buffer[pos++] = '\t';
                pos = digits(buffer, pos, targets[i]);
                buffer[pos++] = '\n';
            }
        }
        out.write(buffer, 0, pos);
    }

    private static int digits(byte[] buffer, int pos, int value) {
        if (value == 0) {
            buffer[pos] = '0';
            return pos + 1;
        }
        int length = 0;
        for (int x = value; x > 0; x /= 10) {
            length++;
        }
        int end = pos + length;
        for (int i = end - 1, x = value; i >= pos; i--, x /= 10) {
            buffer[i] = (byte) ('0' + x % 10);
        }
        return end;
    }
}
