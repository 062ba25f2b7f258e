"""Benchmarks of the build against the targets of the issue "Speed and scale".

Every number is a ratio against a baseline measured in the same run, since the machine is
noisy: a no-op doit against importing doit, a cold build against pandoc, a ~200-page document
against the seed, `doit -n 2` against `doit -n 1`. The project (dodo.py, layouts/, source/,
pipeline/) is snapshotted once, from the working tree or from a git revision (--rev), and each
scenario builds in its own fresh copy of that snapshot, running `python -m doit` as a child
process. Tasks and layouts are discovered, never named. The table goes to the terminal and,
with the machine's details and a profile of one PDF, to benchmarks/RESULTS.md.

    python benchmarks/run.py [--quick] [--only noop|cold|scale|parallel|profile] [--rev HEAD]
"""

from __future__ import annotations

import argparse
import datetime as dt
import io
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "RESULTS.md"
PROJECT_PARTS = ("dodo.py", "layouts", "source", "pipeline")
PANDOC = "/usr/bin/pandoc"
PROFILE_LINES = 70  # of the profile's tree, in RESULTS.md
PROFILE_DEPTH = 28  # characters of indentation: deeper frames of the tree are cut
FLAT_LINES = 25  # functions by own time, in RESULTS.md
# The Chinese review the tests build, made about five print pages long by the chinese scenario.
CHINESE_REVIEW = REPO / "tests" / "chinese_texts" / "harbour-master-review.txt"
CHINESE_PAGES = 5
CALIBRATION_COPIES = 4  # of the seed's body, in the mid-sized document of the scale scenario
# The cold build: "every edition of the seed (all PDFs, DOCX, preflight)". Previews are
# not in it: a default `doit`, previews included, is measured in a row of its own.
EDITION_TASKS = ("model", "pdf", "docx", "preflight")


class BenchmarkError(RuntimeError):
    """A command failed: the scenario's numbers would mean nothing."""


@dataclass(frozen=True)
class Run:
    seconds: float
    cpu_seconds: float  # user and system, of the process and the children it waited for
    max_rss_mb: float  # of the process and the children it waited for
    output: str


@dataclass(frozen=True)
class Row:
    target: str
    measured: str
    baseline: str
    ratio: float
    goal: str
    met: bool | None  # None: no goal, informative


@dataclass(frozen=True)
class Settings:
    repetitions: int  # cold builds and pandoc runs, median taken
    noop_repetitions: int
    pages: int  # of the synthetic document
    documents: int  # built with -n 1 and -n 2
    pairs: int  # of many-document builds with -n 1 and -n 2, median taken


FULL = Settings(repetitions=3, noop_repetitions=21, pages=200, documents=40, pairs=2)
QUICK = Settings(repetitions=1, noop_repetitions=7, pages=60, documents=8, pairs=1)


# Running commands


def run(command: list[str], cwd: Path) -> Run:
    """Run `command` to its end: wall time, and max RSS from wait4 (children included)."""
    with tempfile.TemporaryFile() as log:
        start = perf_counter()
        process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(process.pid, 0)
        seconds = perf_counter() - start
        process.returncode = os.waitstatus_to_exitcode(status)
        log.seek(0)
        output = log.read().decode("utf-8", errors="replace")
    if process.returncode:
        raise BenchmarkError(f"{' '.join(command)} failed in {cwd}:\n{output[-3000:]}")
    cpu_seconds = usage.ru_utime + usage.ru_stime
    return Run(seconds, cpu_seconds, usage.ru_maxrss / 1024, output)


def doit(project: Path, *arguments: str) -> Run:
    return run([sys.executable, "-m", "doit", *arguments], project)


def executed(result: Run) -> list[str]:
    """The tasks a doit run executed (doit prints `.  name` for them, `-- name` if up to date)."""
    return [line[3:] for line in result.output.splitlines() if line.startswith(".  ")]


def median_seconds(runs: list[Run]) -> float:
    return statistics.median(result.seconds for result in runs)


# Projects


