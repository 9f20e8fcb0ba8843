"""Kernels started ahead of need (allyship/grading/kernels.py), with nbgrader's own ``Execute``:
each submission still gets an interpreter no other notebook has touched, nbgrader's timeout
still stops a cell, and no kernel outlives the pool."""

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


@pytest.fixture
def pool(tmp_path, monkeypatch):
    from nbgrader.preprocessors import Execute
    from traitlets.config import Config

    monkeypatch.setenv("JUPYTER_RUNTIME_DIR", str(tmp_path / "runtime"))
    config = Config()
    config.Execute.timeout = 3
    config.Execute.interrupt_on_timeout = True
    ahead = KernelAhead(Execute(config=config), tmp_path)
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
    pool.close()
    assert not booting.has_kernel
