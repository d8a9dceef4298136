"""The command lines as users run them: summaries, clear errors and exit codes, never a traceback."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from conftest import CORPUS, DEV_SET, run_cli


def _env(tmp_path: Path, **extra: str) -> dict:
    return {"CAREER_DATA_DIR": str(tmp_path / "data"), "CAREER_CORPUS_DIR": str(tmp_path / "corpus"), **extra}


def test_ingest_builds_then_reports_nothing_to_do(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    first = run_cli("ingest.py", env=_env(tmp_path))
    assert first.returncode == 0, first.stderr
    assert "added 2" in first.stdout and "documents" in first.stdout
    second = run_cli("ingest.py", env=_env(tmp_path))
    assert second.returncode == 0 and "nothing to embed" in second.stdout


def test_ingest_warns_about_an_unreadable_file_and_ingests_the_rest(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    (tmp_path / "corpus" / "latin1.txt").write_bytes("Ingenieur f\xfcr Daten".encode("latin-1"))
    result = run_cli("ingest.py", "--quiet", env=_env(tmp_path))
    assert result.returncode == 0
    assert "warning: skipped" in result.stderr and "latin1.txt" in result.stderr and "UTF-8" in result.stderr
    assert "2 documents" in result.stdout and "Traceback" not in result.stderr


def test_ingest_of_a_missing_folder_fails_clearly(tmp_path: Path) -> None:
    result = run_cli("ingest.py", "--corpus", str(tmp_path / "nope"), env=_env(tmp_path))
    assert result.returncode == 2
    assert "does not exist" in result.stderr and "Traceback" not in result.stderr


def test_ingest_of_an_empty_folder_fails_clearly(tmp_path: Path) -> None:
    (tmp_path / "corpus").mkdir()
    result = run_cli("ingest.py", env=_env(tmp_path))
    assert result.returncode == 2 and "holds no articles" in result.stderr and "Traceback" not in result.stderr


def test_ingest_refuses_model_weights_with_another_checksum(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    result = run_cli("ingest.py", env=_env(tmp_path, CAREER_MODEL_SHA256="0" * 64))
    assert result.returncode == 2
    assert "sha256" in result.stderr and "expected" in result.stderr and "Traceback" not in result.stderr


def test_invalid_setting_names_the_variable(tmp_path: Path) -> None:
    result = run_cli("ingest.py", env=_env(tmp_path, CAREER_TOP_K="many"))
    assert result.returncode == 2 and "CAREER_TOP_K" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("command", [["app.py", "--port", "1"], ["-m", "assistant.eval", str(DEV_SET)]])
def test_a_missing_question_bank_fails_clearly(tmp_path: Path, command: list[str]) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    result = run_cli(*command, env=_env(tmp_path, CAREER_QUESTION_BANK=str(tmp_path / "nowhere.jsonl")))
    assert result.returncode == 2 and "nowhere.jsonl does not exist" in result.stderr
    assert "Traceback" not in result.stderr


def test_eval_prints_the_metrics_table(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    result = run_cli("-m", "assistant.eval", str(DEV_SET), env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    for metric in ("hit@1", "hit@4", "MRR@10", "nDCG@10", "citation validity", "faithfulness",
                   "out-of-scope abstention", "false abstention"):
        assert f"| {metric} |" in result.stdout


def test_eval_json_follows_the_design_contract(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    result = run_cli("-m", "assistant.eval", str(DEV_SET), "--json", "--k", "4", env=_env(tmp_path))
    report = json.loads(result.stdout)
    assert set(report["retrieval"]) >= {"hit_at_1", "hit_at_k", "mrr_at_10"}
    assert set(report["answers"]) >= {"fact_recall", "citation_rate"}
    assert set(report["abstention"]) >= {"out_of_scope_rate", "false_rate"}
    assert len(report["items"]) == len(DEV_SET.read_text().strip().splitlines())
    assert report["retrieval"]["hit_at_k"] >= 0.9 and report["abstention"]["out_of_scope_rate"] == 1.0


def test_eval_of_a_malformed_question_file_names_the_line(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "type": "in_scope", "question": "ok"}\n{not json\n')
    result = run_cli("-m", "assistant.eval", str(bad), env=_env(tmp_path))
    assert result.returncode == 2 and "bad.jsonl:2" in result.stderr and "Traceback" not in result.stderr


def test_eval_report_writes_markdown_and_a_rank_plot(tmp_path: Path) -> None:
    shutil.copytree(CORPUS, tmp_path / "corpus")
    questions = tmp_path / "few.jsonl"
    questions.write_text("\n".join(DEV_SET.read_text().splitlines()[:3]) + "\n")
    result = run_cli("-m", "assistant.eval", str(questions), "--report", str(tmp_path / "out"), env=_env(tmp_path))
    assert result.returncode == 0, result.stderr
    markdown = (tmp_path / "out" / "report.md").read_text()
    assert "| nDCG@10 |" in markdown and "![Rank of the first relevant passage](ranks.png)" in markdown
    assert (tmp_path / "out" / "ranks.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