def snapshot(rev: str | None, folder: Path) -> Path:
    """The project's files, from the working tree or from git revision `rev`."""
    folder.mkdir()
    if rev:
        archive = subprocess.run(["git", "archive", "--format=tar", rev, *PROJECT_PARTS],
                                 cwd=REPO, check=True, capture_output=True).stdout
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(folder, filter="data")
        return folder
    for part in PROJECT_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, folder / part,
                            ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(source, folder / part)
    return folder


class Workspace:
    """Fresh copies of one snapshot, in a temporary folder removed at the end."""

    def __init__(self, rev: str | None):
        self.folder = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
        self.snapshot = snapshot(rev, self.folder / "snapshot")
        self.copies = 0

    def fresh(self) -> Path:
        self.copies += 1
        return Path(shutil.copytree(self.snapshot, self.folder / f"copy-{self.copies}"))

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def seed_name(project: Path) -> str:
    """The seed: the first source text."""
    return sorted(path.stem for path in (project / "source").glob("*.txt"))[0]


def print_layout(project: Path) -> str:
    """The layout pages are counted in: `print` when there is one, else the first."""
    layouts = sorted(path.parent.name for path in (project / "layouts").glob("*/layout.toml"))
    return "print" if "print" in layouts else layouts[0]


def page_count(project: Path, name: str) -> int:
    import pikepdf

    layout = print_layout(project)
    with pikepdf.open(project / "output" / name / f"{name}-{layout}.pdf") as pdf:
        return len(pdf.pages)


def rename_seed(project: Path, seed: str, name: str, text: str) -> None:
    """Replace the seed's text by `text` under `name`; its metadata file follows it."""
    source = project / "source"
    (source / f"{seed}.txt").unlink()
    (source / f"{name}.txt").write_text(text, encoding="utf-8")
    metadata = source / f"{seed}.toml"
    if metadata.exists():
        metadata.rename(source / f"{name}.toml")


def only_seed(project: Path) -> str:
    """Leave the seed the only text in source/ (its images stay): a cold build of "the seed"
    must not grow when a colleague adds a sample text. Returns the seed's name."""
    seed = seed_name(project)
    for path in (project / "source").glob("*.*"):
        if path.suffix in (".txt", ".md", ".toml") and path.stem != seed:
            path.unlink()
    return seed


def add_copies(project: Path, seed: str, count: int) -> None:
    """`count` copies of the seed's text and metadata under other names."""
    source = project / "source"
    for number in range(1, count):
        for suffix in ("txt", "toml"):
            original = source / f"{seed}.{suffix}"
            if original.exists():
                shutil.copy2(original, source / f"{seed}-copy{number:02d}.{suffix}")


