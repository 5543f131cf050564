"""Directories, globs, ordering, hidden files and doc_id stability."""

import json
import os

from eventwire.ingest import read_inputs
from eventwire.types import Document, InputError

TEXT = "Officials reported clashes near the border crossing on Tuesday morning."


def _tree(root):
    (root / "b" / "deep").mkdir(parents=True)
    (root / ".hidden").mkdir()
    (root / "z.txt").write_text(TEXT)
    (root / "a.txt").write_text(TEXT)
    (root / "b" / "deep" / "c.md").write_text(TEXT)
    recs = [{"text": TEXT}, {"id": "k", "text": TEXT}]
    (root / "b" / "recs.jsonl").write_text("".join(json.dumps(r) + "\n" for r in recs))
    (root / ".secret.txt").write_text(TEXT)
    (root / ".hidden" / "x.txt").write_text(TEXT)
    (root / "README.md").write_text("# About this corpus\n")
    return root


def test_directory_is_recursive_sorted_and_skips_hidden(tmp_path):
    root = _tree(tmp_path / "corpus")
    ids = [d.doc_id for d in read_inputs([root])]
    assert ids == ["a.txt", "b/deep/c.md", "b/recs.jsonl:1", "k", "z.txt"]


def test_doc_ids_do_not_depend_on_where_the_folder_is(tmp_path, monkeypatch):
    one = _tree(tmp_path / "one" / "corpus")
    two = _tree(tmp_path / "elsewhere" / "copy")
    monkeypatch.chdir(tmp_path / "one")
    relative = [d.doc_id for d in read_inputs(["corpus"])]
    assert relative == [d.doc_id for d in read_inputs([one.resolve()])] == [d.doc_id for d in read_inputs([two])]


def test_file_given_directly_is_named_by_its_file_name(tmp_path):
    root = _tree(tmp_path / "corpus")
    (doc,) = read_inputs([str(root / "b" / "deep" / "c.md")])
    assert doc.doc_id == "c.md"
    (hidden,) = read_inputs([root / ".secret.txt"])  # named explicitly: read
    assert isinstance(hidden, Document)


def test_glob_patterns_relative_to_their_fixed_part(tmp_path, monkeypatch):
    _tree(tmp_path / "corpus")
    monkeypatch.chdir(tmp_path)
    assert [d.doc_id for d in read_inputs(["corpus/*.txt"])] == ["a.txt", "z.txt"]
    assert [d.doc_id for d in read_inputs(["corpus/**/*.md"])] == ["b/deep/c.md"]
    assert [d.doc_id for d in read_inputs(["corpus/b"])] == ["deep/c.md", "recs.jsonl:1", "k"]


def test_each_file_read_once(tmp_path):
    root = _tree(tmp_path / "corpus")
    ids = [d.doc_id for d in read_inputs([root / "a.txt", root, str(root / "*.txt")])]
    assert ids.count("a.txt") == 1 and len(ids) == 5


def test_missing_path_and_empty_glob_are_reported_and_run_goes_on(tmp_path):
    root = _tree(tmp_path / "corpus")
    out = list(read_inputs([tmp_path / "nope.txt", str(tmp_path / "*.xyz"), root / "a.txt"]))
    assert isinstance(out[0], InputError) and "no such file" in out[0].reason
    assert isinstance(out[1], InputError) and "no files match" in out[1].reason and out[1].origin.endswith("*.xyz")
    assert isinstance(out[2], Document)


def test_a_single_string_is_one_input(tmp_path):
    root = _tree(tmp_path / "corpus")
    assert len(list(read_inputs(str(root / "a.txt")))) == 1


def test_unsupported_type_is_reported_not_misread(tmp_path):
    p = tmp_path / "notes.xml"
    p.write_text("<notes>" + TEXT + "</notes>")
    (err,) = read_inputs([p])
    assert isinstance(err, InputError) and "unsupported file type" in err.reason


def test_unreadable_file_is_reported(tmp_path):
    if os.geteuid() == 0:  # root reads everything; a dangling link stands in for an unreadable file
        p = tmp_path / "dangling.txt"
        p.symlink_to(tmp_path / "gone.txt")
    else:
        p = tmp_path / "locked.txt"
        p.write_text(TEXT)
        p.chmod(0)
    (err,) = read_inputs([p])
    assert isinstance(err, InputError) and "cannot be read" in err.reason
