"""The table of readers: every kind of source a document's text is read from, by its file's
suffix, each called alike and each giving the one document model.

A reader gives the document and the report of the lines it dropped as debris (the model
task writes it as <name>.dedupe.json). Readers are imported when first called: declaring the
tasks imports this table, never a reader.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pipeline.model import Document, Metadata

Reader = Callable[[Path, "Metadata", Path], tuple["Document", dict]]


def scraped(path: Path, metadata: Metadata, source_dir: Path) -> tuple[Document, dict]:
    from pipeline.readers.scraped import read_scraped

    return read_scraped(path, metadata)


def marked_up(path: Path, metadata: Metadata, source_dir: Path) -> tuple[Document, dict]:
    from pipeline.languages import text_language
    from pipeline.readers.debris_kinds import no_debris
    from pipeline.readers.decoding import read_source
    from pipeline.readers.markup import read_markup

    text = read_source(path)
    # Its language, like a scraped text's, from its characters when the metadata names none.
    metadata = replace(metadata, language=text_language(text, metadata.language,
                                                        metadata.language_named))
    document = read_markup(text, path, metadata, source_dir)
    # Nothing is deduplicated in a marked-up text: its structure is explicit.
    return document, {"document": path.stem, "source": path.name, **no_debris(), "dropped": []}


READERS: dict[str, Reader] = {
    ".txt": scraped,  # copied from a web page, an e-mail or a PDF viewer: source/<name>.txt
    ".md": marked_up,  # the marked-up text, what an edited draft becomes: source/<name>.md
}