def synthetic_text(seed_text: str, copies: int) -> str:
    """The seed, then `copies - 1` copies of its body: each under a numbered heading, each
    block ending with a numbered sentence, so no block repeats its neighbour. The byline (first
    block) and photo markers (blocks of a no-break space) are not repeated."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", seed_text)]
    body = [block for block in blocks[1:] if block.replace("\u00a0", "").strip()]
    parts = [seed_text.rstrip()]
    for part in range(2, copies + 1):
        parts.append(f"Part {part} of the review")
        parts += [f"{block} (Part {part}, block {number}.)"
                  for number, block in enumerate(body, start=1)]
    return "\n\n".join(parts) + "\n"


# Scenarios


def noop(workspace: Workspace, settings: Settings) -> list[Row]:
    """1. A doit with nothing to do, after a full build, against `python -c "import doit"`."""
    project = workspace.fresh()
    doit(project)
    noops, imports = [], []
    for _ in range(settings.noop_repetitions):  # interleaved, so noise hits both alike
        noops.append(doit(project))
        imports.append(run([sys.executable, "-c", "import doit"], project))
    if ran := sorted({task for result in noops for task in executed(result)}):
        raise BenchmarkError(f"a no-op doit ran tasks: {', '.join(ran)}")
    measured, baseline = median_seconds(noops), median_seconds(imports)
    return [Row("no-op `doit` vs `python -c 'import doit'`", f"{measured:.3f} s",
                f"{baseline:.3f} s", measured / baseline, "≤ 2", measured / baseline <= 2)]


def pandoc_editions(project: Path, seed: str) -> Run:
    """pandoc making one DOCX and one PDF (WeasyPrint) from the seed: time of both."""
    source = project / "source" / f"{seed}.txt"
    docx = run([PANDOC, str(source), "-o", "pandoc.docx"], project)
    pdf = run([PANDOC, str(source), "--pdf-engine=weasyprint", "-o", "pandoc.pdf"], project)
    return Run(docx.seconds + pdf.seconds, docx.cpu_seconds + pdf.cpu_seconds,
               max(docx.max_rss_mb, pdf.max_rss_mb), "")


def cold(workspace: Workspace, settings: Settings) -> list[Row]:
    """2. A cold build of the seed against pandoc: the issue's cold build (the edition tasks,
    EDITION_TASKS) and a default `doit` (previews too), each in one process and in parallel
    (`doit` alone builds one process a core); interleaved."""
    editions = " ".join(EDITION_TASKS)
    variants = {
        ("editions", f"`doit -n 1 {editions}`"): ["-n", "1", *EDITION_TASKS],
        ("editions", f"`doit {editions}` (one process a core)"): list(EDITION_TASKS),
        ("default", "`doit -n 1`"): ["-n", "1"],
        ("default", "`doit` (one process a core)"): [],
    }
    builds: dict[tuple[str, str], list[Run]] = {variant: [] for variant in variants}
    tasks: dict[tuple[str, str], list[str]] = {}
    pandocs = []
    for _ in range(settings.repetitions):
        for variant, arguments in variants.items():
            project = workspace.fresh()
            only_seed(project)
            builds[variant].append(build := doit(project, *arguments))
            tasks[variant] = executed(build)
        project = workspace.fresh()
        pandocs.append(pandoc_editions(project, only_seed(project)))
    if previews := [task for (kind, _), ran in tasks.items() if kind == "editions"
                    for task in ran if task.split(":")[0] not in EDITION_TASKS]:
        raise BenchmarkError(f"the editions' cold build ran other tasks: {', '.join(previews)}")
    baseline = median_seconds(pandocs)
    rows = []
    for (kind, label), runs in builds.items():
        measured = median_seconds(runs)
        ratio = measured / baseline
        ran = tasks[(kind, label)]
        what = ("cold build, every edition of the seed (the issue's definition)"
                if kind == "editions" else "cold build, default (editions and previews)")
        cpu = statistics.median(result.cpu_seconds for result in runs)
        rows.append(Row(f"{what}: {label} ({len(ran)} tasks: {task_groups(ran)}; "
                        f"{cpu:.2f} s CPU) vs pandoc DOCX + PDF", f"{measured:.2f} s",
                        f"{baseline:.2f} s", ratio,
                        "≤ 2 (aim 1)" if kind == "editions" else "none: not in the target",
                        ratio <= 2 if kind == "editions" else None))
    return rows


def task_groups(tasks: list[str]) -> str:
    groups = sorted({task.split(":")[0] for task in tasks})
    return ", ".join(f"{group} ×{sum(t.split(':')[0] == group for t in tasks)}"
                     for group in groups)


def synthetic_build(workspace: Workspace, copies: int) -> tuple[Run, int]:
    """A cold build of a project whose only text is the seed made `copies` times as long."""
    project = workspace.fresh()
    seed = seed_name(project)
    seed_text = (project / "source" / f"{seed}.txt").read_text(encoding="utf-8-sig")
    rename_seed(project, seed, "synthetic", synthetic_text(seed_text, copies))
    return doit(project), page_count(project, "synthetic")


def scale(workspace: Workspace, settings: Settings) -> list[Row]:
    """3. A ~200-page document: build time per page against the seed's, and peak memory.

    A mid-sized document sets how many copies of the body make the pages wanted, and gives
    the marginal cost of a page, free of the fixed cost of starting doit and WeasyPrint."""
    seed_project = workspace.fresh()
    seed_build = doit(seed_project)
    seed_pages = page_count(seed_project, seed_name(seed_project))
    mid_build, mid_pages = synthetic_build(workspace, CALIBRATION_COPIES)
    per_copy = (mid_pages - seed_pages) / (CALIBRATION_COPIES - 1)
    copies = max(CALIBRATION_COPIES + 1, 1 + round((settings.pages - seed_pages) / per_copy))
    big_build, big_pages = synthetic_build(workspace, copies)
    per_page, seed_per_page = big_build.seconds / big_pages, seed_build.seconds / seed_pages
    marginal = (big_build.seconds - mid_build.seconds) / (big_pages - mid_pages)
    mid_marginal = (mid_build.seconds - seed_build.seconds) / (mid_pages - seed_pages)
    return [
        Row(f"cold build per page: {big_pages}-page synthetic ({copies} copies) vs seed "
            f"({seed_pages} pages)", f"{per_page * 1000:.0f} ms/page",
            f"{seed_per_page * 1000:.0f} ms/page", per_page / seed_per_page, "≤ 1.3",
            per_page / seed_per_page <= 1.3),
        Row(f"marginal cost of a page: pages {mid_pages}-{big_pages} vs pages "
            f"{seed_pages}-{mid_pages}", f"{marginal * 1000:.0f} ms/page",
            f"{mid_marginal * 1000:.0f} ms/page", marginal / mid_marginal, "≤ 1.3",
            marginal / mid_marginal <= 1.3),
        Row(f"peak RSS, {big_pages}-page build (doit and children) vs seed build",
            f"{big_build.max_rss_mb:.0f} MB", f"{seed_build.max_rss_mb:.0f} MB",
            big_build.max_rss_mb / seed_build.max_rss_mb, "≤ 400 MB",
            big_build.max_rss_mb <= 400),
    ]


def parallel(workspace: Workspace, settings: Settings) -> list[Row]:
    """4. Many documents, every edition: `doit -n 2` against `doit -n 1`, in interleaved
    pairs; the cores the -n 2 builds kept busy tell whether another load took one."""
    runs: dict[str, list[Run]] = {"1": [], "2": []}
    for _ in range(settings.pairs):
        for jobs, results in runs.items():
            project = workspace.fresh()
            add_copies(project, seed_name(project), settings.documents)
            results.append(doit(project, "-n", jobs))
    one, two = median_seconds(runs["1"]), median_seconds(runs["2"])
    cores = statistics.median(result.cpu_seconds / result.seconds for result in runs["2"])
    return [Row(f"{settings.documents} documents, every edition: speed-up of `doit -n 2` "
                f"over `-n 1` (-n 2 kept {cores:.1f} cores busy)", f"{two:.1f} s",
                f"{one:.1f} s", one / two, "≥ 1.6", one / two >= 1.6)]


def chinese_review(copies: int) -> str:
    """The Chinese review of the tests, then `copies - 1` copies of its body, each under a
    numbered heading and each block ending with a numbered sentence (as synthetic_text)."""
    text = CHINESE_REVIEW.read_text(encoding="utf-8")
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text)]
    body = [block for block in blocks[2:] if block.replace("\u00a0", "").strip()]
    parts = [text.rstrip()]
    for part in range(2, copies + 1):
        parts.append(f"第{part}部分")
        parts += [f"{block}（第{part}部分第{number}段。）" for number, block in
                  enumerate(body, start=1)]
    return "\n\n".join(parts) + "\n"


def chinese_build(workspace: Workspace, copies: int) -> tuple[Run, int, int]:
    """A cold build of every edition of the Chinese review alone, `copies` times as long:
    the run, its print pages and the print file's bytes."""
    project = workspace.fresh()
    seed = only_seed(project)
    shutil.copy(CHINESE_REVIEW.with_suffix(".toml"), project / "source" / f"{seed}.toml")
    rename_seed(project, seed, "chinese-review", chinese_review(copies))
    build = doit(project, "-n", "1", *EDITION_TASKS)
    pdf = project / "output" / "chinese-review" / f"chinese-review-{print_layout(project)}.pdf"
    return build, page_count(project, "chinese-review"), pdf.stat().st_size


