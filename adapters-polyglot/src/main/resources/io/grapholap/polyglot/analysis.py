# Reads Python user code without running it: syntax, the shape of `task`, the imported libraries.
# Lives in a context of its own that never executes user code, so it can be shared by every check.
import ast as _ast
import json as _json
import sys as _sys

_STANDARD = set(_sys.stdlib_module_names) | set(_sys.builtin_module_names)


def __grapholap_analyze(code):
    try:
        tree = _ast.parse(code, 'udf.py', 'exec')
    except SyntaxError as e:
        return _json.dumps({'error': {'message': e.msg or 'invalid syntax', 'line': e.lineno}})
    task = None
    for node in tree.body:
        if isinstance(node, (_ast.FunctionDef, _ast.AsyncFunctionDef)) and node.name == 'task':
            task = (node.args, node.lineno)
        elif isinstance(node, _ast.Assign) and isinstance(node.value, _ast.Lambda) and any(
                isinstance(t, _ast.Name) and t.id == 'task' for t in node.targets):
            task = (node.value.args, node.lineno)
    shape = None
    if task is not None:
        args, line = task
        positional = len(args.posonlyargs) + len(args.args)
        required_kw = sum(1 for d in args.kw_defaults if d is None)
        shape = {'min': positional - len(args.defaults), 'max': positional, 'varargs': args.vararg is not None,
                 'required_keywords': required_kw, 'line': line}
    imports = set()
    for node in _ast.walk(tree):
        if isinstance(node, _ast.Import):
            for alias in node.names:
                imports.add(alias.name.split('.')[0])
        elif isinstance(node, _ast.ImportFrom) and node.level == 0 and node.module:
            imports.add(node.module.split('.')[0])
    libraries = sorted(name for name in imports if name not in _STANDARD and name != 'grapholap')
    return _json.dumps({'task': shape, 'imports': libraries})
