# The graph API for Python user code (see docs/udf-runtime.md). Evaluated once in every fresh
# context before user code; talks to the host only through the bridge handed to __grapholap_setup.
import json as _json
import sys as _sys
from importlib.machinery import ModuleSpec as _ModuleSpec

_ALGORITHMS = __ALGORITHMS__


class GraphError(Exception):
    """A graph API call failed; `type` names the failure and `field` the bad argument, if any."""

    def __init__(self, message, type=None, field=None):
        super().__init__(message)
        self.type = type
        self.field = field


def _make_api(bridge, session_handle):
    def call(op, handle, args=None):
        out = _json.loads(bridge(op, handle, _json.dumps({} if args is None else args)))
        error = out.get('error')
        if error is not None:
            raise GraphError(error['message'], error.get('type'), error.get('field'))
        return out['value']

    def session_call(op, args=None):
        if session_handle < 0:
            raise GraphError('no session is available to this function')
        return call('session.' + op, session_handle, args)

    def session_graph(nodes, edges):
        return Graph(session_call('graph', {'nodes': list(nodes), 'edges': list(edges)})['graph'])

    class Graph:
        __slots__ = ('_h',)

        def __init__(self, handle):
            object.__setattr__(self, '_h', handle)

        def __setattr__(self, name, value):
            raise AttributeError('graph objects are read-only')

        def statistics(self):
            return call('statistics', self._h)

        def algo(self, name, params=None):
            summary = call('algo', self._h, {'name': name, 'params': params})
            result = AlgorithmResult(summary)
            result['data'] = call('algo_data', summary['handle'])
            return result

        def gremlin(self, query, bindings=None):
            return call('gremlin', self._h, {'query': query, 'bindings': bindings})

        def cypher(self, query, params=None):
            return call('cypher', self._h, {'query': query, 'params': params})

        def nodes(self, label, limit=None):
            return call('nodes', self._h, {'label': label, 'limit': limit})

        def edges(self, type, limit=None):
            return call('edges', self._h, {'type': type, 'limit': limit})

        def subgraph(self, spec=None):
            spec = spec or {}
            node_filter = spec.get('node_filter')
            edge_filter = spec.get('edge_filter')
            stats = self.statistics()
            labels = spec.get('node_labels') or list(stats['vertices_per_label'])
            types = spec.get('edge_types') or list(stats['edges_per_type'])
            nodes = []
            kept = set()
            for label in labels:
                for record in self.nodes(label):
                    if node_filter is None or node_filter(record, label):
                        node = {'label': label}
                        node.update({k: v for k, v in record.items() if k != 'key'})
                        node['id'] = record['key']
                        nodes.append(node)
                        kept.add(record['id'])
            edges = []
            for type_ in types:
                for record in self.edges(type_):
                    if record['from'] in kept and record['to'] in kept and (
                            edge_filter is None or edge_filter(record, type_)):
                        edge = {'source': record['from'], 'target': record['to'], 'type': type_}
                        edge.update({k: v for k, v in record.items() if k not in ('from', 'to')})
                        edges.append(edge)
            return session_graph(nodes, edges)

    def _algorithm_method(name):
        def method(self, params=None):
            return self.algo(name, params)
        method.__name__ = name
        return method

    for _name in _ALGORITHMS:
        setattr(Graph, _name, _algorithm_method(_name))

    class Session:
        __slots__ = ()

        def datasets(self):
            return session_call('datasets')

        def instances(self):
            return session_call('instances')

        def load_dataset(self, id):
            return Graph(session_call('load_dataset', {'id': str(id)})['graph'])

        def instance(self, id):
            return Graph(session_call('instance', {'id': id})['graph'])

        def graph(self, nodes, edges):
            return session_graph(nodes, edges)

    return Graph, Session


class AlgorithmResult(dict):
    """An algorithm's result as a dict; returned as it is, it goes back to the host without conversion."""

    def __init__(self, summary):
        super().__init__((k, v) for k, v in summary.items() if k != 'handle')
        self._h = summary['handle']


class _Record(dict):
    """A JSON object that also reads as attributes (request.path_parameters, user.name), as in JavaScript; still a dict."""

    def __getattr__(self, name):
        try:
            return self[name]
        except KeyError:
            raise AttributeError(name) from None


def _records(value):
    if isinstance(value, dict):
        return _Record((k, _records(v)) for k, v in value.items())
    if isinstance(value, list):
        return [_records(v) for v in value]
    return value


class _LibraryFinder:
    """Finds the function libraries handed to this run by name: `import name`, `from name import f`."""

    def __init__(self, sources):
        self._sources = sources

    def find_spec(self, name, path=None, target=None):
        if name in self._sources:
            return _ModuleSpec(name, self, origin=name + '.py')
        return None

    def create_module(self, spec):
        return None

    def exec_module(self, module):
        code = compile(self._sources[module.__name__], module.__name__ + '.py', 'exec')
        exec(code, module.__dict__)


def __grapholap_setup(bridge, libraries_json, has_session):
    global __grapholap_invoke
    Graph, Session = _make_api(bridge, 0 if has_session else -1)
    _sys.meta_path.insert(0, _LibraryFinder(_json.loads(libraries_json)))
    main = _sys.modules['__main__'].__dict__
    main['GraphError'] = GraphError
    if has_session:
        main['session'] = Session()

    # args: [{json: value} | {graph: handle} | {session: handle}]; answers [graph handle or -1, result].
    # A custom endpoint's request and user (the calls with a session argument) read as attributes too.
    def invoke(task, args_json):
        args = []
        decoded = _json.loads(args_json)
        endpoint = any('session' in a for a in decoded)
        for a in decoded:
            if 'graph' in a:
                args.append(Graph(a['graph']))
            elif 'session' in a:
                args.append(main['session'])
            else:
                args.append(_records(a['json']) if endpoint else a['json'])
        # execute's task may take the graph alone (task(g)): it gets the arguments it declares.
        code = getattr(task, '__code__', None)
        if code is not None and not code.co_flags & 0x04 and code.co_argcount < len(args):
            args = args[:code.co_argcount]
        result = task(*args)
        return [result._h if isinstance(result, (Graph, AlgorithmResult)) else -1, result]

    __grapholap_invoke = invoke
    del main['__grapholap_setup']
