"""Sentences told alike, and articles that tell one story."""

from __future__ import annotations

from merge_texts import ONE, OTHER, RETOLD

from eventwire.merge.wording import Story, alike, same_story, told_alike, wording


def test_wording_keeps_content_words_by_their_stem_and_drops_short_sentences():
    w = wording("Russian artillery shelled the town of Kupiansk overnight, wounding three civilians.")
    assert w is not None and {"russi", "artil", "shell", "kupia", "wound", "civil"} <= w
    assert "the" not in w and "of" not in w
    assert wording("The attack was condemned.") is None


def test_a_translated_sentence_is_alike_and_another_sentence_is_not():
    assert alike(wording(ONE[3]), wording(RETOLD[3]))
    assert alike(wording(ONE[1]), wording(RETOLD[1]))
    assert not alike(wording(ONE[1]), wording(RETOLD[3]))


def test_versions_of_one_story_tell_one_story_and_a_shared_sentence_does_not_make_one():
    one, retold, other = Story.of("one", ONE), Story.of("retold", RETOLD), Story.of("other", OTHER)
    assert same_story(one, retold) and same_story(retold, one)
    assert not same_story(one, other)
    assert not same_story(one, Story.of("one", ONE))  # an article is not another version of itself


def test_a_sentence_retold_vouches_only_between_versions_of_one_story():
    one, retold, other = Story.of("one", ONE), Story.of("retold", RETOLD), Story.of("other", OTHER)
    said = frozenset({wording(ONE[2])})
    assert told_alike(said, frozenset({wording(RETOLD[2])}), one, retold)
    # "the governor of Sumy region" in an unrelated story is alike in words, but another governor's appeal
    assert alike(wording(ONE[2]), wording(OTHER[0]))
    assert not told_alike(said, frozenset({wording(OTHER[0])}), one, other)
    assert not told_alike(said, frozenset({wording(RETOLD[4])}), one, retold)  # another event of the story


def test_sentences_half_alike_always_meet_in_the_index():
    from eventwire.merge.wording import band_keys

    # 300 made-up pairs of word sets with exactly half their words in common: every pair shares an index key
    for n in range(300):
        words = [f"w{n}x{k}" for k in range(14)]
        a, b = frozenset(words[:10]), frozenset(words[:7] + words[10:])
        assert alike(a, b) and set(band_keys(a)) & set(band_keys(b)), n