def chinese(workspace: Workspace, settings: Settings) -> list[Row]:
    """5. A Chinese review of about five pages against the seed, cold, every edition in one
    process (interleaved): the cost of a print page, and the print file's size."""
    copies = 1
    while (first := chinese_build(workspace, copies))[1] < CHINESE_PAGES:
        copies += 1
    chinese_runs, seed_runs = [first], []
    for repetition in range(settings.repetitions):
        if repetition:
            chinese_runs.append(chinese_build(workspace, copies))
        project = workspace.fresh()
        seed = only_seed(project)
        seed_runs.append((doit(project, "-n", "1", *EDITION_TASKS), page_count(project, seed)))
    pages, size = first[1], first[2]
    per_page = median_seconds([run for run, _, _ in chinese_runs]) / pages
    seed_pages = seed_runs[0][1]
    seed_per_page = median_seconds([run for run, _ in seed_runs]) / seed_pages
    return [
        Row(f"cold build per print page, every edition: {pages}-page Chinese review vs the "
            f"seed ({seed_pages} pages)", f"{per_page * 1000:.0f} ms/page",
            f"{seed_per_page * 1000:.0f} ms/page", per_page / seed_per_page, "≤ 2",
            per_page / seed_per_page <= 2),
        Row(f"print PDF of the {pages}-page Chinese review vs 2 MB", f"{size / 1e6:.2f} MB",
            "2.00 MB", size / 2e6, "< 1", size < 2e6),
    ]


