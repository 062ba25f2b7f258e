"""Web and e-mail addresses as a text writes them: what cleaning carries byte for byte and
the writers break after `/`, `.` or `@` and link to, the address as written.

ASCII only, so a Chinese full stop after an address ("…/index.html。") is not part of it;
a closing quote, bracket or punctuation mark at its end is not either.
"""

from __future__ import annotations

URL_CHARACTER = r"[A-Za-z0-9\-._~:/?#\[\]@!$&'()*+,;=%]"
WEB_ADDRESS = rf"(?:https?://|ftp://|www\.){URL_CHARACTER}*[A-Za-z0-9\-_~/#=&%+]"
EMAIL_ADDRESS = r"[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"
ADDRESS = f"{WEB_ADDRESS}|{EMAIL_ADDRESS}"
