"""Benchmarks of the build, on a fresh install as the README sets it up, against the project's
speed targets.

The code measured is a git revision (HEAD unless --rev says), cloned afresh and installed by
the README's own set-up line into a new virtual environment, with benchmarks/requirements.txt
beside it; every scenario builds in a fresh copy of that clone's project (dodo.py, layouts/,
source/), running the environment's `python -m doit` as a child process. Every number is a
ratio against a baseline measured in the same run, interleaved with it, since the machine is
noisy: a no-op doit against importing doit, a cold build against pandoc (and Typst beside
it), a Chinese print page against an English one, the last pages of a ~300-page document
against its first, `doit -n 2` against `doit -n 1`. Each time is given as wall time and as
processor time (of the process and the children it waited for). Tasks and layouts are
discovered, never named. The table goes to the terminal and, with the machine's details and
a profile of one PDF, to benchmarks/RESULTS.md.

    python benchmarks/run.py [--quick] [--only noop|cold|scale|parallel|chinese|profile]
                             [--rev HEAD] [--no-write] [--against REV [--budget 1.15]]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import platform
import re
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from time import perf_counter

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "benchmarks" / "RESULTS.md"
PROJECT_PARTS = ("dodo.py", "layouts", "source")  # a project; the package is installed
PANDOC = "/usr/bin/pandoc"
TYPST_DESIGN = "benchmarks/seed.typ"  # the seed's model set by Typst in our editions' design
PROFILE_LINES = 70  # of the profile's tree, in RESULTS.md
PROFILE_DEPTH = 28  # characters of indentation: deeper frames of the tree are cut
FLAT_LINES = 25  # functions by own time, in RESULTS.md
# The Chinese review the tests build, made about five print pages long by the chinese scenario.
CHINESE_REVIEW = Path("tests") / "chinese_texts" / "harbour-master-review.txt"
CHINESE_PAGES = 5
CALIBRATION_COPIES = 4  # of the seed's body, in the mid-sized document of the scale scenario
# The cold build the targets mean: every edition of the seed (PDFs, DOCX, preflight). Previews are
# not in it: a default `doit`, previews included, is measured in a row of its own, and so are
# the editions' files alone (FILE_TASKS: no preflight, no preview), as pandoc's run makes.
EDITION_TASKS = ("model", "pdf", "docx", "preflight")
FILE_TASKS = ("model", "pdf", "docx")
# What the editions' tasks bring with them: a preflight waits for its edition's preview, so a
# failing edition is set aside only after its pages were drawn (README, "failed editions").
BROUGHT_ALONG = ("preview",)


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
    cpu: tuple[float, float] | None = None  # processor seconds, measured and baseline


@dataclass(frozen=True)
class Settings:
    repetitions: int  # cold builds and pandoc runs, median taken
    noop_repetitions: int
    pages: int  # of the synthetic document
    documents: int  # built with -n 1 and -n 2
    pairs: int  # of many-document builds with -n 1 and -n 2, median taken


FULL = Settings(repetitions=5, noop_repetitions=21, pages=300, documents=40, pairs=2)
QUICK = Settings(repetitions=1, noop_repetitions=7, pages=60, documents=8, pairs=1)


# The fresh install


class Install:
    """A clone of the repository at one revision, set up by the README's own line in a new
    virtual environment, with what the benchmarks need beside it; in a temporary folder."""

    def __init__(self, rev: str):
        self.folder = Path(tempfile.mkdtemp(prefix="pipeline-bench-"))
        self.clone = self.folder / "clone"
        self.commit = git("rev-parse", rev).strip()
        self.environment = dict(os.environ)
        # A user's shell writes bytecode, and imports nothing from elsewhere.
        for name in ("PYTHONDONTWRITEBYTECODE", "PYTHONPATH", "VIRTUAL_ENV"):
            self.environment.pop(name, None)
        self.python = self.clone / ".venv" / "bin" / "python"

    def set_up(self) -> None:
        quiet = {"cwd": self.folder, "env": self.environment}
        checked(["git", "clone", "--quiet", "--no-checkout", str(REPO), str(self.clone)], **quiet)
        checked(["git", "checkout", "--quiet", "--detach", self.commit], cwd=self.clone,
                env=self.environment)
        checked(["bash", "-c", readme_setup(self.clone / "README.md")], cwd=self.clone,
                env=self.environment)
        checked([str(self.python), "-m", "pip", "install", "--quiet", "-r",
                 "benchmarks/requirements.txt"], cwd=self.clone, env=self.environment)
        # The first build after installing compiles the package once; no scenario pays it.
        checked([str(self.python), "-m", "compileall", "-q", "pipeline"], cwd=self.clone,
                env=self.environment)
        self.environment["PATH"] = f"{self.python.parent}{os.pathsep}{os.environ['PATH']}"
        self.environment["VIRTUAL_ENV"] = str(self.python.parent.parent)

    def remove(self) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)


def readme_setup(readme: Path) -> str:
    """The README's line that makes the virtual environment and installs the pipeline, without
    the build it goes on to: `python3 -m venv .venv && ... && pip install -e .`."""
    for line in readme.read_text(encoding="utf-8").splitlines():
        match = re.match(r"(python3 -m venv \.venv\b.*?pip install -e \.)(\s|$)", line.strip())
        if match:
            return match.group(1)
    raise BenchmarkError(f"{readme} gives no line `python3 -m venv .venv ... pip install -e .`")


def git(*arguments: str) -> str:
    return subprocess.run(["git", "-C", str(REPO), *arguments], check=True,
                          capture_output=True, text=True).stdout


def checked(command: list[str], **options) -> None:
    result = subprocess.run(command, capture_output=True, text=True, **options)
    if result.returncode:
        raise BenchmarkError(f"{shlex.join(command)} failed:\n{result.stdout[-2000:]}"
                             f"{result.stderr[-2000:]}")


# Running commands


class Bench:
    """The install, and fresh copies of its project, in the install's temporary folder."""

    def __init__(self, install: Install):
        self.install = install
        self.copies = 0

    def fresh(self) -> Path:
        self.copies += 1
        project = self.install.folder / f"copy-{self.copies}"
        project.mkdir()
        for part in PROJECT_PARTS:
            source = self.install.clone / part
            if source.is_dir():
                shutil.copytree(source, project / part)
            else:
                shutil.copy2(source, project / part)
        return project

    def run(self, command: list[str], cwd: Path) -> Run:
        """Run `command` to its end: wall time, and CPU time and max RSS from wait4 (children
        included)."""
        with tempfile.TemporaryFile() as log:
            start = perf_counter()
            process = subprocess.Popen(command, cwd=cwd, stdout=log, stderr=subprocess.STDOUT,
                                       env=self.install.environment)
            _, status, usage = os.wait4(process.pid, 0)
            seconds = perf_counter() - start
            process.returncode = os.waitstatus_to_exitcode(status)
            log.seek(0)
            output = log.read().decode("utf-8", errors="replace")
        if process.returncode:
            raise BenchmarkError(f"{' '.join(command)} failed in {cwd}:\n{output[-3000:]}")
        cpu_seconds = usage.ru_utime + usage.ru_stime
        return Run(seconds, cpu_seconds, usage.ru_maxrss / 1024, output)

    def python(self, *arguments: str, cwd: Path) -> Run:
        return self.run([str(self.install.python), *arguments], cwd)

    def doit(self, project: Path, *arguments: str) -> Run:
        return self.python("-m", "doit", *arguments, cwd=project)


