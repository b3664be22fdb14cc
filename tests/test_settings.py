"""Settings: packaged defaults < user file < environment < arguments, every key documented,
unknown keys refused by name."""

from __future__ import annotations

import re
import tomllib

import pytest

from newsaudit.errors import SettingsError
from newsaudit.settings import Settings, env_var
from paths import REPO

DOC = (REPO / "docs" / "settings.md").read_text(encoding="utf-8")
NO_USER = {"XDG_CONFIG_HOME": "/nonexistent"}


def _doc_rows() -> dict[str, tuple[str, str]]:
    rows = re.findall(r"^\| `([\w.]+)` \| `([^`]*)` \| `(\w+)` \| .+ \|$", DOC, re.M)
    return {key: (default, env) for key, default, env in rows}


def test_every_setting_is_documented_with_its_default_and_variable():
    rows = _doc_rows()
    assert sorted(rows) == sorted(Settings.keys())
    defaults = Settings.defaults()
    for key, (shown, env) in rows.items():
        value = defaults.get(key)
        documented = tomllib.loads(f"v = {shown}")["v"]
        assert documented == (value if not isinstance(value, tuple) else value[0]), key
        assert env == env_var(key)


def test_environment_variables_are_distinct():
    names = [env_var(k) for k in Settings.keys()]
    assert len(set(names)) == len(names)
    assert env_var("spacy.model") == "NEWSAUDIT_SPACY_MODEL"  # the variable the README names


def test_layers_override_in_order(tmp_path):
    user = tmp_path / "config.toml"
    user.write_text(
        "[loaded_language]\nwarning_score = 0.8\nreport_score = 0.6\n\n"
        "[checks]\nrun = ['quote_integrity', 'scare_quotes']\n",
        encoding="utf-8",
    )
    env = {**NO_USER, "NEWSAUDIT_LOADED_LANGUAGE_WARNING_SCORE": "0.9"}
    s = Settings.load(user, environ=env, overrides={"loaded_language.report_score": None,
                                                     "propaganda_technique.max_per_page": 2})
    assert s.loaded_language.report_score == 0.6      # the file
    assert s.loaded_language.warning_score == 0.9     # the environment over the file
    assert s.propaganda_technique.max_per_page == 2   # an argument
    assert s.checks.selected == ("quote_integrity", "scare_quotes")
    assert s.claims.min_checkworthy == Settings.defaults().claims.min_checkworthy


def test_user_file_is_found_by_variable_or_xdg(tmp_path):
    (tmp_path / "newsaudit").mkdir()
    (tmp_path / "newsaudit" / "config.toml").write_text("[input]\nmax_bytes = 5000\n")
    assert Settings.load(environ={"XDG_CONFIG_HOME": str(tmp_path)}).input.max_bytes == 5000
    named = tmp_path / "other.toml"
    named.write_text("[input]\nmax_bytes = 7000\n")
    env = {"XDG_CONFIG_HOME": str(tmp_path), "NEWSAUDIT_CONFIG": str(named)}
    assert Settings.load(environ=env).input.max_bytes == 7000
    assert Settings.load(environ=NO_USER) == Settings.defaults()


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("[loaded_language]\nwarning = 0.8\n", "unknown setting 'loaded_language.warning'"),
        ("[loaded]\nwarning_score = 0.8\n", "unknown settings section [loaded]"),
        ("max_bytes = 10\n", "unknown setting 'max_bytes'"),
        ("[input]\nmax_bytes = 'big'\n", "input.max_bytes must be a whole number, not 'big'"),
        ("[input]\nmax_bytes = 0\n", "input.max_bytes must be at least 1, not 0"),
        ("[input]\nformat = 'pdf'\n", "input.format must be one of 'auto', 'text', 'html'"),
        ("[claims]\nmin_checkworthy = 1.5\n", "must be between 0.0 and 1.0, not 1.5"),
        ("[claims]\nmin_checkworthy = true\n", "claims.min_checkworthy must be a number"),
        ("[checks]\nrun = [1, 2]\n", "checks.run must be a list of names"),
        ("[claims\n", "settings file is not valid TOML"),
    ],
)
def test_bad_user_files_name_the_problem(tmp_path, text, message):
    path = tmp_path / "config.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=re.escape(message)) as info:
        Settings.load(path, environ=NO_USER)
    assert info.value.source == str(path)
    assert info.value.to_dict()["code"] == "settings_invalid"


def test_a_named_file_must_exist(tmp_path):
    with pytest.raises(SettingsError, match="settings file not found"):
        Settings.load(tmp_path / "missing.toml", environ=NO_USER)


def test_bad_environment_values_name_the_variable_layer():
    env = {**NO_USER, "NEWSAUDIT_PROPAGANDA_TECHNIQUE_MAX_PER_PAGE": "lots"}
    with pytest.raises(SettingsError, match="max_per_page must be a whole number") as info:
        Settings.load(environ=env)
    assert info.value.source == "environment"


def test_environment_lists_and_numbers():
    env = {**NO_USER, "NEWSAUDIT_CHECKS_RUN": "scare_quotes, quote_integrity",
           "NEWSAUDIT_INPUT_MAX_BYTES": "2_000", "NEWSAUDIT_CLAIMS_MIN_CHECKWORTHY": "0.45"}
    s = Settings.load(environ=env)
    assert (s.checks.run, s.input.max_bytes, s.claims.min_checkworthy) == (
        ("scare_quotes", "quote_integrity"), 2000, 0.45)
    assert Settings.load(environ={**NO_USER, "NEWSAUDIT_CHECKS_RUN": ""}).checks.selected == ()


def test_unrelated_newsaudit_variables_are_left_alone():
    env = {**NO_USER, "NEWSAUDIT_SHARED": "/somewhere", "NEWSAUDIT_DATA": "/data"}
    assert Settings.load(environ=env) == Settings.defaults()


def test_to_dict_reads_back_as_a_user_file():
    s = Settings.defaults().merged({"checks": {"run": ["scare_quotes"]}})
    assert Settings.defaults().merged(s.to_dict()) == s


def test_thresholds_left_the_knowledge_files():
    """Judgements live in the settings only: the knowledge files keep word lists."""
    from newsaudit.datafiles import load_json

    assert not {"report_score", "warning_score"} & set(load_json("loaded.json"))
    assert not {"thresholds", "caps"} & set(load_json("propaganda.techniques.json"))
    assert "stance" not in load_json("checks.json")


def test_defaults_match_the_ingest_limit():
    from newsaudit.ingest import DEFAULT_MAX_BYTES

    assert Settings.defaults().input.max_bytes == DEFAULT_MAX_BYTES
