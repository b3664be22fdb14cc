"""Publication dates from input records, as ISO 8601 so that they sort and compare.

Records write dates every way ("2016-05-07T09:10:00Z", "2017-04-05 12:00:00", FA-KES's
"4/5/2017", "May 7, 2016"). A date is kept as the day (``YYYY-MM-DD``) when the input
gives no time, as UTC time (``YYYY-MM-DDTHH:MM:SSZ``) when it gives a time and a zone, as
local time without a zone when it gives none, and as the year when that is all it says;
a value that reads as no date at all is dropped rather than guessed.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime

_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_DEFAULT = datetime(1900, 1, 1)


def normalise_date(value: str | None) -> str | None:
    """``value`` as ISO 8601 (day, or UTC time when a time is given), else ``None``."""
    if not value:
        return None
    value = value.strip()
    if re.fullmatch(r"(?:19|20|21)\d\d", value):
        return value
    from dateutil import parser

    try:
        dt = parser.parse(value, default=_DEFAULT)
    except (ValueError, OverflowError):
        return None
    if dt.year < 1900 or dt.year > 2200:
        return None
    if not _HAS_TIME.search(value):
        return dt.date().isoformat()
    if dt.tzinfo is None:
        return dt.strftime("%Y-%m-%dT%H:%M:%S")
    return dt.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
