"""Executes the example notebooks top to bottom with nbclient and checks the row counts they print.

Each notebook ends with a cell that prints ``CHECK <name> <value>`` lines; this script compares them
with EXPECTED (the demo source is deterministic, so the counts are too) and fails on any error,
any missing check or any different value. Usage: run_notebooks.py NOTEBOOK...
"""

from __future__ import annotations

import pathlib
import re
import sys
import time

import os

import nbformat
from nbclient import NotebookClient

EXPECTED = {
    "basic_workflow.ipynb": {
        "customers": "10000", "vertices": "35000", "edges": "83000", "countries": "6",
        "customer_rows": "10000", "transfers": "30000",
    },
    "algorithms.ipynb": {
        "pagerank_rows": "35000", "wcc_count": "35000", "louvain_rows": "35000",
        "nx_nodes": "35000", "nx_edges": "83000", "pagerank_agrees": "True",
    },
}

# The kernel's debugger warns about frozen modules on every start; nothing here debugs.
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")

CHECK = re.compile(r"^CHECK (\S+) (.+)$", re.M)


def run(path: pathlib.Path) -> list[str]:
    began = time.monotonic()
    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=300, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    text = "".join(output.get("text", "") for cell in notebook.cells if cell.cell_type == "code"
                   for output in cell.get("outputs", []) if output.get("output_type") == "stream")
    found = dict(CHECK.findall(text))
    problems = []
    for name, value in EXPECTED[path.name].items():
        if found.get(name) != value:
            problems.append(f"{path.name}: {name} is {found.get(name)!r}, expected {value!r}")
    print(f"[python-sdk] {path.name}: executed in {time.monotonic() - began:.1f} s, "
          f"{len(EXPECTED[path.name])} checks, {len(problems)} failed", file=sys.stderr)
    return problems


def main(paths: list[str]) -> int:
    problems: list[str] = []
    for p in paths:
        try:
            problems += run(pathlib.Path(p))
        except Exception as e:  # a cell that raised: nbclient's message names the cell and the error
            problems.append(f"{p}: {e}")
    for problem in problems:
        print(f"[python-sdk] FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