def executed(result: Run) -> list[str]:
    """The tasks a doit run executed (doit prints `.  name` for them, `-- name` if up to date)."""
    return [line[3:] for line in result.output.splitlines() if line.startswith(".  ")]


def median_seconds(runs: list[Run]) -> float:
    return statistics.median(result.seconds for result in runs)


def median_cpu(runs: list[Run]) -> float:
    return statistics.median(result.cpu_seconds for result in runs)


def timed(target: str, runs: list[Run], baselines: list[Run], goal: str,
          met: Callable[[float, float], bool | None]) -> Row:
    """A row of median wall and CPU times against the baseline's; `met(wall ratio, CPU ratio)`."""
    wall, base_wall = median_seconds(runs), median_seconds(baselines)
    cpu, base_cpu = median_cpu(runs), median_cpu(baselines)
    return Row(target, f"{wall:.3f} s", f"{base_wall:.3f} s", wall / base_wall, goal,
               met(wall / base_wall, cpu / base_cpu), (cpu, base_cpu))


# Projects


def seed_name(project: Path) -> str:
    """The seed: the first source text."""
    return sorted(path.stem for path in (project / "source").glob("*.txt"))[0]


def layouts(project: Path) -> list[str]:
    return sorted(path.parent.name for path in (project / "layouts").glob("*/layout.toml"))


