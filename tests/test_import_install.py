"""`policytui import --install`: the new city appears everywhere with no other step."""

from __future__ import annotations

import json

import pytest

from policytui.cli.main import main
from policytui.core.locations import user_data_dir
from tests.conftest import AS_OF, FIXTURES

SOURCE = FIXTURES / "import" / "webpage.txt"  # 北山市 on open source


@pytest.fixture
def installed(capsys):
    assert main(["import", str(SOURCE), "--install", "--id", "beishan", "--city-en", "Beishan"]) == 0
    capsys.readouterr()
    return user_data_dir()


def run_json(capsys, *argv: str):
    code = main([*argv, "--as-of", AS_OF.isoformat()])
    out = capsys.readouterr().out
    assert code == 0
    return json.loads(out)


def test_install_writes_into_the_user_data_directory(installed):
    assert sorted(p.name for p in installed.iterdir()) == [
        "beishan.rules.toml",
        "beishan.source.txt",
        "beishan.toml",
    ]


def test_list_search_compare_and_matrix_show_the_new_city(capsys, installed):
    assert "beishan" in [p["id"] for p in run_json(capsys, "list", "--json")]
    hits = run_json(capsys, "search", "开源基金会", "--json")["results"]
    assert hits[0]["policy"] == "beishan"
    compared = run_json(capsys, "compare", "open-source", "--format", "json")
    assert "beishan" in json.dumps(compared, ensure_ascii=False)
    matrix = run_json(capsys, "compare", "--matrix", "--format", "json")
    assert "beishan" in [p["id"] for p in matrix["policies"]]


def test_the_draft_rules_load_for_the_calculator(capsys, installed):
    rules = run_json(capsys, "calc", "--list", "--json")
    assert any(rule["id"].startswith("beishan:") for rule in rules)


async def test_the_browse_tree_shows_the_new_city(installed, monkeypatch, tmp_path):
    from policytui.tui.app import create_app
    from policytui.tui.browse.tree import PolicyTree

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    app = create_app(as_of=AS_OF)
    app.animation_level = "none"
    async with app.run_test(size=(120, 36)) as pilot:
        for _ in range(100):  # the library loads in a worker
            if app.library is not None:
                break
            await pilot.pause(0.05)
        await pilot.pause()
        labels = [node.label.plain for node in app.screen.query_one(PolicyTree).root.children]
        assert any(
            label.startswith("北山 ") and "北山市关于支持开源软件发展的若干措施" in label for label in labels
        )


def test_installing_again_needs_force_and_replaces_the_same_file(capsys, installed):
    code = main(["import", str(SOURCE), "--install", "--id", "beishan"])
    err = capsys.readouterr().err
    assert code == 2 and "--force" in err
    assert main(["import", str(SOURCE), "--install", "--id", "beishan", "--force"]) == 0
