"""Kernels started ahead of need (allyship/grading/kernels.py), forked from a warm parent
(allyship/grading/forkserver.py), with nbgrader's own ``Execute``: each submission still gets an
interpreter no other notebook has touched (even in the modules the warm parent imported), the
same interpreter a fresh kernel is, nbgrader's timeout still stops a cell, and no kernel (nor the
warm parent) outlives the pool."""

from __future__ import annotations

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_notebook

from allyship.grading.kernels import KernelAhead

pytestmark = [pytest.mark.slow, pytest.mark.xdist_group("grading")]


def notebook(*sources: str) -> nbformat.NotebookNode:
    nb = new_notebook(cells=[new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {
        "name": "python3",
        "display_name": "Python 3",
        "language": "python",
    }
    return nb


def make_pool(tmp_path, fork: bool = True) -> KernelAhead:
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    config = Config()
    config.Execute.timeout = 3
    config.Execute.interrupt_on_timeout = True
    return KernelAhead(Execute(config=config), tmp_path, fork=fork)


@pytest.fixture
def pool(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    ahead = make_pool(tmp_path)
    yield ahead
    ahead.close()


def run(pool, nb, tmp_path):
    km, folder = pool.take(nb)
    files = tmp_path / "files"
    files.mkdir(exist_ok=True)
    (files / "responses.json").write_text("{}", encoding="utf-8")
    nb, _ = pool.run(nb, {"metadata": {"path": str(folder)}}, km, files=files)
    return nb


def text(cell) -> str:
    return "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")


def test_no_state_crosses_submissions(pool, tmp_path):
    first = notebook(
        "import json, os, sys\n"
        "json.LEAKED = 'yes'\n"
        "LEAKED = 'yes'\n"
        "sys.modules['leak_marker'] = json\n"
        "open('left_behind.txt', 'w').write('x')\n"
        "print(os.getpid(), os.environ['NBGRADER_EXECUTION'])"
    )
    second = notebook(
        "import json, os, sys\n"
        "print(hasattr(json, 'LEAKED'), 'LEAKED' in globals(), 'leak_marker' in sys.modules,\n"
        "      os.path.exists('left_behind.txt'), os.listdir('.'))\n"
        "print(os.getpid())"
    )
    pid_first, mode = text(run(pool, first, tmp_path).cells[0]).split()
    assert mode == "autograde"  # started as nbgrader's Execute starts it
    out = text(run(pool, second, tmp_path).cells[0]).splitlines()
    assert out[0] == "False False False False ['responses.json']"
    assert out[1] != pid_first  # another process, not a reset one


def test_modules_the_warm_parent_imported_are_not_shared(pool, tmp_path):
    """The kit and ipywidgets are imported in the warm parent before any fork: what one
    submission does to them stays in its own process."""
    first = notebook(
        "import ipywidgets, allyship.kit.store as store, allyship.kit.strings as strings\n"
        "ipywidgets.LEAKED = 1\n"
        "store._STORES['leak'] = 'x'\n"
        "strings.TEXT['store.ready'] = 'changed by another learner'\n"
        "print(sorted(store._STORES))"
    )
    second = notebook(
        "import ipywidgets, allyship.kit.store as store, allyship.kit.strings as strings\n"
        "print(hasattr(ipywidgets, 'LEAKED'), 'leak' in store._STORES,\n"
        "      strings.TEXT['store.ready'] == 'changed by another learner')"
    )
    assert "leak" in text(run(pool, first, tmp_path).cells[0])
    assert text(run(pool, second, tmp_path).cells[0]).strip() == "False False False"


def interpreter(pool, tmp_path) -> dict:
    """What a cell sees of its interpreter before and after the setup cell's import."""
    import json

    probe = (
        "import json, os, sys\n"
        "print(json.dumps({'modules': sorted(sys.modules), 'path': sys.path,\n"
        "    'cwd': os.path.basename(os.getcwd()), 'argv': len(sys.argv),\n"
        "    'mode': os.environ.get('NBGRADER_EXECUTION'),\n"
        "    'main': sys.modules['__main__'].__name__,\n"
        "    'ppid_is_parent': os.getppid() == int(os.environ['JPY_PARENT_PID'])}))"
    )
    nb = notebook(
        probe,
        "from allyship import Choice, Practice, Reflection, check_answered, open_responses",
        probe,
    )
    cells = run(pool, nb, tmp_path).cells
    return {"before": json.loads(text(cells[0])), "after": json.loads(text(cells[2]))}


def test_a_forked_kernel_is_the_interpreter_a_fresh_kernel_is(pool, tmp_path):
    """Same modules once the kit is imported, same sys.path, folder, mode and __main__ as a
    kernel started as a new process; before the setup cell, the only extra modules are the
    kit's and ipywidgets' (imported ahead)."""
    forked = interpreter(pool, tmp_path)
    (tmp_path / "fresh").mkdir()
    fresh_pool = make_pool(tmp_path / "fresh", fork=False)
    try:
        fresh = interpreter(fresh_pool, tmp_path)
    finally:
        fresh_pool.close()
    assert forked["after"] == fresh["after"]
    assert forked["after"]["mode"] == "autograde" and forked["after"]["ppid_is_parent"]
    extra = set(forked["before"]["modules"]) - set(fresh["before"]["modules"])
    assert extra and all(m.split(".")[0] in {"allyship", "ipywidgets"} for m in extra)
    assert set(fresh["before"]["modules"]) <= set(forked["before"]["modules"])


def test_nbgrader_timeout_still_applies(pool, tmp_path):
    slow = notebook("import time\ntime.sleep(30)", "print('after')")
    nb = run(pool, slow, tmp_path)
    errors = [o for o in nb.cells[0].outputs if o.output_type == "error"]
    assert errors, "the timed-out cell records an error, as under nbgrader autograde"
    fine = run(pool, notebook("print(6 * 7)"), tmp_path)
    assert text(fine.cells[0]).strip() == "42"


def test_no_kernel_outlives_the_pool(pool, tmp_path):
    run(pool, notebook("1"), tmp_path)
    booting = pool._next[1]
    assert booting.has_kernel
    warm_parent = pool._server.process
    pool.close()
    assert not booting.has_kernel
    assert warm_parent.poll() is not None  # the warm parent has ended too