def print_layout(project: Path) -> str:
    """The layout pages are counted in: `print` when there is one, else the first."""
    return "print" if "print" in layouts(project) else layouts(project)[0]


def pdf_pages(pdf: Path) -> int:
    result = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, check=True)
    return int(re.search(r"Pages:\s*(\d+)", result.stdout).group(1))


def print_pages(project: Path, name: str) -> int:
    return pdf_pages(project / "output" / name / f"{name}-{print_layout(project)}.pdf")


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


def lengthened(text: str, copies: int, skipped: int, part: Callable[[int], str],
               numbered: Callable[[str, int, int], str]) -> str:
    """`text`, then `copies - 1` copies of its body (its blocks after the first `skipped`,
    photo markers left out), each under a heading `part(n)` and each block ended by a
    numbered sentence `numbered(block, n, i)`, so deduplication keeps them all."""
    blocks = [block.strip() for block in re.split(r"\n\s*\n", text)]
    body = [block for block in blocks[skipped:] if block.replace("\u00a0", "").strip()]
    parts = [text.rstrip()]
    for number in range(2, copies + 1):
        parts.append(part(number))
        parts += [numbered(block, number, index) for index, block in enumerate(body, start=1)]
    return "\n\n".join(parts) + "\n"


def synthetic_text(seed_text: str, copies: int) -> str:
    """The seed, then copies of its body (its byline, the first block, not repeated)."""
    return lengthened(seed_text, copies, 1, lambda number: f"Part {number} of the review",
                      lambda block, number, index: f"{block} (Part {number}, block {index}.)")


def chinese_review(text: str, copies: int) -> str:
    """The Chinese review of the tests, then copies of its body (as synthetic_text)."""
    return lengthened(text, copies, 2, lambda number: f"第{number}部分",
                      lambda block, number, index: f"{block}（第{number}部分第{index}段。）")


# Scenarios


def noop(bench: Bench, settings: Settings) -> list[Row]:
    """1. A doit with nothing to do, after a full build, against `python -c "import doit"`."""
    project = bench.fresh()
    bench.doit(project)
    noops, imports = [], []
    for _ in range(settings.noop_repetitions):  # interleaved, so noise hits both alike
        noops.append(bench.doit(project))
        imports.append(bench.python("-c", "import doit", cwd=project))
    if ran := sorted({task for result in noops for task in executed(result)}):
        raise BenchmarkError(f"a no-op doit ran tasks: {', '.join(ran)}")
    return [timed("no-op `doit` vs `python -c 'import doit'`", noops, imports, "≤ 1.5",
                  lambda wall, cpu: wall <= 1.5)]


def pandoc_editions(bench: Bench, project: Path, seed: str) -> Run:
    """pandoc making one DOCX and one PDF (WeasyPrint) from the seed: time of both."""
    source = project / "source" / f"{seed}.txt"
    docx = bench.run([PANDOC, str(source), "-o", "pandoc.docx"], project)
    pdf = bench.run([PANDOC, str(source), "--pdf-engine=weasyprint", "-o", "pandoc.pdf"],
                    project)
    return Run(docx.seconds + pdf.seconds, docx.cpu_seconds + pdf.cpu_seconds,
               max(docx.max_rss_mb, pdf.max_rss_mb), "")


TYPST_EDITIONS = """
import sys
import typst
design, model, fonts, *editions = sys.argv[1:]
for edition in editions:
    typst.compile(design, output=f"typst-{edition}.pdf", font_paths=[fonts],
                  ignore_system_fonts=True, sys_inputs={"model": model, "edition": edition})
"""


def typst_editions(bench: Bench, project: Path, seed: str) -> Run:
    """Typst setting the seed's model (built before, not timed) in each layout's design
    (benchmarks/seed.typ, in one process, fonts from layouts/fonts/ only)."""
    shutil.copy(bench.install.clone / TYPST_DESIGN, project / "seed.typ")
    return bench.python("-c", TYPST_EDITIONS, "seed.typ", f"output/{seed}/{seed}.json",
                        "layouts/fonts", *layouts(project), cwd=project)


