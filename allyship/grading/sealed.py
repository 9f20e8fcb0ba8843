"""A grading kernel sealed off from the course: defence in depth behind the guard (guard.py).

The guard makes sure only the course's own cells run at autograde; those cells still run in a
kernel of the grading account, which can read ``source/``, ``gradebook.db``, every submission
and the exchange. This launcher starts that kernel in its own user, mount and process
namespaces (Linux, no privileges needed) where the account's home, the course folder, the
exchange and the temporary folder are empty except for the kernel's own working folder (the
submission being graded) and the Python it runs on, and where no other process (nor its view
of the files, through ``/proc/<pid>/root``) can be seen. The user id is unchanged, so nbgrader
still interrupts and stops the kernel; every mount is locked, so the kernel cannot undo them.
The network is not cut: the kernel talks to nbgrader over loopback TCP. See docs/deploy.md.

    python -m allyship.grading.sealed --install      # as the grading account: the kernelspec
    nbgrader autograde MODULE --Execute.kernel_name=allyship-sealed     (or in the config)

A kernel that cannot be sealed does not start (its error says why), so nothing runs unsealed.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import signal
import sys
import tempfile
from pathlib import Path

NAME = "allyship-sealed"
_CLONE_NEWNS, _CLONE_NEWUSER, _CLONE_NEWPID = 0x00020000, 0x10000000, 0x20000000
_MS_NOSUID, _MS_NODEV, _MS_BIND, _MS_REC, _MS_PRIVATE = 2, 4, 4096, 16384, 1 << 18
_PR_SET_PDEATHSIG = 1


def hidden_paths(cwd: Path) -> list[Path]:
    """What the kernel must not see: the home, the course folder (the nearest folder above the
    kernel's with an ``nbgrader_config.py``), the exchange, the temporary folder, and any
    folder named in ``ALLYSHIP_SEAL_HIDE`` (separated by ``os.pathsep``)."""
    found = [Path.home(), Path(tempfile.gettempdir())]
    found += [p for p in cwd.parents if (p / "nbgrader_config.py").is_file()][:1]
    for variable in ("ALLYSHIP_EXCHANGE", "ALLYSHIP_COURSE_ROOT", "ALLYSHIP_SEAL_HIDE"):
        found += [Path(p) for p in os.environ.get(variable, "").split(os.pathsep) if p]
    found = sorted({p.resolve() for p in found if p.is_dir() and p.resolve() != Path("/")})
    return [p for p in found if not any(q in p.parents for q in found)]  # outermost only


def needed_paths(cwd: Path) -> list[Path]:
    """What the kernel needs: its working folder and the Python it runs (prefixes, sys.path),
    and the kit's own package folder (code only: an editable install keeps it in the checkout,
    which may sit under a hidden folder such as the temporary one; the rest of the checkout,
    ``source/`` and its keys included, stays hidden)."""
    wanted = [cwd, Path(sys.executable).parent, Path(sys.prefix), Path(sys.base_prefix)]
    wanted += [Path(p) for p in sys.path if p]
    wanted.append(Path(__file__).resolve().parent.parent)  # the allyship package
    return sorted({p.resolve() for p in wanted if p.is_dir()})


def _libc():
    return ctypes.CDLL(ctypes.util.find_library("c"), use_errno=True)


def _check(result: int, what: str) -> None:
    if result != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"{what}: {os.strerror(err)}")


def _namespaces(libc, flags: int, uid: int, gid: int) -> None:
    """New namespaces, mapping this account's ids to themselves."""
    _check(libc.unshare(flags), "new namespaces")
    Path("/proc/self/setgroups").write_text("deny")
    Path("/proc/self/uid_map").write_text(f"{uid} {uid} 1")
    Path("/proc/self/gid_map").write_text(f"{gid} {gid} 1")


def seal(cwd: Path, keep_files: dict[Path, bytes]) -> int:
    """Hide what :func:`hidden_paths` names, show again what :func:`needed_paths` needs inside
    it, write ``keep_files`` back at their own paths, then fork. Returns 0 in the child (process
    1 of a new process namespace, with a /proc of its own) and the child's pid in the caller,
    which stays outside to wait for it."""
    libc = _libc()
    uid, gid = os.getuid(), os.getgid()
    hide = hidden_paths(cwd)
    show = [p for p in needed_paths(cwd) if any(h == p or h in p.parents for h in hide)]
    show = [p for p in show if not any(q in p.parents for q in show)]  # outermost only
    _namespaces(libc, _CLONE_NEWUSER | _CLONE_NEWNS | _CLONE_NEWPID, uid, gid)
    _check(libc.mount(None, b"/", None, _MS_REC | _MS_PRIVATE, None), "private mounts")
    # opened in the new namespace (a bind needs its source there), before anything is hidden
    handles = {p: os.open(p, os.O_PATH | os.O_DIRECTORY) for p in show}
    for path in hide:
        flags = _MS_NOSUID | _MS_NODEV
        _check(libc.mount(b"tmpfs", bytes(path), b"tmpfs", flags, b"mode=0700"), f"hide {path}")
    for path, handle in handles.items():
        path.mkdir(parents=True, exist_ok=True)
        source = f"/proc/self/fd/{handle}".encode()
        _check(libc.mount(source, bytes(path), None, _MS_BIND | _MS_REC, None), f"show {path}")
        os.close(handle)
    for path, data in keep_files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
    child = os.fork()
    if child:
        return child
    libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)  # the launcher was stopped: so is the kernel
    _check(libc.mount(b"proc", b"/proc", b"proc", _MS_NOSUID | _MS_NODEV, None), "a new /proc")
    # A second user namespace locks every mount made above: even a kernel that keeps its
    # capabilities (an account running as root) cannot unmount a hiding folder.
    _namespaces(libc, _CLONE_NEWUSER | _CLONE_NEWNS, uid, gid)
    os.chdir(cwd)
    return 0


def install(data_dir: Path | None = None) -> Path:
    """Write this kernelspec (for this Python) into the account's Jupyter data folder."""
    from jupyter_core.paths import jupyter_data_dir

    folder = Path(data_dir or jupyter_data_dir()) / "kernels" / NAME
    folder.mkdir(parents=True, exist_ok=True)
    spec = {
        "argv": [sys.executable, "-P", "-m", "allyship.grading.sealed", "-f", "{connection_file}"],
        "display_name": "Python 3 (sealed, for grading)",
        "language": "python",
    }
    (folder / "kernel.json").write_text(json.dumps(spec, indent=1) + "\n")
    return folder


def main(argv: list[str]) -> int:
    if argv[:1] == ["--install"]:
        print(install())
        return 0
    if len(argv) != 2 or argv[0] != "-f":
        print("usage: python -m allyship.grading.sealed (--install | -f FILE)", file=sys.stderr)
        return 2
    connection, cwd = Path(argv[1]).resolve(), Path.cwd().resolve()
    try:
        child = seal(cwd, {connection: connection.read_bytes()})
    except OSError as exc:
        why = f"The grading kernel could not be sealed off ({exc}); it was not started."
        print(why, file=sys.stderr)
        return 1
    if child:  # nbgrader's interrupt reaches the kernel through the process group
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        _, status = os.waitpid(child, 0)
        return os.waitstatus_to_exitcode(status)
    # -P: the working folder (the submission) is never on sys.path, not even for the launcher
    os.execv(
        sys.executable, [sys.executable, "-P", "-m", "ipykernel_launcher", "-f", str(connection)]
    )
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
