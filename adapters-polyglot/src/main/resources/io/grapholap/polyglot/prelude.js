// The graph API for JavaScript user code (see docs/udf-runtime.md). Evaluated once in every fresh
// context before user code; talks to the host only through the bridge handed to __grapholap_setup.
(function (global) {
    'use strict';
    const ALGORITHMS = __ALGORITHMS__;
    let bridge = null;
    let libraries = {};
    const modules = {};
    const handles = new WeakMap();

    function call(op, handle, args) {
        const out = JSON.parse(bridge(op, handle, JSON.stringify(args === undefined ? {} : args)));
        if (out.error) {
            const e = new Error(out.error.message);
            e.name = 'GraphError';
            e.type = out.error.type;
            if (out.error.field !== undefined) {
                e.field = out.error.field;
            }
            throw e;
        }
        return out.value;
    }

    function handleOf(x) {
        return handles.get(x);
    }

    // An algorithm's result; its columns (`data`) cross from the host only when first read, and a
    // result returned as it is goes back to the host without crossing at all.
    class AlgorithmResult {
        constructor(summary) {
            const handle = summary.handle;
            let data = null;
            handles.set(this, handle);
            this.algorithm = summary.algorithm;
            this.engine = summary.engine;
            this.columns = summary.columns;
            this.row_count = summary.row_count;
            this.stats = summary.stats;
            Object.defineProperty(this, 'data', {
                enumerable: true,
                get: function () {
                    if (data === null) {
                        data = call('algo_data', handle);
                    }
                    return data;
                }
            });
            Object.freeze(this);
        }
    }

    class Graph {
        constructor(handle) {
            handles.set(this, handle);
            Object.freeze(this);
        }
        statistics() { return call('statistics', handleOf(this)); }
        algo(name, params) {
            return new AlgorithmResult(call('algo', handleOf(this), { name: name, params: params === undefined ? null : params }));
        }
        gremlin(query, bindings) { return call('gremlin', handleOf(this), { query: query, bindings: bindings === undefined ? null : bindings }); }
        cypher(query, params) { return call('cypher', handleOf(this), { query: query, params: params === undefined ? null : params }); }
        nodes(label, limit) { return call('nodes', handleOf(this), { label: label, limit: limit === undefined ? null : limit }); }
        edges(type, limit) { return call('edges', handleOf(this), { type: type, limit: limit === undefined ? null : limit }); }
        subgraph(spec) {
            spec = spec || {};
            const nodeFilter = spec.node_filter || spec.nodeFilter;
            const edgeFilter = spec.edge_filter || spec.edgeFilter;
            const stats = this.statistics();
            const labels = spec.node_labels || spec.nodeLabels || Object.keys(stats.vertices_per_label);
            const types = spec.edge_types || spec.edgeTypes || Object.keys(stats.edges_per_type);
            const nodes = [];
            const kept = new Set();
            for (const label of labels) {
                for (const record of this.nodes(label)) {
                    if (!nodeFilter || nodeFilter(record, label)) {
                        const node = Object.assign({ label: label }, record, { id: record.key });
                        delete node.key;
                        nodes.push(node);
                        kept.add(record.id);
                    }
                }
            }
            const edges = [];
            for (const type of types) {
                for (const record of this.edges(type)) {
                    if (kept.has(record.from) && kept.has(record.to)
                            && (!edgeFilter || edgeFilter(record, type))) {
                        const edge = Object.assign({ source: record.from, target: record.to, type: type }, record);
                        delete edge.from;
                        delete edge.to;
                        edges.push(edge);
                    }
                }
            }
            return sessionGraph(nodes, edges);
        }
    }
    for (const name of ALGORITHMS) {
        Graph.prototype[name] = function (params) { return this.algo(name, params); };
    }
    Graph.prototype.triangleCount = Graph.prototype.triangle_count;
    Graph.prototype.shortestPath = Graph.prototype.shortest_path;

    let sessionHandle = -1;

    function sessionCall(op, args) {
        if (sessionHandle < 0) {
            const e = new Error('no session is available to this function');
            e.name = 'GraphError';
            throw e;
        }
        return call('session.' + op, sessionHandle, args);
    }

    function sessionGraph(nodes, edges) {
        return new Graph(sessionCall('graph', { nodes: nodes, edges: edges }).graph);
    }

    class Session {
        datasets() { return sessionCall('datasets'); }
        instances() { return sessionCall('instances'); }
        load_dataset(id) { return new Graph(sessionCall('load_dataset', { id: String(id) }).graph); }
        instance(id) { return new Graph(sessionCall('instance', { id: id }).graph); }
        graph(nodes, edges) { return sessionGraph(nodes, edges); }
    }
    Session.prototype.loadDataset = Session.prototype.load_dataset;

    function require(name) {
        name = String(name);
        if (Object.prototype.hasOwnProperty.call(modules, name)) {
            return modules[name].exports;
        }
        if (!Object.prototype.hasOwnProperty.call(libraries, name)) {
            throw new Error("library '" + name + "' is not available to this function");
        }
        const module = { exports: {} };
        modules[name] = module;
        const body = new Function('module', 'exports', 'require', libraries[name] + '\n//# sourceURL=' + name + '.js');
        body(module, module.exports, require);
        return module.exports;
    }

    function importDefault(m) {
        return m !== null && typeof m === 'object' && 'default' in m ? m['default'] : m;
    }

    function setup(hostBridge, librariesJson, hasSession) {
        bridge = hostBridge;
        libraries = JSON.parse(librariesJson);
        delete global.__grapholap_setup;
        Object.defineProperty(global, 'require', { value: require, writable: false, configurable: false });
        Object.defineProperty(global, '__grapholap_import_default', { value: importDefault });
        if (hasSession) {
            sessionHandle = 0;
            Object.defineProperty(global, 'session', { value: Object.freeze(new Session()), writable: false });
        }
    }

    // args: [{json: value} | {graph: handle} | {session: handle}]; answers [graph handle or -1, result]
    function invoke(task, argsJson) {
        const args = JSON.parse(argsJson).map(function (a) {
            if ('graph' in a) {
                return new Graph(a.graph);
            }
            if ('session' in a) {
                return global.session;
            }
            return a.json;
        });
        const result = task.apply(undefined, args);
        const handle = result instanceof Graph || result instanceof AlgorithmResult ? handleOf(result) : -1;
        return [handle === undefined ? -1 : handle, result];
    }

    global.__grapholap_setup = setup;
    Object.defineProperty(global, '__grapholap_invoke', { value: invoke });
})(globalThis);
