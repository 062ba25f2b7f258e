"""Where a project keeps its sources, layouts and outputs, and what it holds."""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

from pipeline.layouts import Layout, layout_names

PIPELINE_DIR = Path(__file__).resolve().parent.parent


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
        """Every source text in source/, raw or marked up, by name (the file's stem)."""
        return sorted({path.stem for suffix in ("txt", "md")
                       for path in self.source_dir.glob(f"*.{suffix}")})

    def layouts(self) -> list[str]:
        return layout_names(self.layouts_dir)

    def source(self, name: str) -> Path:
        return self.source_dir / f"{name}.txt"

    def metadata(self, name: str) -> Path:
        return self.source_dir / f"{name}.toml"

    def markup(self, name: str) -> Path:
        """The marked-up text, read in preference to the raw one; imported DOCX edits go here."""
        return self.source_dir / f"{name}.md"

    def text(self, name: str) -> Path:
        """The file a document's text is read from: the marked-up one when there is one."""
        return self.markup(name) if self.markup(name).exists() else self.source(name)

    def sources(self, name: str) -> list[Path]:
        """Every file a document's text and metadata may come from, present or not."""
        return [self.source(name), self.metadata(name), self.markup(name)]

    def output_dir(self, name: str) -> Path:
        return self.output_root / name

    def model(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.json"

    def dedupe_report(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.dedupe.json"

    def pdf(self, name: str, layout: str) -> Path:
        return self.output_dir(name) / f"{name}-{layout}.pdf"

    def preflight_report(self, name: str, layout: str) -> Path:
        return self.output_dir(name) / f"{name}-{layout}.preflight.json"

    def preview_dir(self, name: str) -> Path:
        return self.output_dir(name) / "preview"

    def contact_sheet(self, name: str, layout: str) -> Path:
        """The first contact sheet of an edition (every edition has one; a long one, more)."""
        return self.preview_dir(name) / f"{name}-{layout}-contact-01.png"

    def docx(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.docx"

    def reference_docx(self, layout: str = "print") -> Path:
        """The house style a layout's DOCX drafts start from, if the layout holds one."""
        return Layout(layout, self.layouts_dir / layout).reference_docx

    def draft_state(self, name: str) -> Path:
        return self.output_dir(name) / f"{name}.draft.json"

    def layout_files(self, layout: str) -> list[Path]:
        """Every file a layout's editions depend on, shared templates and fonts included."""
        return Layout(layout, self.layouts_dir / layout).files

    def declared(self, name: str) -> dict:
        """The metadata file's settings, read leniently: building reports its errors, not this."""
        try:
            return tomllib.loads(self.metadata(name).read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return {}

    def layouts_for(self, name: str) -> list[str]:
        wanted = self.declared(name).get("layouts")
        known = self.layouts()
        if isinstance(wanted, list) and wanted and all(layout in known for layout in wanted):
            return [layout for layout in known if layout in wanted]
        return known

    def images_for(self, name: str) -> list[Path]:
        images = self.declared(name).get("images")
        if not isinstance(images, dict):
            return []
        paths = (self.source_dir / str(value) for value in images.values())
        return sorted(path for path in paths if path.is_file())


def module(name: str) -> Path:
    """A pipeline module's file, for the tasks whose outputs it makes."""
    return PIPELINE_DIR.joinpath(*name.split(".")).with_suffix(".py")
