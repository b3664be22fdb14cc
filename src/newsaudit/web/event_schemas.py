"""The events API's answers as OpenAPI sees them: ``newsaudit.events/1``,
``newsaudit.compare/1`` and the outlet profiles (``shared/spec/corpus.md``).

The models name every field the library writes today, with its type, so that a client
(and schemathesis) can hold an answer to them; they allow more (``extra="allow"``),
because the contract lets the library add fields. A row's ``quantity`` is the report's
own quantity record, referenced from the report's schema rather than copied.
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, WithJsonSchema

#: A count or a bound: whole numbers are integers, others floats.
Number = int | float

_QUANTITY = WithJsonSchema({"anyOf": [{"$ref": "#/components/schemas/ReportQuantity"},
                                      {"type": "null"}]})


class _Open(BaseModel):
    model_config = ConfigDict(extra="allow")


class Band(_Open):
    """One category's reconciled figures, as listed with the event."""

    low: Number | None
    best: Number | None
    high: Number | None
    unit: str | None = None
    sources: int = Field(..., description="independent sources with a figure")
    disputed: bool = Field(..., description="their latest figures cannot all hold")
    rising: bool = Field(..., description="one source's figure grew over time")
    why: str | None = None


class EventPage(_Open):
    """One input that reported the event."""

    id: str = Field(..., description="the stored page's id")
    source: str = Field(..., description="the input record's id, as read")
    outlet: str | None
    published: str | None
    duplicate_of: str | None = Field(..., description="the page it re-publishes, or null")
    duplicate_kind: str | None = None
    url: str | None = None
    title: str | None = None
    kind: str | None = Field(None, description="report, or a piece that mentions the event")
    grouped_by: str | None = Field(None, description="how the page joined the event")


class Event(_Open):
    id: str = Field(..., pattern=r"^e[0-9]+$")
    title: str | None
    first_published: str | None
    last_published: str | None
    places: list[str]
    pages: list[EventPage]
    figures: dict[str, Band] = Field(..., description="one entry per category reported")
    sources: int | None = Field(None, description="independent voices with a figure")
    outlets: int | None = Field(None, description="outlets that reported the event")


class EventList(_Open):
    schema_: Literal["newsaudit.events/1"] = Field(..., alias="schema")
    events: list[Event]


class RowSource(_Open):
    text: str | None
    type: str | None


class CompareRow(_Open):
    """One figure of the event, with its source chain and time."""

    id: str
    page: str
    input: str | None = None
    outlet: str | None
    published: str | None
    quantity: Annotated[dict[str, Any] | None, _QUANTITY] = Field(
        ..., description="the quantity record from the page's report")
    figure: str | None = None
    text: str | None = None
    category: str
    value: Number | None = None
    low: Number | None = None
    high: Number | None = None
    source: RowSource | None = Field(..., description="null: the page's own voice")
    via: list[RowSource] = Field(..., description="the attribution chain, as in the report")
    voice: Literal["attributed", "outlet"]
    rank: Literal["named", "anonymous", "own voice"] | None = None
    voice_id: str | None = None
    superseded_by: str | None = Field(..., description="a later figure of the same source")
    independent: bool = Field(..., description="false for a re-published copy")
    copy_of: str | None = None
    outside_band: bool | None = None
    deviation: Number | None = None


class Reconciled(_Open):
    low: Number | None
    best: Number | None
    high: Number | None
    disputed: bool
    rising: bool
    sources: int | None = None
    why: str = Field(..., description="how the band and best were chosen, in words")


class Excluded(_Open):
    """A figure of a page in the event that does not count toward it, and why."""

    page: str
    figure: str | None = None
    text: str | None = None
    category: str | None = None
    reason: str


class Comparison(_Open):
    schema_: Literal["newsaudit.compare/1"] = Field(..., alias="schema")
    event: Event
    rows: list[CompareRow] = Field(..., description="one per figure, oldest first")
    reconciled: dict[str, Reconciled]
    excluded: list[Excluded] = []


class OutletProfile(_Open):
    outlet: str
    pages: int
    events: int
    claims_own_voice: int
    unsourced_claims: int
    pages_with_unsourced_claims: int
    headline_problems: int = Field(..., description="pages with a headline_unsupported finding")
    figures: int = Field(..., description="independent, latest figures in events")
    figures_compared: int
    figures_outside_band: int = Field(..., description="figures outside the band the other "
                                      "sources of their event give")
    unsourced_claim_rate: float | None
    outside_band_rate: float | None


class OutletList(_Open):
    outlets: list[OutletProfile]
