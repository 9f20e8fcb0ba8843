"""Work done in a forked process while this one goes on: the report's item analysis is worked
out on the second core while this process works out the report's other tables.

Only where ``fork`` exists and this process runs no other thread (:func:`can_fork`). Otherwise,
and whenever the other process fails (an error, a result that cannot be sent, a process that
dies), the work is done here when its result is asked for, so an error is raised where it would
have been without the other process.
"""

from __future__ import annotations

import gc
import multiprocessing
import threading
from collections.abc import Callable


def can_fork(with_threads: bool = False) -> bool:
    """Whether a process may be forked from this one: ``fork`` exists, and no other thread runs
    (unless ``with_threads``): a process forked while another thread holds a lock can wait on
    it for ever, and a Jupyter kernel (the dashboard, the facilitator's guide) runs several; the
    command line's ``allyship report`` runs none."""
    if "fork" not in multiprocessing.get_all_start_methods():
        return False
    return with_threads or threading.active_count() == 1


class Aside:
    """``work(*args)`` started in a forked process now (when ``fork`` is asked for and
    :func:`can_fork`, given ``with_threads``); :meth:`result` gives what it returned."""

    def __init__(
        self, work: Callable, *args, fork: bool = True, with_threads: bool = False
    ) -> None:
        self.work, self.args = work, args
        self.process = self.conn = None
        if not (fork and can_fork(with_threads)):
            return
        context = multiprocessing.get_context("fork")
        receive, send = context.Pipe(duplex=False)
        self.process = context.Process(target=_run, args=(work, args, send), daemon=True)
        gc.freeze()  # the objects made so far out of the collector's sight, in both processes:
        try:  # its passes would touch, and so copy, every page the two still share
            self.process.start()
        finally:
            gc.unfreeze()
        send.close()
        self.conn = receive

    @property
    def forked(self) -> bool:
        return self.process is not None

    def result(self):
        """What ``work(*args)`` returned: from the other process, or worked out here."""
        if self.conn is not None:
            try:
                done, value = self.conn.recv()
            except (EOFError, OSError):  # the process died
                done, value = False, None
            finally:
                self.cancel()
            if done:
                return value
        return self.work(*self.args)

    def cancel(self) -> None:
        """Stop the other process (done, or no longer wanted) and close the pipe."""
        if self.conn is not None:
            self.conn.close()
            self.conn = None
        if self.process is not None:
            if self.process.is_alive():
                self.process.terminate()
            self.process.join()
            self.process = None


def _run(work: Callable, args: tuple, conn) -> None:
    """In the forked process: send ``(True, work(*args))``, or ``(False, None)`` if it raised or
    its result cannot be sent."""
    gc.disable()  # a short life: nothing to collect that is worth copying pages for
    try:
        message = (True, work(*args))
    except Exception:  # noqa: BLE001 - the first process works it out again and raises it
        message = (False, None)
    try:
        conn.send(message)
    except Exception:  # noqa: BLE001 - a result that cannot be pickled: the same
        conn.send((False, None))
    conn.close()