def cold(bench: Bench, settings: Settings) -> list[Row]:
    """2. A cold build of the seed against pandoc: every edition (the edition tasks,
    EDITION_TASKS) in one process a core and in one, its files alone (FILE_TASKS: what pandoc
    makes, no checks), its PDFs alone in one process (beside Typst's), and a default `doit`
    (previews too); interleaved."""
    editions, files = " ".join(EDITION_TASKS), " ".join(FILE_TASKS)
    variants = {
        ("editions", f"`doit {editions}` (one process a core)"): list(EDITION_TASKS),
        ("editions", f"`doit -n 1 {editions}`"): ["-n", "1", *EDITION_TASKS],
        ("files", f"`doit {files}` (one process a core)"): list(FILE_TASKS),
        ("pdfs", "`doit -n 1 model pdf`"): ["-n", "1", "model", "pdf"],
        ("default", "`doit` (one process a core)"): [],
    }
    builds: dict[tuple[str, str], list[Run]] = {variant: [] for variant in variants}
    tasks: dict[tuple[str, str], list[str]] = {}
    pandocs, typsts = [], []
    for _ in range(settings.repetitions):
        for variant, arguments in variants.items():
            project = bench.fresh()
            only_seed(project)
            builds[variant].append(build := bench.doit(project, *arguments))
            tasks[variant] = executed(build)
            # pandoc beside each build: the machine's speed drifts by a fifth within minutes.
            project = bench.fresh()
            seed = only_seed(project)
            pandocs.append(pandoc_editions(bench, project, seed))
        bench.doit(project, "model")
        typsts.append(typst_editions(bench, project, seed))
    if previews := [task for (kind, _), ran in tasks.items() if kind != "default"
                    for task in ran
                    if task.split(":")[0] not in (*EDITION_TASKS, *BROUGHT_ALONG)]:
        raise BenchmarkError(f"the editions' cold build ran other tasks: {', '.join(previews)}")
    rows = []
    for (kind, label), runs in builds.items():
        ran = tasks[(kind, label)]
        what = {"editions": "cold build, every edition of the seed",
                "files": "cold build, the seed's PDFs and DOCX alone (no preflight, no preview)",
                "pdfs": "cold build, the seed's PDFs alone",
                "default": "cold build, default (editions and previews)"}[kind]
        target = f"{what}: {label} ({len(ran)} tasks: {task_groups(ran)}) vs pandoc DOCX + PDF"
        if kind != "editions":
            rows.append(timed(target, runs, pandocs, "none", lambda wall, cpu: None))
        elif "-n 1" in label:
            rows.append(timed(target, runs, pandocs, "CPU ≤ 2.5", lambda wall, cpu: cpu <= 2.5))
        else:
            rows.append(timed(target, runs, pandocs, "wall ≤ 1.3, CPU ≤ 2.5",
                              lambda wall, cpu: wall <= 1.3 and cpu <= 2.5))
    pdfs = builds[("pdfs", "`doit -n 1 model pdf`")]
    rows.append(timed(f"Typst, the seed's {len(layouts(project))} PDFs from its model "
                      f"({TYPST_DESIGN}) vs pandoc DOCX + PDF", typsts, pandocs, "none",
                      lambda wall, cpu: None))
    rows.append(timed("our PDFs of the seed (`doit -n 1 model pdf`) vs Typst's", pdfs, typsts,
                      "none", lambda wall, cpu: None))
    return rows


def task_groups(tasks: list[str]) -> str:
    groups = sorted({task.split(":")[0] for task in tasks})
    return ", ".join(f"{group} ×{sum(t.split(':')[0] == group for t in tasks)}"
                     for group in groups)


def synthetic_build(bench: Bench, copies: int) -> tuple[Run, int]:
    """A cold build of a project whose only text is the seed made `copies` times as long."""
    project = bench.fresh()
    seed = only_seed(project)
    seed_text = (project / "source" / f"{seed}.txt").read_text(encoding="utf-8-sig")
    rename_seed(project, seed, "synthetic", synthetic_text(seed_text, copies))
    return bench.doit(project), print_pages(project, "synthetic")


