"""Settings come from SKG_ environment variables, are checked, and are documented."""

from __future__ import annotations

import pytest

from app.config import SETTINGS, load_settings
from app.errors import ConfigError
from tests.conftest import ROOT


def test_defaults_bind_to_loopback():
    settings = load_settings({})
    assert settings["SKG_HOST"] == "127.0.0.1"
    assert settings["SKG_PORT"] == 8000


@pytest.mark.parametrize(("name", "value"), [
    ("SKG_PORT", "99999"), ("SKG_QUERY_TIMEOUT", "-1"), ("SKG_INCLUDE_DEMO", "maybe"),
    ("SKG_ROW_LIMIT", "many"),
])
def test_bad_values_are_refused_by_name(name, value):
    with pytest.raises(ConfigError, match=name):
        load_settings({name: value})


def test_unknown_setting_is_refused():
    with pytest.raises(ConfigError, match="SKG_PROT"):
        load_settings({"SKG_PROT": "1"})


def test_every_setting_is_documented_in_the_readme():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    missing = [s.name for s in SETTINGS if f"`{s.name}`" not in readme]
    assert missing == []
