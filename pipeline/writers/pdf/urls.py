"""The files a PDF's rendering may read, and the URLs it names them by.

WeasyPrint reads what the HTML and the stylesheets name through the URL fetcher here: data:
URLs, and files under the layouts or the sources (symbolic links followed, so neither a
text nor a layout can pull in other files of the machine or anything from the network).
Figure images are named by SOURCE_URL, which the fetcher maps to the source folder: a real
path would make the image resources' names, and so the bytes, depend on where the project
lies.
"""

from __future__ import annotations

import functools
from pathlib import Path
from urllib.parse import urljoin, urlsplit
from urllib.request import url2pathname

SOURCE_HOST = "source"
SOURCE_URL = f"file://{SOURCE_HOST}/"


class RefusedURLError(PermissionError):
    """A resource outside the layouts and the sources: never read."""


def picture_url(image: str) -> str:
    """The URL WeasyPrint reads a figure's image at (the HTML's src, URL-encoded)."""
    from jinja2.filters import do_urlencode

    return urljoin(SOURCE_URL, do_urlencode(image))


def project_file(url: str, layouts_dir: Path, source_dir: Path) -> Path | None:
    """The real file a file: URL or a SOURCE_URL names, when it (symbolic links followed)
    lies under `layouts_dir` or `source_dir`; None for any other URL."""
    parts = urlsplit(url)
    if parts.scheme != "file" or parts.netloc not in (SOURCE_HOST, "", "localhost"):
        return None
    path = Path(url2pathname(parts.path))
    if parts.netloc == SOURCE_HOST:
        path = source_dir / path.relative_to("/")
    path = path.resolve()
    return path if path.is_relative_to(layouts_dir) or path.is_relative_to(source_dir) else None


def readable_url(url: str, layouts_dir: Path, source_dir: Path) -> str:
    """The URL to read for `url`: a data: URL itself, else its project file's. Anything else
    raises RefusedURLError."""
    if urlsplit(url).scheme == "data":
        return url
    path = project_file(url, layouts_dir, source_dir)
    if path is None:
        raise RefusedURLError(f"refused {url}: neither data nor a file of the project")
    return path.as_uri()


def url_fetcher(layouts_dir: Path, source_dir: Path, pictures: dict | None = None):
    """A WeasyPrint URL fetcher reading only data: URLs and files under `layouts_dir` or
    `source_dir` (also named by SOURCE_URL), and a figure's picture as `pictures` (by real
    path) prepared it; anything else stops the rendering with RefusedURLError."""
    return confined_fetcher_class()(layouts_dir.resolve(), source_dir.resolve(),
                                    pictures or {})


@functools.cache
def confined_fetcher_class():
    # Defined on first use: subclassing needs WeasyPrint, which is imported late.
    from weasyprint import URLFetcher
    from weasyprint.urls import URLFetcherResponse

    class ConfinedURLFetcher(URLFetcher):
        def __init__(self, layouts_dir: Path, source_dir: Path, pictures: dict):
            super().__init__(allowed_protocols=("file", "data"), fail_on_errors=True)
            self.layouts_dir = layouts_dir
            self.source_dir = source_dir
            self.pictures = pictures

        def fetch(self, url, headers=None):
            readable = readable_url(url, self.layouts_dir, self.source_dir)
            picture = self.pictures.get(project_file(url, self.layouts_dir, self.source_dir))
            if picture is not None:
                # Not a file: URL, so that WeasyPrint embeds these bytes, not the file's.
                return URLFetcherResponse(f"picture:{picture.image}", picture.data)
            return super().fetch(readable, headers)

    return ConfinedURLFetcher
