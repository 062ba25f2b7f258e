"""A change to the pipeline's code rebuilds every output that code makes, and nothing else:
each task's code dependencies are derived from its step's imports (tasks/code.py)."""

import pytest

from pipeline.tasks.code import PACKAGE_DIR, step_code

from .support import Build, copy_project, doit, tasks_run

STEPS = ("build_model", "build_pdf", "check_pdf", "preview_pdf", "build_docx")


@pytest.fixture(scope="module")
def build(tmp_path_factory) -> Build:
    return Build(copy_project(tmp_path_factory.mktemp("code") / "project", library=False,
                              code=True))


@pytest.fixture
def project(build):
    return build.restored()


def kinds(result) -> set[str]:
    """The kinds of task a run executed: model, pdf, preflight, preview, docx."""
    return {line.split()[1].split(":")[0] for line in tasks_run(result)}


def touch(path):
    path.write_text(path.read_text() + "\n# changed\n")


@pytest.mark.slow
def test_a_change_to_the_docx_writer_rebuilds_the_drafts_and_no_pdf(project):
    touch(project / "pipeline" / "writers" / "docx" / "draft.py")
    assert kinds(doit(project)) == {"docx"}


@pytest.mark.slow
def test_a_change_to_what_every_output_is_written_through_rebuilds_everything(project):
    touch(project / "pipeline" / "files.py")
    assert kinds(doit(project)) == {"model", "pdf", "preflight", "preview", "docx"}


@pytest.mark.slow
def test_a_change_to_the_preview_rebuilds_the_previews_only(project):
    touch(project / "pipeline" / "checks" / "preview.py")
    assert kinds(doit(project)) == {"preview"}


@pytest.mark.parametrize("step", STEPS)
def test_each_step_depends_on_the_modules_it_imports(step):
    names = {path.relative_to(PACKAGE_DIR).as_posix() for path in step_code(step)}
    assert {"files.py", "errors.py", "tasks/steps.py", "tasks/project.py"} <= names


def test_a_pdf_depends_on_its_writers_and_not_on_the_readers():
    names = {path.relative_to(PACKAGE_DIR).as_posix() for path in step_code("build_pdf")}
    assert {"writers/pdf/render.py", "writers/html/__init__.py", "writers/html/blocks.py",
            "writers/pdf/print_ready.py", "writers/pdf/tagging.py", "pdf/pages.py"} <= names
    assert not {"readers/scraped/structure.py", "readers/scraped/dedupe.py",
                "writers/docx/draft.py", "checks/preview.py"} & names


def test_a_step_depends_on_the_writer_it_looks_up_and_the_model_on_every_reader():
    """A step looking its writer up by its format (`WRITERS["docx"]`) runs that writer only;
    the model's, looking its reader up by the text's kind, may run any."""
    draft = {path.relative_to(PACKAGE_DIR).as_posix() for path in step_code("build_docx")}
    assert {"writers/registry.py", "writers/docx/draft.py"} <= draft
    assert "writers/pdf/render.py" not in draft
    model = {path.relative_to(PACKAGE_DIR).as_posix() for path in step_code("build_model")}
    assert {"readers/registry.py", "readers/markup.py", "readers/scraped/__init__.py"} <= model