def scale(bench: Bench, settings: Settings) -> list[Row]:
    """3. A ~300-page document: the cost of its last pages against its first, and peak memory.

    A mid-sized document sets how many copies of the body make the pages wanted; the marginal
    cost of a page from there to the end, against from the seed to there, is free of the fixed
    cost of starting doit and WeasyPrint, which flatters the large document per page."""
    seed_build, seed_pages = synthetic_build(bench, 1)
    mid_build, mid_pages = synthetic_build(bench, CALIBRATION_COPIES)
    per_copy = (mid_pages - seed_pages) / (CALIBRATION_COPIES - 1)
    copies = max(CALIBRATION_COPIES + 1, 1 + round((settings.pages - seed_pages) / per_copy))
    big_build, big_pages = synthetic_build(bench, copies)

    def per_page(run: Run, before: Run, pages: int) -> Run:
        return Run((run.seconds - before.seconds) / pages,
                   (run.cpu_seconds - before.cpu_seconds) / pages, 0, "")

    end = per_page(big_build, mid_build, big_pages - mid_pages)
    start = per_page(mid_build, seed_build, mid_pages - seed_pages)
    whole = per_page(big_build, Run(0, 0, 0, ""), big_pages)
    seed = per_page(seed_build, Run(0, 0, 0, ""), seed_pages)
    return [
        per_page_row(f"cost of a page at the end vs at the start: pages {mid_pages}-{big_pages} "
                     f"vs pages {seed_pages}-{mid_pages} of a {big_pages}-page document "
                     f"({copies} copies of the seed's body)", end, start, "CPU ≤ 1.3",
                     lambda wall, cpu: cpu <= 1.3),
        per_page_row(f"cold build per page, start-up included: {big_pages}-page document vs the "
                     f"seed ({seed_pages} pages)", whole, seed, "none", lambda wall, cpu: None),
        Row(f"peak RSS, {big_pages}-page build (doit and the children it waited for) vs the "
            "seed's", f"{big_build.max_rss_mb:.0f} MB", f"{seed_build.max_rss_mb:.0f} MB",
            big_build.max_rss_mb / seed_build.max_rss_mb, "≤ 400 MB",
            big_build.max_rss_mb <= 400),
    ]


def per_page_row(target: str, measured: Run, baseline: Run, goal: str,
                 met: Callable[[float, float], bool | None]) -> Row:
    wall, cpu = measured.seconds / baseline.seconds, measured.cpu_seconds / baseline.cpu_seconds
    return Row(target, f"{measured.seconds * 1000:.0f} ms/page",
               f"{baseline.seconds * 1000:.0f} ms/page", wall, goal, met(wall, cpu),
               (measured.cpu_seconds, baseline.cpu_seconds))


def parallel(bench: Bench, settings: Settings) -> list[Row]:
    """4. Many documents, every edition: `doit -n 2` against `doit -n 1`, in interleaved
    pairs; the cores the -n 2 builds kept busy tell whether another load took one."""
    runs: dict[str, list[Run]] = {"1": [], "2": []}
    for _ in range(settings.pairs):
        for jobs, results in runs.items():
            project = bench.fresh()
            add_copies(project, only_seed(project), settings.documents)
            results.append(bench.doit(project, "-n", jobs))
    one, two = median_seconds(runs["1"]), median_seconds(runs["2"])
    cores = statistics.median(result.cpu_seconds / result.seconds for result in runs["2"])
    return [Row(f"{settings.documents} documents, every edition: speed-up of `doit -n 2` "
                f"over `-n 1` (-n 2 kept {cores:.1f} cores busy)", f"{two:.1f} s",
                f"{one:.1f} s", one / two, "≥ 1.6", one / two >= 1.6,
                (median_cpu(runs["2"]), median_cpu(runs["1"])))]


def print_edition(bench: Bench, project: Path, name: str) -> tuple[Run, int, int]:
    """The print edition of document `name` built alone, its model built before: the run,
    its pages and its bytes."""
    bench.doit(project, "-n", "1", "model")
    layout = print_layout(project)
    run = bench.doit(project, "-n", "1", f"pdf:{name}/{layout}")
    pdf = project / "output" / name / f"{name}-{layout}.pdf"
    return run, pdf_pages(pdf), pdf.stat().st_size


def chinese_edition(bench: Bench, copies: int) -> tuple[Run, int, int]:
    """The print edition of the Chinese review alone, made `copies` times as long."""
    project = bench.fresh()
    seed = only_seed(project)
    review = bench.install.clone / CHINESE_REVIEW
    shutil.copy(review.with_suffix(".toml"), project / "source" / f"{seed}.toml")
    text = chinese_review(review.read_text(encoding="utf-8"), copies)
    rename_seed(project, seed, "chinese-review", text)
    return print_edition(bench, project, "chinese-review")


