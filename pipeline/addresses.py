"""Web and e-mail addresses in running text, as readers and writers both find them.

Readers keep an address byte for byte (the house style's typography never touches it) and
make a web address written out in full (`https://…`) a link; writers let an address break
after `/`, `.` or `@` and link it where the layout has links.
"""

from __future__ import annotations

import re

QUOTES = "\"\u201c\u201d\u2018\u2019<>"
# An address's characters: parentheses only in pairs ("…/Hybrid_(biology)"); a closing
# punctuation mark after it is the sentence's, not the address's.
PART = rf"(?:[^\s{QUOTES}()]|\([^\s{QUOTES}()]*\))"
LAST = rf"(?:[^\s{QUOTES}().,;:!?\]]|\([^\s{QUOTES}()]*\))"
ADDRESS = re.compile(
    rf"(?:https?://|www\.){PART}*{LAST}"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[a-zA-Z]{2,}"
)
# An address that says what it is: a link whatever the source.
WEB_ADDRESS = re.compile(rf"https?://{PART}*{LAST}")


def link_target(address: str) -> str:
    """Where an address found in text leads: itself, a web site, or an e-mail."""
    if "://" in address:
        return address
    return f"https://{address}" if address.startswith("www.") else f"mailto:{address}"
