"""No lost work (issue 7, part 2): a process saving answers through the kit's widgets is killed
with SIGKILL at random moments, 30 times; ``responses.json`` must always be valid JSON and hold
every answer whose save had completed. A damaged file is kept aside, byte for byte.

The saving process is a plain Python interpreter running the widgets exactly as a notebook's
cells do (ipywidgets needs no front end to change values and fire callbacks). It prints
``saved N`` after each change returns, so every printed step is a save that completed; a kill
can land after a save and before its line, so the file must match step N or step N + 1.
"""

from __future__ import annotations

import json
import random
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow
KILLS = 30
ITEMS = ("r1", "q1", "r2", "q1")  # step i changes ITEMS[i % 4]
PADDING = " ".join(["words"] * 3000)  # long answers: a save takes long enough to be cut

CHILD = r"""
import sys
from allyship import Choice, Reflection
from allyship.kit.store import default_store

start = int(sys.argv[1])
store = default_store()
r1 = Reflection("r1", "First prompt")
r2 = Reflection("r2", "Second prompt")
q1 = Choice("q1", "A question", ["Option 0", "Option 1", "Option 2"])
print("ready", repr(store.notice), flush=True)
for i in range(start, start + 100000):
    {ITEMS_CODE}
    print("saved", i, flush=True)
"""
ITEMS_CODE = (
    "item = ('r1', 'q1', 'r2', 'q1')[i % 4]\n"
    "    if item == 'q1':\n"
    "        q1.control.value = f'Option {(i // 2) % 3}'\n"
    "    else:\n"
    "        (r1 if item == 'r1' else r2).control.value = f'step {i} {PADDING}'"
)


def value_at(i: int) -> tuple[str, str]:
    """What step ``i`` writes (the same rule as the child)."""
    item = ITEMS[i % 4]
    return (item, f"Option {(i // 2) % 3}") if item == "q1" else (item, f"step {i} {PADDING}")


def child(folder: Path, start: int) -> subprocess.Popen:
    code = CHILD.replace("{ITEMS_CODE}", ITEMS_CODE).replace(
        "from allyship import", f"PADDING = {PADDING!r}\nfrom allyship import"
    )
    return subprocess.Popen(
        [sys.executable, "-u", "-c", code, str(start)],
        cwd=folder,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def finish(proc: subprocess.Popen) -> tuple[str, str]:
    """What the killed child printed after the lines already read. (``communicate`` would skip
    lines already sitting in the reader's buffer.)"""
    out, err = proc.stdout.read(), proc.stderr.read()
    proc.wait(timeout=30)
    return out, err


def saved_steps(stdout: str) -> list[int]:
    """The steps printed as saved, from complete lines only: a kill can cut the last line."""
    complete = stdout.split("\n")[:-1]
    return [int(line.split()[1]) for line in complete if re.fullmatch(r"saved \d+", line)]


def test_sigkill_while_saving_never_loses_a_completed_save(tmp_path):
    rng = random.Random()
    seed = rng.randrange(10**6)
    rng.seed(seed)
    on_disk: dict = {}
    for round_ in range(KILLS):
        start = round_ * 100000
        proc = child(tmp_path, start)
        ready = proc.stdout.readline()
        assert ready.startswith("ready None"), ready + proc.stderr.read()
        first = proc.stdout.readline()  # saving has begun: kill somewhere in what follows
        time.sleep(rng.uniform(0.0, 0.2))
        proc.send_signal(signal.SIGKILL)
        out, err = finish(proc)
        out = first + out
        assert proc.returncode == -signal.SIGKILL, err
        steps = saved_steps(out)
        assert steps == list(range(start, start + len(steps))), f"seed {seed}"
        after = [dict(on_disk)]  # after[k]: the file once k steps of this round completed
        for i in range(start, start + len(steps) + 1):
            item, value = value_at(i)
            after.append({**after[-1], item: value})
        actual = json.loads((tmp_path / "responses.json").read_text(encoding="utf-8"))
        n = len(steps)
        assert actual in (after[n], after[n + 1]), f"round {round_}, seed {seed}: lost a save"
        on_disk = actual
    leftovers = {p.name for p in tmp_path.iterdir()} - {"responses.json"}
    assert all(n.startswith(".responses.json.") and n.endswith(".tmp") for n in leftovers)


def test_a_damaged_file_is_kept_aside_byte_for_byte_and_saving_goes_on(tmp_path):
    damaged = b'{"r1": "A reflection written before the power cut, and th'
    (tmp_path / "responses.json").write_bytes(damaged)
    proc = child(tmp_path, 0)
    ready = proc.stdout.readline()
    first = proc.stdout.readline()
    time.sleep(0.1)
    proc.send_signal(signal.SIGKILL)
    out, _ = finish(proc)
    out = first + out
    asides = sorted(tmp_path.glob("responses.damaged-*.json"))
    assert len(asides) == 1 and asides[0].read_bytes() == damaged
    assert asides[0].name in ready and "could not be read" in ready  # the learner is told
    steps = saved_steps(out)
    assert steps, out
    data = json.loads((tmp_path / "responses.json").read_text(encoding="utf-8"))
    assert set(data) <= {"r1", "r2", "q1"} and data[ITEMS[steps[-1] % 4]]
