"""Reading and cleaning articles: boilerplate goes, every article sentence stays, headings come back."""

from __future__ import annotations

import re
from pathlib import Path

import frontmatter
import pytest

from assistant.corpus import CorpusError, clean_text, load_corpus, read_document
from conftest import CORPUS, SEEDS

SERTIS = SEEDS / "000_3f6f10e6b8f1b1c4.txt"
MACHINE = SEEDS / "001_6be779b15760f6db.txt"

BOILERPLATE = {
    SERTIS: ["Comments"],
    MACHINE: [
        "TECHNOLOGYtech", "Data Center Chief Technology Officer Holding Laptop",
        "machine learning and modern computer technologies concepts", "Image from Adobe Stock", "Data Scientist",
        "Leave a Reply", "Your email address will not be published. Required fields are marked *",
    ],
}


def _lines(path: Path) -> list[str]:
    return [re.sub(r"\s+", " ", l.replace("\u00a0", " ")).strip() for l in path.read_text().splitlines()]


def _body_lines(markdown: str) -> list[str]:
    return [re.sub(r"^(## |- )", "", l) for l in markdown.splitlines() if l.strip()]


@pytest.mark.parametrize("seed", [SERTIS, MACHINE], ids=["sertis", "machine"])
def test_cleaning_removes_every_boilerplate_line(seed: Path) -> None:
    body = _body_lines(clean_text(seed.read_text()).markdown)
    for line in BOILERPLATE[seed]:
        assert line not in body


@pytest.mark.parametrize("seed", [SERTIS, MACHINE], ids=["sertis", "machine"])
def test_cleaning_keeps_every_article_line_verbatim(seed: Path) -> None:
    cleaned = clean_text(seed.read_text())
    body = _body_lines(cleaned.markdown)
    # "CommentsTECHNOLOGYtech" spans the two seed files: the Sertis file ends with "Comments".
    expected = [l for l in _lines(seed) if l and l not in BOILERPLATE[seed] and l != cleaned.title]
    assert expected and [l for l in expected if l not in body] == []


def test_cleaning_recovers_plain_line_headings_as_markdown_headings() -> None:
    markdown = clean_text(SERTIS.read_text()).markdown
    assert "## What does a machine learning engineer do?" in markdown
    assert "## Essential skills for a software engineer" in markdown
    assert "## Machine learning engineer and software engineer: the collaboration" in markdown


def test_cleaning_turns_short_lines_under_a_heading_into_a_list() -> None:
    markdown = clean_text(SERTIS.read_text()).markdown
    assert "## Essential skills for a machine learning engineer\n\n- Strong foundation in mathematics and statistics\n- Proficiency" in markdown


def test_cleaning_takes_a_leading_heading_line_as_the_title() -> None:
    assert clean_text(MACHINE.read_text()).title == "Which Engineer Works on Machine?"
    assert clean_text(SERTIS.read_text()).title is None


def test_cleaning_keeps_a_job_board_link_as_a_paragraph_and_in_the_links() -> None:
    # It is the article's answer to "where can I apply?", so it stays text; a line holding an address is no heading.
    cleaned = clean_text(SERTIS.read_text())
    assert cleaned.links == ["https://www.careers.sertiscorp.com/jobs"]
    assert "\n\nFind open positions and job opportunities at: https://www.careers.sertiscorp.com/jobs\n" in cleaned.markdown


def test_cleaning_drops_a_line_that_is_only_a_link() -> None:
    raw = "A real sentence of the article about data engineers.\nhttps://example.org/share?id=1\n"
    assert clean_text(raw).markdown.strip() == "A real sentence of the article about data engineers."


def test_cleaning_drops_the_comment_section_with_everything_after_it() -> None:
    raw = "Intro line that is a real sentence of the article.\nLeave a Comment\nGreat post!\nName *\n"
    assert clean_text(raw).markdown.strip() == "Intro line that is a real sentence of the article."


def test_committed_corpus_is_the_cleaned_seeds() -> None:
    bodies = {frontmatter.load(p).content.strip() for p in CORPUS.glob("*.md")}
    for seed in (SERTIS, MACHINE):
        assert clean_text(seed.read_text()).markdown.strip() in bodies


def test_committed_corpus_front_matter_names_title_and_publisher() -> None:
    posts = {p.name: frontmatter.load(p) for p in CORPUS.glob("*.md")}
    assert {post["title"] for post in posts.values()} == {"Machine learning engineer vs. software engineer", "Which Engineer Works on Machine?"}
    assert any(post.get("publisher") == "Sertis" for post in posts.values())


def test_markdown_article_uses_front_matter_title_and_url(tmp_path: Path) -> None:
    (tmp_path / "a.md").write_text("---\ntitle: Data roles\nurl: https://example.org/data\n---\n\n## Data Engineer\n\nBuilds pipelines.\n")
    doc = read_document(tmp_path / "a.md", tmp_path)
    assert (doc.title, doc.url, doc.source) == ("Data roles", "https://example.org/data", "https://example.org/data")


def test_html_article_keeps_headings_and_drops_navigation(tmp_path: Path) -> None:
    (tmp_path / "p.html").write_text(
        "<html><head><title>Roles</title></head><body><nav>Home Blog</nav><article><h1>Roles</h1>"
        "<h2>DevOps Engineer</h2><p>DevOps engineers automate deployment.</p><ul><li>Docker</li><li>Kubernetes</li></ul>"
        "<p>Image from Adobe Stock</p></article><footer>Copyright</footer></body></html>"
    )
    doc = read_document(tmp_path / "p.html", tmp_path)
    assert doc.title == "Roles"
    assert "## DevOps Engineer" in doc.text and "- Docker" in doc.text
    assert "Home Blog" not in doc.text and "Copyright" not in doc.text and "Adobe" not in doc.text


def test_plain_text_article_is_cleaned_at_load(tmp_path: Path) -> None:
    (tmp_path / "s.txt").write_text(SERTIS.read_text())
    doc = read_document(tmp_path / "s.txt", tmp_path)
    assert not doc.text.rstrip().endswith("Comments") and "## What does a software engineer do?" in doc.text


def test_non_utf8_file_is_skipped_with_its_name_and_reason(tmp_path: Path) -> None:
    (tmp_path / "good.md").write_text("---\ntitle: Good\n---\nA sentence about engineers.\n")
    (tmp_path / "bad.txt").write_bytes("caf\xe9 engineers".encode("latin-1"))
    report = load_corpus(tmp_path)
    assert [d.title for d in report.documents] == ["Good"]
    assert [(p.name, "UTF-8" in reason) for p, reason in report.skipped] == [("bad.txt", True)]


def test_markdown_with_broken_front_matter_is_skipped(tmp_path: Path) -> None:
    (tmp_path / "ok.md").write_text("Some text about data engineers.\n")
    (tmp_path / "broken.md").write_text("---\ntitle: [unclosed\n---\nBody.\n")
    report = load_corpus(tmp_path)
    assert [p.name for p, _ in report.skipped] == ["broken.md"]


def test_missing_corpus_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="does not exist"):
        load_corpus(tmp_path / "nope")


def test_empty_corpus_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(CorpusError, match="holds no articles"):
        load_corpus(tmp_path)
