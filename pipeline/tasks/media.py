"""Pictures taken out of an edited DOCX draft, as pandoc's --extract-media takes them.

A figure's picture in the draft is the editor's when it is not the one the pipeline put
there: a picture pasted or replaced (Word's Change Picture, LibreOffice's Replace Image), or
the picture of a figure the editor added or of one whose picture was still to come. Its bytes
are compared with those the DOCX writer embedded for that figure (their digests, kept in the
draft's bookkeeping; for a draft written before they were kept, the digest of the image file
the figure was written with). An editor's picture is checked as any picture entering the
project is (readers/pictures.py), written under `source/<name>.media/` as
`figure-<number>.<kind>` (or `figure-<number>-2.<kind>` … beside a file of other bytes: no
file there is ever overwritten) and becomes the figure's image, which the marked-up source
then names. A figure still to come has no picture in the draft (the writer puts none there),
so no placeholder is ever taken for one.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import replace
from pathlib import Path

from pipeline import files
from pipeline.errors import PipelineError
from pipeline.model import Document, Figure, Metadata
from pipeline.readers.docx.draft import MAX_DOCX_BYTES, Imported
from pipeline.readers.pictures import picture_suffix
from pipeline.tasks.project import Project


def with_pictures(project: Project, name: str, imported: Imported, embedded: dict[str, str],
                  written: Document | None, metadata: Metadata) -> Document:
    """The imported document, each figure whose picture in the draft is the editor's taking
    it as its image, and each whose picture the editor deleted (its caption kept) having
    none; `embedded`: the digest of each figure's picture as written, by number. A picture
    deleted that the metadata names (`[images]`) is refused: the metadata would put it back
    in every edition."""
    earlier = {figure.number: figure.image for figure in written.figures} if written else {}
    blocks = []
    for block in imported.document.blocks:
        picture = imported.pictures.get(block.number) if isinstance(block, Figure) else None
        if picture is not None and digest(picture) != embedded.get(
                str(block.number), image_digest(project, earlier.get(block.number))):
            block = replace(block, image=taken_out(project, name, block.number, picture))
        elif isinstance(block, Figure) and picture is None and str(block.number) in embedded:
            refuse_deleting_named(project, name, block.number, metadata)
            block = replace(block, image="")
        blocks.append(block)
    return replace(imported.document, blocks=tuple(blocks))


def refuse_deleting_named(project: Project, name: str, number: int, metadata: Metadata) -> None:
    """A figure's picture deleted in the draft, where the metadata names its image: refused."""
    if number in metadata.images:
        raise PipelineError(project.docx(name).relative_to(project.root),
                            f"the picture of figure {number} was deleted (or moved), but "
                            f"{project.metadata(name).relative_to(project.root)} names one "
                            f"for it ([images] {number} = \"{metadata.images[number]}\"): to "
                            "show no picture, delete that line; else put the picture back; "
                            "save, and run doit again")


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def image_digest(project: Project, image: str | None) -> str | None:
    """The digest of a figure's image file (as the writer embeds any but a CMYK picture);
    None without one, or when it cannot be read."""
    if not image:
        return None
    try:
        return digest(files.read_at_most(files.input_file(project.source_dir / image,
                                                          project.source_dir), MAX_DOCX_BYTES))
    except PipelineError:
        return None


def taken_out(project: Project, name: str, number: int, picture: bytes) -> str:
    """The path, relative to source/, of the file holding figure `number`'s picture: one
    already holding these bytes, else a new one; checked before it is written."""
    docx = project.docx(name).relative_to(project.root)
    suffix = picture_suffix(picture, docx, f"the picture of figure {number}")
    folder = files.inside(project.media(name), project.source_dir)
    for copy in range(1, 1000):
        path = folder / f"figure-{number}{f'-{copy}' if copy > 1 else ''}{suffix}"
        if held(project, path, picture) or created(path, picture):
            return path.relative_to(files.resolved(project.source_dir)).as_posix()
    raise PipelineError(folder, f"holds a thousand files named figure-{number}: move them aside")


def held(project: Project, path: Path, picture: bytes) -> bool:
    """Whether `path` is a file inside source/ holding `picture` already."""
    real = files.input_file(path, project.source_dir)
    return (real.is_file() and real.stat().st_size == len(picture)
            and real.read_bytes() == picture)


def created(path: Path, picture: bytes) -> bool:
    """Whether `picture` was written as the new file `path`: never over a file there, even
    one that appears while it is written (a link never replaces a file)."""
    if path.exists() or path.is_symlink():
        return False
    staged = files.staged(path, picture)
    try:
        os.link(staged, path)
    except FileExistsError:
        return False
    finally:
        staged.unlink(missing_ok=True)
    return True
