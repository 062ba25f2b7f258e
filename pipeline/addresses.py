"""Web and e-mail addresses and file names as a text writes them: what cleaning carries byte
for byte and the writers break before `/`, `.`, `-` or `@`; an address they link to, as
written.

ASCII only, so a Chinese full stop after an address ("…/index.html。") is not part of it;
a closing quote, bracket or punctuation mark at its end is not either.
"""

from __future__ import annotations

import re

URL_CHARACTER = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]"  # parentheses come in pairs only
# An address's body: its characters, and parentheses in pairs ("…/Hybrid_(biology)"), so a
# closing parenthesis after it is the sentence's; its last character no punctuation mark.
PAIR = rf"\({URL_CHARACTER}*\)"
# Of 2,048 characters at most, as browsers and sitemaps keep one: so a run of its characters
# is read in time linear in its length.
URL_BODY = rf"(?:{URL_CHARACTER}|{PAIR}){{0,2047}}(?:[A-Za-z0-9\-_~/#=&%+]|{PAIR})"
# Each address is sought from where a run of its characters starts, never inside a word or
# another address (a run of them that is no address, however long, is read once, not once a
# character): where the run's start holds none, none of its later characters would.
WEB_ADDRESS = rf"(?<![A-Za-z0-9_./-])(?:https?://|ftp://|www\.){URL_BODY}"
EMAIL_ADDRESS = (r"(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*"
                 r"\.[A-Za-z]{2,}")
ADDRESS = f"{WEB_ADDRESS}|{EMAIL_ADDRESS}"
# A file's name with its extension ("Audited_Accounts_2023-24.pdf", "Programme_2024-final.pdf"),
# of 255 characters at most, as file systems keep them: so a run of its characters that is
# none is read in time linear in its length.
FILE_NAME = (r"[A-Za-z0-9][A-Za-z0-9_.()-]{0,250}\.(?i:pdf|docx?|xlsx?|pptx?|csv|txt|zip|jpe?g"
             r"|png|gif|tiff?|html?|xml|json|odt|ods|rtf)\b")
# A host's name written bare, with no scheme nor "www." ("collections.museum.example.org.hk",
# "doi.org/10.1000/xyz123"): lower-case labels parted by dots, ending with a top-level domain
# of those the texts meet (and a country's after a generic one, ".org.hk"), perhaps a port
# and a path, each part of it ("example.org:8080/x"); never an abbreviation or a figure.
PORT = r":[0-9]{1,5}(?![A-Za-z0-9])"  # a server's own port: "example.org:8080"
HOST_START = r"(?<![A-Za-z0-9_./@-])"  # never inside a word, a file's name or an address
HOST_NAME = (rf"{HOST_START}(?:[a-z0-9](?:[a-z0-9-]{{0,61}}[a-z0-9])?\.){{1,8}}"
             r"(?:com|org|net|edu|gov|int|info|io|hk|mo|cn|tw|sg|uk|ie|au|nz|ca|us|eu|de|fr|jp|kr"
             r"|asia)(?:\.[a-z]{2})?(?![A-Za-z0-9_@-]|\.[A-Za-z0-9])"
             rf"(?:{PORT})?(?:/{URL_BODY})?")
# A host's name that may as well be a file's, its extension a top-level domain
# ("messages.mo", "sound.au", "command.com"): two labels, no path (a port alone may be a
# line's number, "strings.mo:12"), the first no country's second level ("gov.mo", "org.uk"
# are hosts alone). Not a link: a missing link is better than a false one.
FILE_OR_HOST = (r"(?!(?:ac|co|com|edu|go|gov|govt|idv|ltd|net|or|org|plc|sch)\.[a-z]{2}\b)"
                rf"[a-z0-9-]{{1,63}}\.[a-z]+(?![A-Za-z0-9_@-]|\.[A-Za-z0-9]|(?:{PORT})?/{URL_BODY})")
# What breaks only before its own `/ . - @`, never elsewhere: an address, a file name, a
# host's name.
SET_APART = f"{ADDRESS}|{FILE_NAME}|{HOST_NAME}"
# A web address, written out in full or bare ("www.example.org/report", a host's name no
# file's): a link whatever the source, as a reader follows it (`link_target`).
LINK = (rf"https?://{URL_BODY}|(?<![A-Za-z0-9_./-])www\.{URL_BODY}"
        rf"|{HOST_START}(?!{FILE_OR_HOST}){HOST_NAME}")
SCHEME = re.compile("https?://", re.IGNORECASE)


def link_target(address: str) -> str:
    """Where a web address a text writes leads: itself, https:// before it where it is
    written bare (browsers read one so), a bare host's empty path written `/` as a URL is
    written out (WHATWG URL): a word processor saving the draft writes the link so, and
    the draft read back must lead where the text did."""
    if SCHEME.match(address):
        return address
    return f"https://{address}" if "/" in address else f"https://{address}/"


def shows_address(words: str, address: str) -> bool:
    """Whether a link's words are its address ("example.org/a" for "https://example.org/a",
    "ann@example.org" for "mailto:ann@example.org", "01632 960555" for "tel:01632 960555"),
    so that an edition that cannot follow the link need not print the address after them."""
    def bare(text: str) -> str:
        return re.sub(r"^(?:https?://|mailto:|tel:)?(?:www\.)?", "", text.strip()).rstrip("/")

    return bare(words) == bare(address)
