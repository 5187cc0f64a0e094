"""The structure checks of eval.py: the scoring functions and the truth files themselves."""
import os

import pytest

import eval as scoring

CORPUS = os.path.join(scoring.HERE, "..", "..", "shared", "corpus")


def test_multiset_f1_counts_shared_items_once():
    assert scoring.multiset_f1([], []) == 1.0
    assert scoring.multiset_f1([5], []) == 0.0
    assert scoring.multiset_f1([5, 5, 3], [5, 3, 3]) == pytest.approx(2 / 3)


def test_heads_are_compared_by_shape_not_by_starting_level():
    truth = {"headings": [[2, "أولا"], [3, "فرع"]], "absent": []}
    assert scoring.score_structure(truth, None, [(1, "أولا"), (2, "فرع")], [], "")["headings"] == 1.0
    assert scoring.score_structure(truth, None, [(2, "أولا"), (2, "فرع")], [], "")["headings"] == 0.5


def test_a_head_that_repeats_the_title_is_not_a_section():
    truth = {"title": "العنوان", "headings": [], "absent": []}
    assert scoring.score_structure(truth, "العنوان", [(1, "العنوان")], [], "")["headings"] == 1.0


def test_absent_phrases_match_whole_words_after_folding():
    truth = {"absent": ["شارك", "اقرأ أيضاً", "اصلاح\u200cطلبان"], "lists": []}
    row = scoring.score_structure(truth, None, [], [], "المشاركة واسعة. اقرأ ايضا: خبر. اصلاحطلبان")
    # "شارك" inside "المشاركة" is no match; the folded read-also phrase is; a dropped ZWNJ still matches.
    assert (row["absent"], row["absentOf"]) == (1, 3)


def test_a_page_without_a_title_must_get_none():
    truth = {"title": None, "absent": []}
    assert scoring.score_structure(truth, None, [], [], "")["title"] is True
    assert scoring.score_structure(truth, "windows-1256", [], [], "")["title"] is False


def test_every_truth_file_names_a_corpus_page_and_is_well_formed():
    truths = scoring.structure_truths()
    assert len(truths) >= 29
    for page, truth in truths.items():
        assert page.split("/")[0] in ("html", "legacy-encoding", "text"), page
        assert isinstance(truth["absent"], list) and truth["notes"], page
        for level, text in truth.get("headings", []):
            assert 1 <= level <= 6 and text.strip(), page
        assert all(isinstance(size, int) and size > 0 for size in truth.get("lists", [])), page
        if os.path.isdir(CORPUS):
            assert os.path.exists(os.path.join(CORPUS, page)), page
