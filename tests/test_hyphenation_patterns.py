"""Hyphenation dictionaries read a pattern at a time: the same patterns, so the same break
points, as pyphen's own reading of the whole dictionary."""

import pyphen
import pytest

from pipeline.writers.hyphenation_patterns import dictionary, hyphenator, pattern_lines

# Lines as hyphenation dictionaries write them: a comment, pyphen's settings, a pattern with
# values at either end, one with two digits in a row, one of zeros only written after a real
# one of the same letters (pyphen keeps the real one), one with no digit at all.
EDGES = """UTF-8
% a comment
LEFTHYPHENMIN 2
.ab1c
1ba2
a12b
x1y
x0y
zz
ée3f
"""


def patterns_as_pyphen_reads(path):
    return pyphen.HyphDict(path)


def read_whole(path):
    """`dictionary(path)`'s patterns, every one looked up, and its longest pattern."""
    read = dictionary(path)
    return {letters: read.patterns.get(letters) for letters in read.patterns.keys()}, read.maxlen


def test_each_pattern_is_read_as_pyphen_reads_it(tmp_path):
    path = tmp_path / "hyph_xx.dic"
    path.write_text(EDGES, encoding="utf-8")
    theirs = patterns_as_pyphen_reads(path)
    assert read_whole(path) == (theirs.patterns, theirs.maxlen)
    assert dictionary(path).patterns.get("zz") is None


@pytest.mark.parametrize("line", ["a^^e9b1c", "of1f/f=f,1,2"])
def test_a_dictionary_whose_lines_pyphen_rewrites_is_read_by_pyphen(tmp_path, line):
    path = tmp_path / "hyph_xx.dic"
    path.write_text(f"UTF-8\n.ab1c\n{line}\n", encoding="utf-8")
    assert pattern_lines(path) is None
    assert dictionary(path).patterns == patterns_as_pyphen_reads(path).patterns


@pytest.mark.parametrize("language", ["en_GB", "en_US", "de_DE", "fr", "nl_NL", "pt_PT"])
def test_a_language_gets_pyphens_points(language):
    words = ["administration", "hyphenation", "Leistungsfähigkeit", "développement",
             "lettergrepen", "significativamente", "unprecedented", "organisations"]
    ours = hyphenator(language, 2, 2)
    pyphens = pyphen.Pyphen(filename=pyphen.LANGUAGES[language], left=2, right=2, cache=False)
    assert [ours.positions(word) for word in words] == [pyphens.positions(word)
                                                         for word in words]


@pytest.mark.slow
@pytest.mark.parametrize("language", sorted(pyphen.LANGUAGES))
def test_every_dictionary_pyphen_carries_reads_the_same(language):
    path = pyphen.LANGUAGES[language]
    theirs = patterns_as_pyphen_reads(path)
    assert read_whole(path) == (theirs.patterns, theirs.maxlen)
