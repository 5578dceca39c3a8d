"""The example notebook runs top to bottom (its cells hold their own assertions).

The cells are executed here with the standard library as IPython would run them: in one namespace,
each cell's last expression displayed through ``_repr_html_`` or ``repr``, so that no Jupyter
installation is needed. With nbclient installed the notebook also runs in a real kernel.
"""

import ast
import json
import os
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parents[1] / "examples").glob("*.ipynb"))


def run_cells(path: Path):
    notebook = json.loads(path.read_text(encoding="utf-8"))
    assert notebook["nbformat"] == 4
    namespace = {"__name__": "__main__"}
    shown = []
    for index, cell in enumerate(notebook["cells"]):
        if cell["cell_type"] != "code":
            continue
        source = "".join(cell["source"])
        tree = ast.parse(source, filename=f"{path.name} cell {index}")
        last = tree.body[-1] if tree.body and isinstance(tree.body[-1], ast.Expr) else None
        body = ast.Module(body=tree.body[:-1] if last else tree.body, type_ignores=[])
        exec(compile(body, f"{path.name} cell {index}", "exec"), namespace)
        if last is not None:
            value = eval(compile(ast.Expression(last.value), f"{path.name} cell {index}", "eval"), namespace)
            if value is not None:
                shown.append(value._repr_html_() if hasattr(value, "_repr_html_") else repr(value))
    return namespace, shown


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_runs(path):
    cwd = os.getcwd()
    os.chdir(path.parent)  # as Jupyter starts it: in the notebook's folder
    try:
        namespace, shown = run_cells(path)
    finally:
        os.chdir(cwd)
    assert "report" in namespace and namespace["report"].ok
    assert any(s.startswith("<iframe") for s in shown), "the report did not display as Referee's HTML page"


def test_there_is_a_notebook():
    assert NOTEBOOKS


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.name for p in NOTEBOOKS])
def test_notebook_in_a_kernel(path):
    nbclient = pytest.importorskip("nbclient")
    nbformat = pytest.importorskip("nbformat")
    notebook = nbformat.read(str(path), as_version=4)
    nbclient.NotebookClient(notebook, timeout=600, resources={"metadata": {"path": str(path.parent)}}).execute()
    html = [o["data"]["text/html"] for c in notebook.cells if c.cell_type == "code" for o in c.outputs
            if o.get("output_type") == "execute_result" and "text/html" in o.get("data", {})]
    assert any(h.startswith("<iframe") for h in html), "the report did not display as Referee's HTML page"
