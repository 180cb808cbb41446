"""Command-line interface: ``reportsite [ingest|build|serve|check]`` (``python build.py`` does the same).

Exit status: 0 success, 1 content or seed errors, 2 bad usage.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import os
import sys
from pathlib import Path
from typing import Iterator, NoReturn, Sequence

from .config import ConfigError, SiteConfig, load_config

EXIT_OK, EXIT_CONTENT, EXIT_USAGE = 0, 1, 2

# pydivsufsort's OpenMP threads spin after every small suffix array and cost more than they save on
# report-sized texts; set before any stage imports it (a user's own setting wins).
os.environ.setdefault("OMP_NUM_THREADS", "1")

# A build holds a model of the whole archive: hundreds of thousands of objects that live until it ends.
# Python's default thresholds (700, 10, 10) make the cyclic collector walk them again and again (a third of
# a one-edit build at 10,000 reports, two thirds of reading the parsed reports); a one-shot command
# collects young garbage every 100,000 allocations and leaves the rest to the end of the process.
BATCH_GC_THRESHOLD = (100_000, 50, 100)


@contextlib.contextmanager
def batch_gc() -> Iterator[None]:
    """Rare cyclic garbage collection while a one-shot command runs, and none at all of the caches it
    reads (modelcache.freeze_reads); the previous settings afterwards."""
    from . import modelcache

    previous = gc.get_threshold(), modelcache.freeze_reads
    gc.set_threshold(*BATCH_GC_THRESHOLD)
    modelcache.freeze_reads = True
    try:
        yield
    finally:
        gc.set_threshold(*previous[0])
        modelcache.freeze_reads = previous[1]


def _add_common(parser: argparse.ArgumentParser) -> None:
    """Options every command takes (before or after its name)."""
    parser.add_argument("--config", type=Path, help="configuration file (default: site.yml in the project folder)")
    parser.add_argument("--root", type=Path, help="project folder (default: current folder)")


def _add_ingest_options(parser: argparse.ArgumentParser) -> None:
    """Options of ingest (and of the default command)."""
    parser.add_argument("--seeds", type=Path, help="folder of raw reports (default: seeds/)")
    parser.add_argument("--content", type=Path, help="folder of content files (default: content/)")
    parser.add_argument("--force", action="store_true", help="regenerate hand-edited content files too (a backup is kept)")


def _add_build_options(parser: argparse.ArgumentParser, content: bool = True) -> None:
    """Options of build (and of serve and the default command)."""
    if content:
        parser.add_argument("--content", type=Path, help="folder of content files (default: content/)")
    parser.add_argument("--site", type=Path, help="output folder (default: site/)")
    parser.add_argument("--base-url", help="URL the site is published under, e.g. https://user.github.io/repo/")


def make_parser() -> argparse.ArgumentParser:
    """The argument parser with its sub-commands."""
    parser = argparse.ArgumentParser(
        prog="reportsite",
        description="Turn OCR'd report texts into structured content and a cross-linked static site. "
        "Without a command: ingest new or changed seeds, then build the site.",
    )
    _add_common(parser)
    _add_ingest_options(parser)
    _add_build_options(parser, content=False)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    # A command's options have no defaults of their own (argument_default), so an option given before the
    # command's name (``--root X ingest``) is not overwritten by the command's copy of it.
    no_default = {"argument_default": argparse.SUPPRESS}

    ingest = commands.add_parser("ingest", **no_default, help="seeds/*.txt -> content/*.md (hand edits are kept)",
                                 description="Convert raw seeds into content files with YAML front matter.")
    _add_common(ingest)
    _add_ingest_options(ingest)

    build = commands.add_parser("build", **no_default, help="content/*.md -> site/", description="Check the content and render the site.")
    _add_common(build)
    _add_build_options(build)

    serve = commands.add_parser("serve", **no_default, help="build, serve on localhost and rebuild on change",
                                description="Build the site, serve it locally and reload the browser on every change.")
    _add_common(serve)
    _add_build_options(serve)
    serve.add_argument("--host", default="127.0.0.1", help="address to bind (default: 127.0.0.1)")
    serve.add_argument("--port", type=int, default=8000, help="port (default: 8000)")

    check = commands.add_parser("check", **no_default, help="validate the front matter of every content file",
                                description="Validate every content file; print file:line:col for each problem.")
    _add_common(check)
    check.add_argument("--content", type=Path, help="folder of content files (default: content/)")
    return parser


def config_from_args(args: argparse.Namespace) -> SiteConfig:
    """Load site.yml and apply the command-line overrides."""
    root = (args.root or Path.cwd()).resolve()
    config = load_config(root, args.config)
    return config.with_overrides(
        seeds=getattr(args, "seeds", None),
        content=getattr(args, "content", None),
        site=getattr(args, "site", None),
        base_url=getattr(args, "base_url", None),
    )


def run_ingest(config: SiteConfig, force: bool) -> int:
    """Ingest seeds; print one line per seed; 1 if any seed failed."""
    from .ingest import ingest

    outcomes = ingest(config, force=force, release_pool=True)  # a one-shot command: it will not ingest again
    failed = 0
    for outcome in outcomes:
        if outcome.status == "error":
            failed += 1
            print(f"error: {outcome.message}", file=sys.stderr)
        elif outcome.status != "unchanged":
            print(outcome.line())
    unchanged = sum(1 for o in outcomes if o.status == "unchanged")
    skipped = sum(1 for o in outcomes if o.status == "skipped")
    other = f", {skipped} other file(s) left alone" if skipped else ""
    print(f"ingest: {len(outcomes) - skipped} seed(s), {unchanged} unchanged, {failed} failed{other}")
    return EXIT_CONTENT if failed else EXIT_OK


def run_build(config: SiteConfig) -> int:
    """Build the site; print errors as file:line:col lines; 1 on errors."""
    from .buildcache import load_state, save_state
    from .builder import build_site

    if missing_content(config):
        print(f"build: {config.site_dir} left as it was", file=sys.stderr)
        return EXIT_CONTENT
    state = load_state(config)
    result = build_site(config, state)
    if result.ok:
        save_state(config, state)
    else:
        state.memo.spilled()  # let the writers of tables spilled before the failure finish their files
    for problem in [*result.errors, *result.warnings]:
        print(problem, file=sys.stderr)
    if not result.ok:
        print(f"build: {len(result.errors)} error(s); {config.site_dir} left as it was", file=sys.stderr)
        return EXIT_CONTENT
    warned = f", {len(result.warnings)} warning(s)" if result.warnings else ""
    print(f"build: {result.reports} report(s), {result.pages} page(s){warned} -> {config.site_dir}")
    return EXIT_OK


def run_check(config: SiteConfig) -> int:
    """Validate content; 1 when any error is found."""
    from .check import check_content

    if missing_content(config):
        return EXIT_CONTENT
    problems = check_content(config)
    for problem in problems:
        print(problem)
    errors = sum(1 for p in problems if p.severity == "error")
    print(f"check: {errors} error(s), {len(problems) - errors} warning(s)", file=sys.stderr)
    return EXIT_CONTENT if errors else EXIT_OK


def run_serve(config: SiteConfig, host: str, port: int) -> int:
    """Serve with live reload until interrupted."""
    from .serve import serve

    return serve(config, host=host, port=port)


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; its exit status (``run`` ends the process with it)."""
    args = make_parser().parse_args(argv)
    try:
        config = config_from_args(args)
    except ConfigError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_USAGE
    if args.command == "serve":  # a long-running process: the server manages collection itself
        return run_serve(config, args.host, args.port)
    from .content import ContentFolderError

    try:
        with batch_gc():
            if args.command == "ingest":
                return run_ingest(config, args.force)
            if args.command == "build":
                return run_build(config)
            if args.command == "check":
                return run_check(config)
            status = run_ingest(config, args.force)
            return max(status, run_build(config))
    except ContentFolderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return EXIT_CONTENT