def chinese(bench: Bench, settings: Settings) -> list[Row]:
    """5. The print edition of a Chinese review of about five pages against the seed's, each
    built alone after its model (interleaved): the processor time of a page, and the file's
    size."""
    copies = 1
    while (first := chinese_edition(bench, copies))[1] < CHINESE_PAGES:
        copies += 1
    chinese_runs, seed_runs = [first], []
    for repetition in range(settings.repetitions):
        if repetition:
            chinese_runs.append(chinese_edition(bench, copies))
        project = bench.fresh()
        seed_runs.append(print_edition(bench, project, only_seed(project)))
    pages, size = first[1], first[2]
    seed_pages = seed_runs[0][1]

    def per_page(runs, pages: int) -> Run:
        return Run(median_seconds([run for run, *_ in runs]) / pages,
                   median_cpu([run for run, *_ in runs]) / pages, 0, "")

    return [
        per_page_row(f"print edition per page (`doit -n 1 pdf:<name>/print`, its model built "
                     f"before): {pages}-page Chinese review vs the seed ({seed_pages} pages)",
                     per_page(chinese_runs, pages), per_page(seed_runs, seed_pages),
                     "CPU ≤ 2", lambda wall, cpu: cpu <= 2),
        Row(f"print PDF of the {pages}-page Chinese review vs 2 MB", f"{size / 1e6:.2f} MB",
            "2.00 MB", size / 2e6, "< 1", size < 2e6),
    ]


def against(bench: Bench, other: Bench, settings: Settings, budget: float | None) -> list[Row]:
    """A cold build of the seed, `doit -n 1` (every edition and its previews), by the code
    measured against the same by another revision's install, interleaved: what a change costs
    (a change's budget, `--budget`, is a ratio of processor time)."""
    ours, theirs = [], []
    for _ in range(2 * settings.repetitions + 2):
        for runs, side in ((ours, bench), (theirs, other)):
            project = side.fresh()
            only_seed(project)
            runs.append(side.doit(project, "-n", "1"))
    goal = f"CPU ≤ {budget}" if budget else "none"
    return [timed(f"cold build of the seed, `doit -n 1` (editions and previews): this code vs "
                  f"revision {other.install.commit[:10]}", ours, theirs, goal,
                  lambda wall, cpu: cpu <= budget if budget else None)]


