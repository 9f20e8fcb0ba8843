"""Printing an HTML page to PDF with Debian's chromium (headless, no network), and counting a
PDF's pages, for the handouts and the facilitator kit's printing checklist."""

from __future__ import annotations

import re
import shutil
import subprocess
import tempfile
from pathlib import Path

from ..errors import HandoutError

#: a page object in a PDF's page tree (``/Type /Pages`` is the tree itself, not a page)
PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def find_chromium(chromium: str | None = None) -> str:
    browser = chromium or shutil.which("chromium") or shutil.which("chromium-browser")
    if not browser:
        raise HandoutError(
            "Chromium is needed to print PDF handouts: install it (make browser-deps), "
            "or use the HTML handouts (--html-only)."
        )
    return browser


def print_pdf(page: Path, pdf: Path, chromium: str | None = None) -> None:
    """Print ``page`` to ``pdf`` with Debian's chromium, headless (no network needed)."""
    browser = find_chromium(chromium)
    with tempfile.TemporaryDirectory() as profile:
        args = [
            browser,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-dev-shm-usage",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            f"--user-data-dir={profile}",
            "--no-pdf-header-footer",
            f"--print-to-pdf={pdf}",
            page.resolve().as_uri(),
        ]
        proc = subprocess.run(
            args,
            capture_output=True,
            text=True,
            timeout=120,
            env={"TMPDIR": profile, "PATH": "/usr/bin:/bin", "HOME": profile},
        )
    if proc.returncode != 0 or not pdf.is_file():
        raise HandoutError(f"Chromium could not print {page.name}: {proc.stderr.strip()[-300:]}")


def pdf_pages(pdf: Path) -> int:
    """How many pages ``pdf`` has (chromium writes each page object uncompressed)."""
    count = len(PAGE_OBJECT.findall(pdf.read_bytes()))
    if count == 0:
        raise HandoutError(f"{pdf} has no pages that could be counted; print it again.")
    return count
