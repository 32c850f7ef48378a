package io.grapholap.engine.gpu;

import io.grapholap.domain.error.ValidationException;
import io.grapholap.graph.csr.CsrGraph;

import java.util.HashMap;
import java.util.Map;

/**
 * A CSR graph in device memory: out-adjacency, in-adjacency (the same buffers on an undirected
 * graph), the load's weights, and views built on first use (weights of another property, the simple
 * undirected graph and simple out-lists for triangles and LCC). Every method runs inside
 * {@link CudaDevice#call}; {@link #free()} releases everything.
 */
final class DeviceGraph {

    final int n;
    final int arcs;
    final boolean directed;
    final DeviceBuffer outOff;
    final DeviceBuffer outTgt;
    final DeviceBuffer inOff;
    final DeviceBuffer inSrc;
    private final CudaDevice device;
    private final CsrGraph host;
    private final Map<String, DeviceBuffer> weights = new HashMap<>();
    private DeviceBuffer simpleOff;
    private DeviceBuffer simpleAdj;
    private int simpleArcs;
    private DeviceBuffer simpleOutOff;
    private DeviceBuffer simpleOutAdj;

    private DeviceGraph(CudaDevice device, CsrGraph g) {
        this.device = device;
        this.host = g;
        this.n = g.vertexCount();
        this.arcs = g.arcCount();
        this.directed = g.isDirected();
        DeviceBuffer oo = null;
        DeviceBuffer ot = null;
        DeviceBuffer io = null;
        DeviceBuffer is = null;
        try {
            oo = device.upload(g.outOffsets(), "out-offsets");
            ot = device.upload(g.outTargets(), "out-targets");
            if (directed) {
                io = device.upload(g.inOffsets(), "in-offsets");
                is = device.upload(g.inSources(), "in-sources");
            } else {
                io = oo;
                is = ot;
            }
            if (g.hasWeights()) {
                weights.put(g.weightProperty(), device.upload(g.outWeights(), "weights"));
            }
        } catch (RuntimeException e) {
            device.free(oo);
            device.free(ot);
            device.free(io);
            device.free(is);
            weights.values().forEach(device::free);
            throw e;
        }
        this.outOff = oo;
        this.outTgt = ot;
        this.inOff = io;
        this.inSrc = is;
    }

    static DeviceGraph upload(CudaDevice device, CsrGraph g) {
        return new DeviceGraph(device, g);
    }

    /** Out-arc weights of {@code property} (1.0 where absent); negative or NaN weights are refused. */
    DeviceBuffer weights(String property) {
        DeviceBuffer w = weights.get(property);
        if (w != null) {
            return w;
        }
        double[] values = host.outWeights(property, 1.0);
        for (int e = 0; e < arcs; e++) {
            if (!(values[e] >= 0)) {
                throw new ValidationException("weight", "edge property '" + property + "' has a negative or undefined "
                        + "weight (" + values[e] + "); shortest paths need non-negative weights");
            }
        }
        w = device.upload(values, "weights of " + property);
        weights.put(property, w);
        return w;
    }

    /** Offsets of the simple undirected graph (uploaded on first use). */
    DeviceBuffer simpleOffsets() {
        ensureSimple();
        return simpleOff;
    }

    DeviceBuffer simpleTargets() {
        ensureSimple();
        return simpleAdj;
    }

    int simpleArcs() {
        ensureSimple();
        return simpleArcs;
    }

    /** Sorted distinct out-lists without self-loops; the simple graph itself when undirected. */
    DeviceBuffer simpleOutOffsets() {
        ensureSimpleOut();
        return simpleOutOff;
    }

    DeviceBuffer simpleOutTargets() {
        ensureSimpleOut();
        return simpleOutAdj;
    }

    private void ensureSimple() {
        if (simpleOff == null) {
            HostViews.Lists s = HostViews.simpleUndirected(host);
            DeviceBuffer off = device.upload(s.offsets(), "simple-graph offsets");
            try {
                simpleAdj = device.upload(s.targets(), "simple-graph targets");
            } catch (RuntimeException e) {
                device.free(off);
                throw e;
            }
            simpleOff = off;
            simpleArcs = s.targets().length;
        }
    }

    private void ensureSimpleOut() {
        if (!directed) {
            ensureSimple();
            simpleOutOff = simpleOff;
            simpleOutAdj = simpleAdj;
            return;
        }
        if (simpleOutOff == null) {
            HostViews.Lists s = HostViews.simpleOut(host);
            DeviceBuffer off = device.upload(s.offsets(), "simple out-lists offsets");
            try {
                simpleOutAdj = device.upload(s.targets(), "simple out-lists targets");
            } catch (RuntimeException e) {
                device.free(off);
                throw e;
            }
            simpleOutOff = off;
        }
    }

    /** Bytes currently held on the device for this graph (as requested, without allocation rounding). */
    long bytes() {
        long b = outOff.requested + outTgt.requested;
        if (directed) {
            b += inOff.requested + inSrc.requested;
        }
        for (DeviceBuffer w : weights.values()) {
            b += w.requested;
        }
        if (simpleOff != null) {
            b += simpleOff.requested + simpleAdj.requested;
        }
        if (directed && simpleOutOff != null) {
            b += simpleOutOff.requested + simpleOutAdj.requested;
        }
        return b;
    }

    void free() {
        device.free(outOff);
        device.free(outTgt);
        device.free(inOff);
        device.free(inSrc);
        weights.values().forEach(device::free);
        weights.clear();
        device.free(simpleOff);
        device.free(simpleAdj);
        device.free(simpleOutOff);
        device.free(simpleOutAdj);
    }
}
