"""Benchmark: the browser edition's build time, its size, and a module's start in Chromium.

Not a test: it prints one line for docs/lite.md. It builds the site twice (with an empty
download cache, then with the cache that build filled, as a second ``make lite`` does), serves it
on 127.0.0.1, and in a fresh Chromium profile (every request outside loopback aborted) times
from the moment the module's page is asked for to the kernel being ready and to the module's
widgets being drawn after Run all.

Run from the course folder:  python benchmarks/lite_benchmark.py --module 01
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from allyship.course.layout import resolve_module  # noqa: E402
from allyship.lite.build import build_site  # noqa: E402
from tests.browser.notebook import item_ids  # noqa: E402
from tests.lite.site import Guard, Server, chromium, run_all, wait_kernel  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--module", default="01", help="the module to open (default 01)")
    args = parser.parse_args()
    module = resolve_module(REPO, args.module)
    path = f"{module}/{module}.ipynb"
    count = len(item_ids(REPO / "release" / module / f"{module}.ipynb"))
    with tempfile.TemporaryDirectory(prefix="lite-bench-") as scratch:
        scratch = Path(scratch)
        cold = build_site(REPO, scratch / "cold", scratch / "cache")
        warm = build_site(REPO, scratch / "site", scratch / "cache")
        server = Server(warm.out, scratch / "http.log")
        guard = Guard()
        try:
            with chromium(scratch / "profile", guard) as browser:
                page = browser.new_page()
                began = time.perf_counter()
                page.goto(server.url + "lab/index.html?path=" + path)
                page.locator(".jp-Notebook").first.wait_for(timeout=120_000)
                shown = time.perf_counter() - began
                wait_kernel(page, path)
                ready = time.perf_counter() - began
                run_all(page, path, count)
                drawn = time.perf_counter() - began
        finally:
            server.stop()
    load = os.getloadavg()[0]
    print(
        f"lite: build {cold.seconds:.1f} s with an empty cache, {warm.seconds:.1f} s cached; "
        f"site {warm.size / 1e6:.1f} MB in {warm.files} files; module {module}: notebook shown "
        f"{shown:.1f} s, kernel ready {ready:.1f} s, {count} widgets drawn {drawn:.1f} s after "
        f"page load; {guard.requests} requests, {len(guard.outside)} outside 127.0.0.1; "
        f"load average {load:.2f} on {os.cpu_count()} cores"
    )
    return 1 if guard.outside else 0


if __name__ == "__main__":
    sys.exit(main())
