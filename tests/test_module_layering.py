"""The answer and the evidence sit below the question types: `retrieval.strategies` imports them, and they are handed
the question's strategy by the caller that knows it (`Retriever`: `compose_answer(strategy, …)`,
`Evidence(store, strategy_for)`), the way `retrieval.signals` reads `Candidates.strategy`. Neither may import the
strategies, at the top of the module or inside a function, directly or through another retrieval module: that was an
import cycle. Read from the source (every import statement, wherever it stands), since importing any `retrieval`
module runs the package's `__init__`, which loads the retriever and with it every strategy."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "retrieval"


def _runtime_nodes(tree: ast.AST):
    """Every node of ``tree`` except those under ``if TYPE_CHECKING:`` (names for annotations, never imported)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for other in node.orelse:
                yield other
                yield from _runtime_nodes(other)
            continue
        yield node
        yield from _runtime_nodes(node)


def imported_retrieval_modules(module: str) -> set[str]:
    """The `retrieval` modules ``module``'s source imports when it runs, in any statement anywhere in it."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    out: set[str] = set()
    for node in _runtime_nodes(tree):
        if isinstance(node, ast.Import):
            names = [a.name for a in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names = [node.module] + ([f"{node.module}.{a.name}" for a in node.names] if node.module == "retrieval" else [])
        else:
            continue
        parts = [n.split(".")[1] for n in names if n.startswith("retrieval.")]
        out.update(m for m in parts if (PACKAGE / f"{m}.py").exists())
    return out


def reachable(module: str) -> set[str]:
    """Every `retrieval` module ``module`` imports, directly or through the modules it imports."""
    seen: set[str] = set()
    todo = [module]
    while todo:
        for m in imported_retrieval_modules(todo.pop()) - seen:
            seen.add(m)
            todo.append(m)
    return seen


def test_the_answer_and_the_evidence_never_import_the_strategies_even_through_another_module():
    for module in ("answer", "evidence", "outline"):
        assert "strategies" not in reachable(module), module
    assert {"answer", "evidence", "outline"} <= reachable("strategies")  # the strategies build on them


def test_no_import_cycle_runs_through_the_answer_the_evidence_or_the_strategies():
    """The evidence reads the answer's constants (`RELEVANT_SHARE`, `ANSWER_DEPTH`) and the answer reads which value a
    clause holds from `retrieval.values`, not from the evidence: no module of the three reaches itself."""
    for module in ("answer", "evidence", "strategies", "outline", "values"):
        assert module not in reachable(module), module
    assert "evidence" not in reachable("answer")


def test_the_reader_of_imports_sees_an_import_inside_a_function(tmp_path, monkeypatch):
    """The check reads imports wherever they stand: the cycle it guards against was made of inline imports."""
    (tmp_path / "inline.py").write_text("def f():\n    from retrieval.strategies import strategy_for\n"
                                        "if TYPE_CHECKING:\n    from retrieval.search import Retriever\n", encoding="utf-8")
    (tmp_path / "strategies.py").write_text("", encoding="utf-8")
    monkeypatch.setattr(f"{__name__}.PACKAGE", tmp_path)
    (tmp_path / "search.py").write_text("", encoding="utf-8")
    assert imported_retrieval_modules("inline") == {"strategies"}  # an import for annotations only is no import