SCENARIOS: dict[str, Callable[[Bench, Settings], list[Row]]] = {
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


def profile(bench: Bench) -> tuple[str, str, str]:
    """pyinstrument on a fresh process building every PDF of the seed, one after the other,
    as `doit` does in one process (the model built before): the call tree (WeasyPrint's
    frames shown) and the functions taking most time of their own."""
    project = bench.fresh()
    name = only_seed(project)
    bench.doit(project, "model")
    script = project / "profiled.py"
    script.write_text(PROFILED, encoding="utf-8")
    command = ["-m", "pyinstrument", "-r", "text", "--no-color", "--unicode"]
    arguments = [str(script), name]
    tree = bench.python(*command, "--show", "*weasyprint*", "-p",
                        "processor_options.filter_threshold=0.02", *arguments,
                        cwd=project).output
    flat = bench.python(*command, "-p", "flat", "-p", "flat_time=self", *arguments,
                        cwd=project).output
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


def command_output(command: list[str], **options) -> str:
    try:
        return subprocess.run(command, capture_output=True, text=True, **options).stdout
    except OSError:
        return ""


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


VERSIONS = """
import importlib.metadata as metadata, platform
print(platform.python_version(), *(metadata.version(name) for name in
      ("weasyprint", "doit", "uharfbuzz", "typst")))
"""


def machine(install: Install, load_at_start: str) -> dict[str, str]:
    cpuinfo = Path("/proc/cpuinfo").read_text(encoding="utf-8")
    meminfo = Path("/proc/meminfo").read_text(encoding="utf-8")
    memory_mib = int(re.search(r"MemTotal:\s*(\d+)", meminfo).group(1)) // 1024
    versions = command_output([str(install.python), "-c", VERSIONS],
                              env=install.environment).split() or ["?"] * 5
    return {
        "CPU": re.search(r"model name\s*:\s*(.*)", cpuinfo).group(1),
        "cores": str(os.cpu_count()),
        "memory": f"{memory_mib} MiB",
        "OS": platform.platform(),
        "load average (1, 5, 15 min) at start": load_at_start,
        "load average (1, 5, 15 min) when written": load_average(),
        "install": f"a fresh clone, `{readme_setup(install.clone / 'README.md')}` (README.md), "
                   "then `pip install -r benchmarks/requirements.txt`",
        "Python": versions[0],
        "WeasyPrint": versions[1],
        "doit": versions[2],
        "uharfbuzz (subsets the fonts)": versions[3],
        "Typst (PyPI typst)": versions[4],
        "pandoc": command_output([PANDOC, "--version"]).partition("\n")[0],
    }


MET = {True: "yes", False: "NO", None: "—"}


def table(rows: list[Row]) -> str:
    lines = ["| target | measured | baseline | ratio | CPU | baseline CPU | CPU ratio | goal "
             "| met? |",
             "| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- | --- |"]
    for row in rows:
        cpu = (["—"] * 3 if row.cpu is None else
               [cpu_text(row, row.cpu[0]), cpu_text(row, row.cpu[1]),
                f"{row.cpu[0] / row.cpu[1]:.2f}"])
        cells = [row.target, row.measured, row.baseline, f"{row.ratio:.2f}", *cpu, row.goal,
                 MET[row.met]]
        lines.append(f"| {' | '.join(cells)} |")
    return "\n".join(lines)


def cpu_text(row: Row, seconds: float) -> str:
    return f"{seconds * 1000:.0f} ms/page" if "page" in row.measured else f"{seconds:.3f} s"


def code_version(install: Install, rev: str) -> str:
    version = f"git revision {rev} ({install.commit[:10]})"
    if rev == "HEAD" and git("status", "--porcelain", "--", *PROJECT_PARTS, "pipeline"):
        version += "; the working tree's uncommitted changes are not measured"
    return version


def report(rows: list[Row], profiled: tuple[str, str, str] | None, settings: Settings,
           install: Install, version: str, started: dt.datetime, load_at_start: str) -> str:
    details = "\n".join(f"| {key} | {value} |"
                        for key, value in machine(install, load_at_start).items())
    parts = [
        "# Benchmark results",
        "",
        f"Written by `benchmarks/run.py` on {started:%Y-%m-%d %H:%M} UTC, "
        f"{'quick' if settings is QUICK else 'full'} run, code: {version}, on a fresh install "
        "as README.md sets it up. Each ratio is against a baseline measured in the same run; "
        "see benchmarks/README.md.",
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
    parser.add_argument("--rev", default="HEAD", help="the git revision to benchmark")
    parser.add_argument("--no-write", action="store_true", help="do not write RESULTS.md")
    parser.add_argument("--against", metavar="REV",
                        help="also a cold build of the seed against this revision's, interleaved")
    parser.add_argument("--budget", type=float,
                        help="with --against: the processor-time ratio the change may cost")
    args = parser.parse_args()
    settings = QUICK if args.quick else FULL
    started = dt.datetime.now(dt.UTC)
    load_at_start = load_average()
    install = Install(args.rev)
    version = code_version(install, args.rev)  # when cloned: colleagues commit during a run
    other = Install(args.against) if args.against else None
    rows, profiled = [], None
    try:
        print(f"installing {version} afresh ...", file=sys.stderr, flush=True)
        install.set_up()
        bench = Bench(install)
        if other:
            print(f"installing revision {args.against} afresh ...", file=sys.stderr, flush=True)
            other.set_up()
            rows += against(bench, Bench(other), settings, args.budget)
        for name, scenario in SCENARIOS.items():
            if args.only in (None, name):
                print(f"running {name} ...", file=sys.stderr, flush=True)
                rows += scenario(bench, settings)
        if args.only in (None, "profile"):
            print("running profile ...", file=sys.stderr, flush=True)
            profiled = profile(bench)
        text = report(rows, profiled, settings, install, version, started, load_at_start)
    except BenchmarkError as error:
        print(f"benchmark failed: {error}", file=sys.stderr)
        return 1
    finally:
        install.remove()
        if other:
            other.remove()
    print(table(rows))
    if not args.no_write:
        RESULTS.write_text(text, encoding="utf-8")
        print(f"wrote {RESULTS.relative_to(REPO)}", file=sys.stderr)
    return 0 if all(row.met is not False for row in rows) else 2


if __name__ == "__main__":
    sys.exit(main())
