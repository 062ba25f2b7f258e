"""Where a project keeps its sources, layouts and outputs, and what it holds."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pipeline.layouts import SETTINGS, Layout, layout_names

# The layout whose page, fonts and house style (reference.docx) the DOCX draft takes.
DRAFT_LAYOUT = "print"


@dataclass(frozen=True)
class Project:
    root: Path

    @property
    def source_dir(self) -> Path:
        return self.root / "source"

    @property
    def layouts_dir(self) -> Path:
        return self.root / "layouts"

    @property
    def output_root(self) -> Path:
        return self.root / "output"

    def documents(self) -> list[str]:
        """Every text in source/, scraped or marked up, by name (the file's stem)."""
        return sorted({path.stem for suffix in ("txt", "md")
                       for path in self.source_dir.glob(f"*.{suffix}")})

    def layouts(self) -> list[str]:
        return layout_names(self.layouts_dir)

    # --- a document's inputs ------------------------------------------------------------

    def scraped(self, name: str) -> Path:
        """The text as copied from a web page or an e-mail: source/<name>.txt."""
        return self.source_dir / f"{name}.txt"

    def markup(self, name: str) -> Path:
        """The marked-up text, read in preference to the scraped one; imported DOCX edits go
        here."""
        return self.source_dir / f"{name}.md"

    def metadata(self, name: str) -> Path:
        return self.source_dir / f"{name}.toml"

    def text_source(self, name: str) -> Path:
        """The one file a document's text is read from: the marked-up text when there is one,
        else the scraped text."""
        return self.markup(name) if self.markup(name).exists() else self.scraped(name)

    def inputs(self, name: str) -> list[Path]:
        """Every file a document's text and metadata may come from, present or not."""
        return [self.scraped(name), self.metadata(name), self.markup(name)]

    # --- a document's outputs -----------------------------------------------------------

    def output_dir(self, name: str) -> Path:
        return self.output_root / name

    def model(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.json"

    def dedupe_report(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.dedupe.json"

    def pdf(self, name: str, layout: str) -> Path:
        """An edition under the name it goes out by: to press, or to be published."""
        return self.output_dir(name) / f"{name}-{layout}.pdf"

    def failed_pdf(self, name: str, layout: str) -> Path:
        """Where an edition that failed its preflight is set aside, never under its own name."""
        return self.output_dir(name) / f"{name}-{layout}.FAILED.pdf"

    def built_pdf(self, name: str, layout: str) -> Path | None:
        """The edition as its last build left it: under its own name, else set aside as failed,
        else None."""
        return next((path for path in (self.pdf(name, layout), self.failed_pdf(name, layout))
                     if path.exists()), None)

    def preflight_report(self, name: str, layout: str) -> Path:
        return self.output_dir(name) / f"{name}-{layout}.preflight.json"

    def preview_dir(self, name: str) -> Path:
        return self.output_dir(name) / "preview"

    def contact_sheet(self, name: str, layout: str) -> Path:
        """The first contact sheet of an edition (every edition has one; a long one, more)."""
        return self.preview_dir(name) / f"{name}-{layout}-contact-01.png"

    def docx(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.docx"

    def draft_state(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.draft.json"

    # --- layouts ------------------------------------------------------------------------

    def layout(self, name: str) -> Layout:
        return Layout(name, self.layouts_dir / name)

    def layout_files(self, layout: str) -> list[Path]:
        """Every file a layout's PDF editions depend on, shared templates and fonts included."""
        return self.layout(layout).files

    def draft_layout_files(self) -> list[Path]:
        """What the DOCX draft takes from its layout: the settings, and the house style when
        the layout holds one."""
        layout = self.layout(DRAFT_LAYOUT)
        reference = [layout.reference_docx] if layout.reference_docx.exists() else []
        return [layout.folder / SETTINGS, *reference]
