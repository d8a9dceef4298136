"""The README stays true: every setting is documented, and CI runs the README's test command."""

from __future__ import annotations

import re

from conftest import ROOT


def test_every_setting_is_in_the_readme_configuration_table():
    from assistant.config import Settings

    readme = (ROOT / "README.md").read_text()
    documented = set(re.findall(r"^\| `(CAREER_[A-Z0-9_]+)` \|", readme, flags=re.M))
    expected = {f"CAREER_{name.upper()}" for name in Settings.model_fields}
    assert expected - documented == set(), "settings missing from the README's configuration table"
    assert documented - expected == set(), "README documents settings that do not exist"


def test_ci_runs_the_readme_test_command():
    readme = (ROOT / "README.md").read_text()
    ci = (ROOT / ".ci" / "run").read_text()
    assert "make test" in readme
    assert re.search(r"^exec make test$", ci, flags=re.M)