SCENARIOS: dict[str, Callable[[Workspace, Settings], list[Row]]] = {
    "noop": noop, "cold": cold, "scale": scale, "parallel": parallel, "chinese": chinese,
}

PROFILED = """
import sys
from pathlib import Path
from pipeline.tasks.project import Project
from pipeline.tasks.steps import build_pdf
for layout in Project(Path.cwd()).layouts():  # the seed is built in every layout
    build_pdf(Path.cwd(), sys.argv[1], layout)
"""


def profile(workspace: Workspace) -> tuple[str, str, str]:
    """pyinstrument on a fresh process building every PDF of the seed, one after the other,
    as `doit` does in one process (the model built before): the call tree (WeasyPrint's
    frames shown) and the functions taking most time of their own."""
    project = workspace.fresh()
    name = only_seed(project)
    doit(project, "model")
    script = project / "profiled.py"
    script.write_text(PROFILED, encoding="utf-8")
    command = [sys.executable, "-m", "pyinstrument", "-r", "text", "--no-color", "--unicode"]
    arguments = [str(script), name]
    tree = run([*command, "--show", "*weasyprint*", "-p",
                "processor_options.filter_threshold=0.02", *arguments], project).output
    flat = run([*command, "-p", "flat", "-p", "flat_time=self", *arguments],
               project).output
    return (f"pipeline.tasks.steps.build_pdf(root, {name!r}, layout) for every layout of the seed",
            shallow(tree), top(flat))


def shallow(tree: str) -> str:
    lines = [line for line in tree.splitlines() if re.match(r"\s*[│└├ ─]*\d+\.\d{3} ", line)]
    kept = [line for line in lines if len(line) - len(line.lstrip(" │└├─")) <= PROFILE_DEPTH]
    return "\n".join(kept[:PROFILE_LINES])


def top(flat: str) -> str:
    lines = [line for line in flat.splitlines() if re.match(r"\d+\.\d{3} ", line)]
    return "\n".join(lines[:FLAT_LINES])


# Report


