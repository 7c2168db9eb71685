"""Hypothesis profiles for the property tests.

`suite` (the default) keeps each target to a few dozen inputs so the whole fuzz
folder adds seconds to the suite; `long` is the on-demand campaign:

    python -m pytest tests/fuzz --hypothesis-profile=long --hypothesis-show-statistics
"""

from __future__ import annotations

from hypothesis import HealthCheck, settings

_COMMON = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow, HealthCheck.data_too_large]}
settings.register_profile("suite", max_examples=25, **_COMMON)
settings.register_profile("long", max_examples=3_000, **_COMMON)


def pytest_configure(config):
    settings.load_profile(config.getoption("hypothesis_profile", None) or "suite")