def run(argv: Sequence[str] | None = None) -> NoReturn:
    """Entry point of the console script and of build.py: main, then end the process at once.

    A build of thousands of reports leaves millions of objects (the parsed reports, the site model, module
    caches) that a normal interpreter exit frees one by one: 2 s at 10,000 reports, after
    the site is already written.  Every file is closed by then and no thread of a one-shot command is left;
    the exit handlers still run (multiprocessing's removes the fork server's socket folder), the output
    streams are flushed, and the pools' helper processes see their pipes close and stop.
    """
    status = main(argv)
    if _observed():
        sys.exit(status)  # a profiler or coverage writes its report at a normal exit
    atexit._run_exitfuncs()  # what a normal exit runs before tearing the interpreter down
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: started without the stream (pythonw, `>&-`)
                stream.flush()
        except (OSError, ValueError):  # a closed pipe (``build.py | head``) or stream: nothing more can be said
            pass
    os._exit(status)


def _observed() -> bool:
    """True under a profiler, a tracer or a coverage tool (sys.monitoring, Python 3.12 and later)."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return True
    monitoring = getattr(sys, "monitoring", None)
    return monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))


def missing_content(config: SiteConfig) -> bool:
    """Say why (and return True) when there is no content folder to read: a site built from it would be empty."""
    folder = config.content_dir
    if folder.is_dir():
        return False
    try:
        os.scandir(folder).close()  # not a folder: this says why
    except FileNotFoundError:
        reason = "no content folder (`python build.py` ingests the seeds into it; --content names another)"
    except NotADirectoryError:
        reason = "not a folder (--content names the folder of content files)"
    except OSError as exc:
        reason = f"cannot read the content folder: {exc.strerror}"
    else:
        return False
    print(f"error: {config.display(folder)}: {reason}", file=sys.stderr)
    return True


if __name__ == "__main__":
    run()
