"""Management tokens and check-in codes out of every log line.

A registration's address holds its token (/registrations/<token>/), which can cancel it;
so do the news links and the door's QR codes. The site logs routes, not paths
(forum_site/request_log.py), but Django's own warnings do not: a CSRF failure on a token
address logs the path, and its `request` goes along as an extra. This filter sits on
every handler (settings.LOGGING) and rewrites each such path to `<token>` before any
formatter sees it. deploy/nginx.conf logs the same paths redacted.
"""

import logging
import re

# /registrations/<token>/..., /registrations/check-in/<code>.png, /news/<token>/...,
# /desk/c/<code>/, with or without the /en prefix. Tokens are URL-safe base64, 16+ long.
TOKEN_PATH = re.compile(r"(/(?:registrations(?:/check-in)?|news|desk/c)/)[A-Za-z0-9_-]{16,}")


def redacted(text: str) -> str:
    return TOKEN_PATH.sub(r"\1<token>", text)


# What every LogRecord has; anything else on a record came as an `extra`.
STANDARD_ATTRIBUTES = set(vars(logging.LogRecord("", 0, "", 0, "", (), None))) | {"message", "asctime"}


class TokenRedaction(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.msg = redacted(record.getMessage())
        record.args = ()
        if record.exc_text:
            record.exc_text = redacted(record.exc_text)
        for name, value in list(vars(record).items()):
            if name in STANDARD_ATTRIBUTES:
                continue
            if isinstance(value, str):
                setattr(record, name, redacted(value))
            elif hasattr(value, "get_full_path"):  # a request: the formatter would print its path
                setattr(record, name, redacted(repr(value)))
        return True
