"""Each test about one module reads the course's sentences in that module's language: a test
parametrised on ``fr-01_etre_allie`` compares what the French learner sees with the French
strings (``t()``), an English one with the English."""

from __future__ import annotations

import pytest

from allyship.kit.store import MODULE_NAME, module_language
from allyship.kit.strings import current_language, use_language


@pytest.fixture(autouse=True)
def edition_language(request):
    params = getattr(getattr(request.node, "callspec", None), "params", {})
    modules = [v for v in params.values() if isinstance(v, str) and MODULE_NAME.match(v)]
    before = current_language()
    use_language(module_language(modules[0]) if modules else "en")
    yield
    use_language(before)
