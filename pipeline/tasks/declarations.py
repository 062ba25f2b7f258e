"""What dodo.py declares each document's tasks from: its layouts, images and hyphenation
exceptions, as its metadata names them, read through the declaration cache (cache.py).

Declaring tasks never fails, so one bad document never stops the others: a document whose
metadata cannot be read is declared in every layout, and its model task says why.
"""

from __future__ import annotations

import functools
from pathlib import Path

from pipeline.tasks.cache import DeclarationCache, Declared
from pipeline.tasks.console import document_of
from pipeline.tasks.project import Project


class Declarations:
    def __init__(self, project: Project, cache: DeclarationCache):
        self.project = project
        self.cache = cache

    @functools.cache  # noqa: B019  (one instance a run, which lives as long as doit)
    def declared(self, name: str) -> Declared | None:
        """A document's metadata, or None when it cannot be read: the model task says why."""
        try:
            self.project.refuse_escapes(name)
            return self.cache.metadata(self.project, name)
        except Exception:  # the model task reads it again, and says why
            return None

    def layouts_for(self, name: str) -> list[str]:
        metadata = self.declared(name)
        return self.project.layouts_of(metadata.layouts if metadata else ())

    def dropped_layouts(self, name: str) -> list[str]:
        """The layouts a document no longer names: their editions are no task's to clean."""
        return [layout for layout in self.project.layouts()
                if layout not in self.layouts_for(name)]

    def images_for(self, name: str) -> list[Path]:
        metadata = self.declared(name)
        return sorted({self.project.source_dir / image for image in metadata.images.values()}
                      if metadata else ())

    def exceptions_for(self, name: str, layout: str) -> list[Path]:
        """The user's hyphenation exceptions an edition takes, where its layout hyphenates."""
        if (self.declared(name) is None
                or not self.cache.layout_facts(self.project, layout).hyphenates):
            return []  # (a document whose files lead out of the project: its model task says so)
        return [path for path in self.project.exceptions_files(name) if path.exists()]

    def editions(self) -> list[tuple[str, str]]:
        """Every (document, layout) pair to build."""
        return [(name, layout) for name in self.project.documents()
                for layout in self.layouts_for(name)]

    def source_of(self, task_name: str) -> str:
        """The file a task's failure names: its document's text."""
        return str(self.project.text_source(document_of(task_name))
                   .relative_to(self.project.root))
