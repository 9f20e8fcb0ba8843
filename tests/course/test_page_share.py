"""The notebooks quote IPAC's page where the exact words matter and paraphrase the rest: at most
30% of the page body appears word for word in runs of six or more words (issue 15, item 5).
What counts as the body, as a word and as notebook text: ``page_share``'s docstring."""

from __future__ import annotations

import pytest

from .page_share import LIMIT, SEED, measure, page_body, share_of, words

SIX = "one two three four five six"


def test_a_run_of_six_words_counts():
    assert share_of(SIX, [f"before {SIX} after"]) == 1.0


def test_a_run_of_five_words_does_not():
    assert share_of(SIX, ["one two three four five", "two three four five six"]) == 0.0


def test_a_longer_run_is_counted_in_full_and_only_where_it_matches():
    body = f"{SIX} seven eight unrelated words here at the end"
    assert share_of(body, [f"{SIX} seven eight"]) == pytest.approx(8 / 14)


def test_punctuation_case_and_quote_styles_are_normalised():
    body = "Allyship is not an identity—it is a lifelong process; we’re “learning”."
    quoted = 'allyship IS NOT an identity - it is a lifelong process, we\'re "learning"'
    assert words(body) == words(quoted)
    assert share_of(body, [quoted]) == 1.0
    assert words("‘Being an ally’ – and/or not") == ["being", "an", "ally", "and", "or", "not"]


def test_overlapping_runs_are_not_double_counted():
    body = "a b c d e f g h i j"
    # two runs, a-h and c-j, overlap on c-h: ten words covered, not sixteen
    assert share_of(body, ["a b c d e f g h", "c d e f g h i j", "a b c d e f"]) == 1.0
    assert share_of(body + " k l m n o p q r s t", ["a b c d e f g h", "c d e f g h i j"]) == 0.5


def test_a_run_does_not_span_two_texts():
    assert share_of(SIX, ["one two three", "four five six"]) == 0.0


@pytest.fixture(scope="module")
def report():
    if not SEED.is_file():
        pytest.skip(f"no seed page at {SEED} (set ALLYSHIP_SEED to its path)")
    return measure()


def test_the_body_is_the_page_text_without_the_post_feed(report):
    body = page_body()
    assert body.startswith("About Allyship")
    assert "Ally Resources below." in body  # the page's last sentence stays in
    assert "PRIDoC" not in body and "Access Token" not in body  # the feed and its error do not
    assert 700 < report.body_words < 1000


def test_at_most_30_percent_of_the_page_body_is_reproduced(report):
    assert report.share <= LIMIT, (
        f"{report.covered_words} of {report.body_words} words of IPAC's page body "
        f"({report.share:.1%}) appear word for word in runs of 6+ words; the limit is "
        f"{LIMIT:.0%}. Paraphrase, starting with the notebooks and runs below.\n" + report.table(15)
    )


def test_the_french_edition_quotes_no_more_of_the_page():
    """French notebooks keep IPAC's words in English only in short quotes: the same limit."""
    if not SEED.is_file():
        pytest.skip(f"no seed page at {SEED} (set ALLYSHIP_SEED to its path)")
    french = measure(edition="fr")
    assert len(french.per_notebook) >= 8
    assert french.share <= LIMIT, french.table(15)