def command_output(command: list[str]) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True).stdout
    except OSError:
        return ""


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def machine(load_at_start: str) -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8")
    memory_mib = int(re.search(r"MemTotal:\s*(\d+)", meminfo).group(1)) // 1024
    versions = command_output([sys.executable, "-c", "\n".join([
        "import weasyprint, doit",
        "from weasyprint.text.ffi import harfbuzz, harfbuzz_subset",
        "used = harfbuzz_subset is not None and harfbuzz.hb_version_atleast(4, 1, 0)",
        "version = '.'.join(map(str, doit.__version__))",
        "print(weasyprint.__version__, version, 'yes' if used else 'no')",
    ])]).split()
    weasyprint, doit_version, harfbuzz_used = versions or ("?", "?", "?")
    subset = [line.split()[0] for line in command_output(["ldconfig", "-p"]).splitlines()
              if "harfbuzz-subset" in line]
    return {
        "CPU": re.search(r"model name\s*:\s*(.*)", cpuinfo).group(1),
        "cores": str(os.cpu_count()),
        "memory": f"{memory_mib} MiB",
        "OS": platform.platform(),
        "load average (1, 5, 15 min) at start": load_at_start,
        "load average (1, 5, 15 min) when written": load_average(),
        "Python": platform.python_version(),
        "WeasyPrint": weasyprint,
        "doit": doit_version,
        "pandoc": command_output([PANDOC, "--version"]).partition("\n")[0],
        "libharfbuzz-subset": ", ".join(subset) or "not installed",
        "WeasyPrint subsets fonts with HarfBuzz": harfbuzz_used,
    }


MET = {True: "yes", False: "NO", None: "—"}


def table(rows: list[Row]) -> str:
    lines = ["| target | measured | baseline | ratio | goal | met? |",
             "| --- | ---: | ---: | ---: | --- | --- |"]
    lines += [f"| {row.target} | {row.measured} | {row.baseline} | {row.ratio:.2f} | {row.goal} "
              f"| {MET[row.met]} |" for row in rows]
    return "\n".join(lines)


def code_version(rev: str | None) -> str:
    commit = command_output(["git", "-C", str(REPO), "rev-parse", "--short", rev or "HEAD"])
    if rev:
        return f"git revision {rev} ({commit.strip()})"
    dirty = command_output(["git", "-C", str(REPO), "status", "--porcelain", "--",
                            *PROJECT_PARTS])
    return f"working tree at {commit.strip()}" + (" with uncommitted changes" if dirty else "")


def report(rows: list[Row], profiled: tuple[str, str, str] | None, settings: Settings,
           version: str, started: dt.datetime, load_at_start: str) -> str:
    details = "\n".join(f"| {key} | {value} |" for key, value in machine(load_at_start).items())
    parts = [
        "# Benchmark results",
        "",
        f"Written by `benchmarks/run.py` on {started:%Y-%m-%d %H:%M} UTC, "
        f"{'quick' if settings is QUICK else 'full'} run, code: {version}. "
        "Each ratio is against a baseline measured in the same run; see benchmarks/README.md.",
        "",
        table(rows),
        "",
        "## Machine",
        "",
        "| | |",
        "| --- | --- |",
        details,
    ]
    if profiled:
        call, tree, flat = profiled
        parts += ["", "## Profile of the cold PDFs, in one process", "",
                  f"pyinstrument, a fresh Python process calling `{call}`.", "",
                  "Call tree (WeasyPrint's frames shown, frames under 2 % hidden):", "",
                  "```", tree, "```", "", "Own time, top functions:", "", "```", flat, "```"]
    return "\n".join(parts) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.partition("\n\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="fewer repetitions, a smaller document, fewer documents")
    parser.add_argument("--only", choices=[*SCENARIOS, "profile"], help="one scenario only")
    parser.add_argument("--rev", help="benchmark this git revision, not the working tree")
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    args = parser.parse_args()
    settings = QUICK if args.quick else FULL
    started = dt.datetime.now(dt.UTC)
    load_at_start = load_average()
    version = code_version(args.rev)  # when snapshotted: colleagues commit during a run
    workspace = Workspace(args.rev)
    rows, profiled = [], None
    try:
        for name, scenario in SCENARIOS.items():
            if args.only in (None, name):
                print(f"running {name} ...", file=sys.stderr, flush=True)
                rows += scenario(workspace, settings)
        if args.only in (None, "profile"):
            print("running profile ...", file=sys.stderr, flush=True)
            profiled = profile(workspace)
    except BenchmarkError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        workspace.remove()
    print(table(rows))
    if not args.no_write:
        RESULTS.write_text(report(rows, profiled, settings, version, started, load_at_start),
                           encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0 if all(row.met is not False for row in rows) else 2


if __name__ == "__main__":
    sys.exit(main())
