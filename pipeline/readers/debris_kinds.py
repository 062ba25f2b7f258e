"""Whose debris a dropped line is (a web page's, an e-mail's, a press release's or a printed
page's), as the
console and the dedupe report name it.

Apart from the readers, so the console, which every `doit` imports (even one with nothing to
do), names the kinds without importing the readers.
"""

import re

WEB_PAGE, MAIL, RELEASE_DEBRIS = "web page debris", "e-mail debris", "press release debris"
PRINTED_PAGE = "printed page debris"  # a laid-out document's folios and running heads
SOURCES = (WEB_PAGE, MAIL, RELEASE_DEBRIS, PRINTED_PAGE)


def report_key(source: str) -> str:
    """The dedupe report's key for a kind's count: `web page debris` -> `web_page_debris`."""
    return re.sub(r"\W+", "_", source)


def no_debris() -> dict[str, int]:
    """A report's counts for a text that dropped no line."""
    return {report_key(source): 0 for source in SOURCES}
