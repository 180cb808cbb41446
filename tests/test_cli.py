"""The command line as an editor uses it: exit codes, --help, folders as arguments, the main job end to end."""

from __future__ import annotations

import hashlib
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from reportsite.cli import main

from conftest import REPO, make_project


def run(args: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run `python build.py ARGS` in a project folder, as the README says."""
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    return subprocess.run([sys.executable, str(REPO / "build.py"), *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=300)


def tree_digest(folder: Path) -> dict[str, str]:
    """Hash of every file below a folder, by relative path."""
    return {p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("command", [[], ["ingest"], ["build"], ["serve"], ["check"]])
def test_every_command_has_help(command, capsys):
    with pytest.raises(SystemExit) as info:
        main([*command, "--help"])
    assert info.value.code == 0
    assert "usage:" in capsys.readouterr().out


def test_bad_usage_exits_2(capsys):
    with pytest.raises(SystemExit) as info:
        main(["publish"])
    assert info.value.code == 2
    with pytest.raises(SystemExit) as info:
        main(["serve", "--port", "eighty"])
    assert info.value.code == 2


def test_main_job_builds_every_seed_and_is_deterministic(tmp_path):
    config = make_project(tmp_path / "p")
    first = run([], config.root)
    assert first.returncode == 0, first.stderr
    site = config.root / "site"
    assert (site / "index.html").is_file()
    slugs = sorted(p.stem for p in (config.root / "content").glob("*.md"))
    assert len(slugs) == 5
    for slug in slugs:
        assert (site / "reports" / slug / "index.html").is_file()
    before = tree_digest(site)
    second = run([], config.root)
    assert second.returncode == 0, second.stderr
    assert "5 unchanged" in second.stdout
    assert tree_digest(site) == before  # byte-identical output


def test_folders_are_arguments(tmp_path):
    config = make_project(tmp_path / "p")
    archive = tmp_path / "archive"
    (archive / "raw").mkdir(parents=True)
    for seed in sorted((config.root / "seeds").glob("*.txt"))[:2]:
        (archive / "raw" / seed.name).write_bytes(seed.read_bytes())
    result = run(["ingest", "--seeds", str(archive / "raw"), "--content", str(archive / "md")], config.root)
    assert result.returncode == 0, result.stderr
    assert len(list((archive / "md").glob("*.md"))) == 2
    result = run(["build", "--content", str(archive / "md"), "--site", str(archive / "out")], config.root)
    assert result.returncode == 0, result.stderr
    assert len(list((archive / "out" / "reports").glob("*/index.html"))) == 2
    assert not (config.root / "content").exists() and not (config.root / "site").exists()


def test_options_before_the_command_name_are_kept(tmp_path):
    config = make_project(tmp_path / "p")
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    result = run(["--root", str(config.root), "ingest"], elsewhere)
    assert result.returncode == 0, result.stderr
    assert len(list((config.root / "content").glob("*.md"))) == 5 and not (elsewhere / "content").exists()
    result = run(["--root", str(config.root), "--site", str(tmp_path / "out"), "build"], elsewhere)
    assert result.returncode == 0, result.stderr
    assert len(list((tmp_path / "out" / "reports").glob("*/index.html"))) == 5
    assert not (config.root / "site").exists() and not (elsewhere / "site").exists()


@pytest.mark.parametrize("payload", [b"", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 40])
def test_unreadable_seed_is_named_and_the_others_still_build(tmp_path, payload):
    config = make_project(tmp_path / "p")
    (config.root / "seeds" / "broken.txt").write_bytes(payload)
    result = run([], config.root)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "seeds/broken.txt" in errors[0]
    assert len(list((config.root / "site" / "reports").glob("*/index.html"))) == 5


def test_bad_content_exits_1_and_keeps_the_previous_site(tmp_path):
    config = make_project(tmp_path / "p")
    assert run([], config.root).returncode == 0
    before = tree_digest(config.root / "site")
    victim = sorted((config.root / "content").glob("*.md"))[0]
    victim.write_text(victim.read_text(encoding="utf-8").replace("title:", "title: [broken", 1), encoding="utf-8")
    result = run(["build"], config.root)
    assert result.returncode == 1
    assert re.search(rf"^content/{re.escape(victim.name)}:\d+:\d+: error: invalid YAML", result.stderr, re.M)
    assert tree_digest(config.root / "site") == before


def test_a_missing_or_unreadable_content_folder_is_named_and_the_previous_site_kept(tmp_path):
    config = make_project(tmp_path / "p")
    assert run([], config.root).returncode == 0
    before = tree_digest(config.root / "site")
    for command in (["build"], ["check"]):
        result = run([*command, "--content", "contnet"], config.root)  # a typo: no such folder
        assert result.returncode == 1
        assert "error: contnet: no content folder" in result.stderr
    (config.root / "loop").symlink_to(config.root / "loop")  # a folder that cannot be listed
    result = run(["build", "--content", "loop"], config.root)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert re.search(r"^error: .*loop: cannot read the content folder: ", result.stderr, re.M)
    assert tree_digest(config.root / "site") == before


def test_a_content_folder_that_cannot_be_listed_is_an_error_not_an_empty_site(tmp_path, monkeypatch, capsys):
    import reportsite.content as content

    config = make_project(tmp_path / "p", seeds=False)
    config.content_dir.mkdir()

    real = os.scandir

    def refused(path="."):
        if Path(path) == config.content_dir:
            raise PermissionError(13, "Permission denied", str(path))
        return real(path)

    monkeypatch.setattr(content.os, "scandir", refused)  # as for a folder its owner closed to us
    assert main(["--root", str(config.root), "build"]) == 1
    assert f"error: {config.content_dir}: cannot read the content folder: Permission denied" in capsys.readouterr().err
    assert not config.site_dir.exists()


def test_bad_config_is_a_usage_error(tmp_path):
    config = make_project(tmp_path / "p", seeds=False)
    (config.root / "site.yml").write_text("title: [\n", encoding="utf-8")
    result = run(["build"], config.root)
    assert result.returncode == 2 and "site.yml:" in result.stderr


def test_one_shot_commands_collect_cyclic_garbage_rarely_and_restore_the_setting(tmp_path, monkeypatch):
    import gc

    import reportsite.cli as cli

    seen = []
    monkeypatch.setattr(cli, "run_build", lambda config: seen.append(gc.get_threshold()) or 0)
    config = make_project(tmp_path / "p", seeds=False)
    before = gc.get_threshold()
    assert main(["--root", str(config.root), "build"]) == 0
    assert seen == [cli.BATCH_GC_THRESHOLD] and gc.get_threshold() == before


def test_a_pooled_ingest_leaves_no_temporary_folder_behind(tmp_path):
    """The ingest pool's fork server keeps its socket in a temporary folder, removed at exit."""
    config = make_project(tmp_path / "p")
    seeds = sorted((config.root / "seeds").glob("*.txt"))
    for copy in range(5):  # 30 seeds: enough for the pool of two or more cores
        for seed in seeds:
            (config.root / "seeds" / f"copy{copy}_{seed.name}").write_bytes(seed.read_bytes())
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    env = {**os.environ, "PYTHONPATH": str(REPO), "TMPDIR": str(scratch)}
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "ingest"], cwd=config.root, env=env,
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    assert "30 seed(s)" in result.stderr + result.stdout
    assert sorted(p.name for p in scratch.iterdir()) == []


def test_a_command_started_without_standard_output_still_succeeds(tmp_path):
    config = make_project(tmp_path / "p")
    assert run([], config.root).returncode == 0
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    result = subprocess.run([sys.executable, str(REPO / "build.py"), "check"], cwd=config.root, env=env,
                            stdin=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, timeout=300,
                            preexec_fn=lambda: os.close(1))  # as `python build.py check >&-` starts it
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
