"""One look for every figure in the book, and figures that render anywhere.

Importing this module sets plotly's default template to the compendium's
style. :func:`show` wraps a plotly figure so that it renders

- in the built book, where ``plotly.min.js`` is served once per page by the
  compendium's Sphinx extension (no network needed);
- in JupyterLab and VS Code, which draw plotly's own MIME type;
- in a bare HTML viewer (e.g. Colab), which loads plotly.js from its CDN
  only when no ``Plotly`` object is present.

The figure carries alternative text for screen readers (``role="img"`` and
``aria-label``). Captions and cross-reference names are given in the
chapter's cell metadata (``mystnb: figure: {caption, name}``).
"""

from __future__ import annotations

import html
import itertools
import json

import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs_version

__all__ = ["PALETTE", "GROUP_COLORS", "TEMPLATE", "style", "show", "Figure"]

#: Qualitative palette (Okabe and Ito's colour-blind safe colours).
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442", "#000000"]

#: Fixed colours for the recurring comparisons of the book.
GROUP_COLORS = {
    "metropolitan": "#0072B2",
    "micropolitan": "#E69F00",
    "Economic actors": "#0072B2",
    "Research and education": "#009E73",
    "Politics and administration": "#CC79A7",
    "Milieu and intermediaries": "#E69F00",
}

TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font=dict(family="Source Sans Pro, Helvetica, Arial, sans-serif", size=13, color="#222"),
        colorway=PALETTE,
        plot_bgcolor="white",
        paper_bgcolor="white",
        margin=dict(l=60, r=20, t=50, b=50),
        xaxis=dict(showgrid=True, gridcolor="#e5e5e5", zeroline=False, linecolor="#999", ticks="outside"),
        yaxis=dict(showgrid=True, gridcolor="#e5e5e5", zeroline=False, linecolor="#999", ticks="outside"),
        legend=dict(bgcolor="rgba(255,255,255,0.8)"),
        hoverlabel=dict(font_size=12),
    )
)
pio.templates["regional_clusters"] = TEMPLATE
pio.templates.default = "plotly_white+regional_clusters"

_ids = itertools.count(1)


def style(fig: go.Figure, *, title: str | None = None, height: int = 420) -> go.Figure:
    """Apply the compendium's look to a plotly figure and return it.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
    title : str, optional
        Figure title (short; the caption carries the explanation).
    height : int, default 420
        Height in pixels.

    Returns
    -------
    plotly.graph_objects.Figure
        The same figure, restyled.
    """
    fig.update_layout(template="plotly_white+regional_clusters", height=height)
    if title is not None:
        fig.update_layout(title=dict(text=title, x=0, xanchor="left"))
    return fig


class Figure:
    """A plotly figure with alternative text, displayable in any front end.

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
    alt : str
        Alternative text describing what the figure shows.

    Raises
    ------
    ValueError
        If ``alt`` is empty: every figure in the book needs a description.
    """

    def __init__(self, fig: go.Figure, alt: str):
        if not alt or not alt.strip():
            raise ValueError("a figure needs alternative text (alt)")
        self.fig = fig
        self.alt = alt.strip()

    def to_html(self) -> str:
        """HTML that draws the figure with the page's plotly.js, or the CDN's."""
        div_id = f"rc-fig-{next(_ids)}"
        spec = self.fig.to_json()
        cdn = f"https://cdn.plot.ly/plotly-{get_plotlyjs_version()}.min.js"
        return (
            f'<div id="{div_id}" class="rc-plotly" role="img" aria-label="{html.escape(self.alt)}" '
            f'style="width:100%;height:{self.fig.layout.height or 420}px;"></div>\n'
            "<script>(function(){"
            f"var spec={spec};"
            f"function draw(){{Plotly.newPlot({json.dumps(div_id)},spec.data,spec.layout,"
            "{responsive:true,displaylogo:false});}"
            "if(window.Plotly){draw();}else{var s=document.createElement('script');"
            f"s.src={json.dumps(cdn)};s.onload=draw;document.head.appendChild(s);}}"
            "})();</script>"
        )

    def _repr_mimebundle_(self, include=None, exclude=None):
        return {
            "application/vnd.plotly.v1+json": json.loads(self.fig.to_json()) | {"config": {"displaylogo": False}},
            "text/html": self.to_html(),
            "text/plain": f"<Figure: {self.alt}>",
        }


def show(fig: go.Figure, alt: str, *, title: str | None = None, height: int = 420) -> Figure:
    """Style a figure and return it ready for display, with alternative text.

    Use it as the last expression of a cell, so that the figure is the cell's
    output (and the caption in the cell metadata attaches to it).

    Parameters
    ----------
    fig : plotly.graph_objects.Figure
    alt : str
        Alternative text for screen readers: what the figure shows.
    title : str, optional
    height : int, default 420

    Returns
    -------
    Figure

    Examples
    --------
    >>> import plotly.express as px
    >>> out = show(px.bar(x=["a", "b"], y=[1, 2]), alt="Two bars, b twice as high as a")
    >>> 'aria-label="Two bars, b twice as high as a"' in out.to_html()
    True
    """
    return Figure(style(fig, title=title, height=height), alt)
