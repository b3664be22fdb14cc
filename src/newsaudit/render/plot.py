"""``newsaudit compare EVENT --plot tolls.svg``: each source's figures over time, with the
reconciled band, one panel per category (matplotlib, no display needed).

Each voice (a source, or an outlet's own voice) is one line through its figures in time
order; a figure's bounds are drawn as an error bar (an open bound as a short arrow), a
re-published copy as a hollow marker, a superseded figure faded. The band from low to
high is shaded, best is a dashed line. SVG or PNG, by the file's extension.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from datetime import datetime
from pathlib import Path
from typing import Any

from newsaudit.errors import InputError

__all__ = ["plot_compare"]

_ORDER = ("killed", "wounded", "missing", "arrested", "displaced", "abducted", "rescued")
MAX_PANELS = 4


def _when(s: str | None) -> datetime | None:
    if not s:
        return None
    try:
        return datetime.fromisoformat(s.replace("Z", "+00:00")).replace(tzinfo=None)
    except ValueError:
        return None


def _label(row: Mapping[str, Any]) -> str:
    src = row.get("source")
    if not src:
        return f"{row.get('outlet') or '?'} (own voice)"
    return str(src.get("text") or "?")[:40]


def plot_compare(data: Mapping[str, Any], path: str | Path) -> Path:
    """Write the plot of one comparison (``newsaudit.compare/1``) to ``path``.

    Titles and source names are page text: mathtext is off so a "$" in them is drawn as
    typed (an invalid "$\\foo$" would otherwise raise), and the SVG hash salt is fixed so
    the same comparison gives the same file; both only while this plot is drawn.
    """
    import matplotlib

    with matplotlib.rc_context({"text.parse_math": False, "svg.hashsalt": "newsaudit"}):
        return _draw(data, path)


def _draw(data: Mapping[str, Any], path: str | Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.dates as mdates
    import matplotlib.pyplot as plt

    path = Path(path)
    fmt = path.suffix.lower().lstrip(".")
    if fmt not in ("svg", "png"):
        raise InputError("the plot is written as .svg or .png", source=str(path))
    rec = data.get("reconciled") or {}
    rows = [r for r in data.get("rows") or () if _when(r.get("published")) is not None]
    cats = sorted({r["category"] for r in rows} | set(rec),
                  key=lambda c: (_ORDER.index(c) if c in _ORDER else len(_ORDER), c))
    cats = cats[:MAX_PANELS] or ["killed"]
    fig, axes = plt.subplots(len(cats), 1, figsize=(9, 3.2 * len(cats)), squeeze=False)
    for ax, cat in zip(axes[:, 0], cats, strict=True):
        band = rec.get(cat) or {}
        if band.get("low") is not None and band.get("high") is not None:
            ax.axhspan(band["low"], band["high"], color="#f2c14e", alpha=0.25,
                       label=f"reconciled {band['low']}–{band['high']}")
        if band.get("best") is not None:
            ax.axhline(band["best"], color="#b5651d", linestyle="--", linewidth=1,
                       label=f"best {band['best']}")
        panel_x: list[float] = []
        voices: dict[str, list[Mapping[str, Any]]] = defaultdict(list)
        for r in rows:
            if r["category"] == cat:
                voices[r.get("voice_id") or _label(r)].append(r)
        for vrows in voices.values():
            vrows = sorted(vrows, key=lambda r: r["published"])
            xs = [float(mdates.date2num(_when(r["published"]))) for r in vrows]
            panel_x += xs
            ys = [r.get("value") if r.get("value") is not None else r.get("low") for r in vrows]
            line = ax.plot(xs, ys, marker="o", linewidth=1, label=_label(vrows[0]))[0]
            colour = line.get_color()
            for x, y, r in zip(xs, ys, vrows, strict=True):
                lo, hi = r.get("low"), r.get("high")
                if y is None:
                    continue
                if lo is not None and hi is not None and hi > lo:
                    ax.vlines(x, lo, hi, color=colour, linewidth=2, alpha=0.6)
                elif hi is None and lo is not None:
                    ax.annotate("", xy=(x, y * 1.15 + 1), xytext=(x, y),
                                arrowprops={"arrowstyle": "->", "color": colour})
                face = "white" if not r.get("independent") else colour
                alpha = 0.35 if r.get("superseded_by") else 1.0
                ax.plot([x], [y], marker="o", markerfacecolor=face, markeredgecolor=colour,
                        alpha=alpha, linestyle="none")
        title = cat + (" — disputed" if band.get("disputed") else "") + (
            " — rising" if band.get("rising") else "")
        ax.set_title(title, loc="left", fontsize=10)
        ax.set_ylabel("figure")
        ax.legend(fontsize=7, loc="upper left", frameon=False)
        ax.grid(alpha=0.3)
        ax.xaxis.set_major_locator(mdates.AutoDateLocator(minticks=3, maxticks=8))
        ax.xaxis.set_major_formatter(mdates.DateFormatter("%Y-%m-%d\n%H:%M"))
        ax.margins(x=0.08, y=0.15)
        if panel_x and max(panel_x) - min(panel_x) < 0.5:  # one moment: the day around it
            mid = (max(panel_x) + min(panel_x)) / 2
            ax.set_xlim(mid - 0.5, mid + 0.5)
    event = data.get("event") or {}
    fig.suptitle(f"{event.get('id', '')}: {(event.get('title') or '')[:90]}", fontsize=11)
    fig.tight_layout()
    fig.savefig(path, format=fmt, metadata={"Date": None} if fmt == "svg" else None)
    plt.close(fig)
    return path
