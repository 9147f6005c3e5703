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

import numpy as np
import plotly.graph_objects as go
import plotly.io as pio
from plotly.offline import get_plotlyjs_version

__all__ = ["PALETTE", "GROUP_COLORS", "TEMPLATE", "style", "show", "Figure", "choropleth"]

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


def _simplified_features(geojson: dict, featureidkey: str, keep: set, tolerance: float) -> list[dict]:
    """Features whose id is in ``keep``, simplified and rounded so pages stay small."""
    from shapely.geometry import mapping, shape

    path = featureidkey.split(".")
    features = []
    for feature in geojson.get("features", []):
        value = feature
        for part in path:
            value = value.get(part) if isinstance(value, dict) else None
        if value is None or str(value) not in keep:
            continue
        geometry = shape(feature["geometry"])
        if tolerance > 0:
            geometry = geometry.simplify(tolerance, preserve_topology=True)
        rounded = json.loads(json.dumps(mapping(geometry)), parse_float=lambda x: round(float(x), 4))
        features.append({"type": "Feature", "id": str(value), "properties": {}, "geometry": rounded})
    return features


def choropleth(
    values,
    geojson: dict,
    *,
    featureidkey: str = "properties.ARS",
    names=None,
    colorbar_title: str = "",
    colorscale: str = "Viridis",
    category_colors: dict | None = None,
    hover_format: str = ".2f",
    tolerance: float = 0.01,
    height: int = 520,
) -> go.Figure:
    """A choropleth map that renders offline: no base map, no tiles, no CDN.

    Draws plotly's ``Choroplethmap`` trace on the blank ``white-bg`` map style,
    so nothing is fetched from the network (plotly's ``Choropleth`` trace
    loads a base map from a CDN even when it is hidden). Only the regions in
    ``values`` are drawn, and their boundaries are simplified and rounded to
    four decimals (about 10 m), which keeps a map of 400 districts (about
    0.4 MB) small
    enough to embed in a page.

    Parameters
    ----------
    values : pandas.Series
        One value per region, indexed by the region code used in ``geojson``.
        Numeric values get a continuous colour scale; a categorical or string
        Series gets one colour per category (in ``category_colors`` order if
        given).
    geojson : dict
        A GeoJSON FeatureCollection in longitude/latitude (EPSG 4326).
    featureidkey : str, default "properties.ARS"
        Dotted path to each feature's region code (``"properties.ARS"`` for
        the German Kreise of the BKG, ``"properties.NUTS_ID"`` for NUTS,
        ``"properties.GEOID"`` for US CBSAs).
    names : pandas.Series, optional
        Region names for the hover text, indexed like ``values``.
    colorbar_title : str
        Title of the colour bar or legend; say the unit here.
    colorscale : str, default "Viridis"
    category_colors : dict, optional
        Category -> colour for categorical values.
    hover_format : str, default ".2f"
        Format of numeric values in the hover text.
    tolerance : float, default 0.01
        Simplification tolerance in degrees; 0 keeps the geometry as it is.
    height : int, default 520

    Returns
    -------
    plotly.graph_objects.Figure
        Pass it to :func:`show` with alternative text.

    Raises
    ------
    ValueError
        If ``values`` is empty or has missing values, or if a region code of
        ``values`` has no boundary in ``geojson`` (the codes are named).

    Examples
    --------
    >>> import pandas as pd
    >>> square = {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}
    >>> gj = {"type": "FeatureCollection", "features": [
    ...     {"type": "Feature", "properties": {"ARS": "09162"}, "geometry": square}]}
    >>> fig = choropleth(pd.Series({"09162": 1.5}), gj, colorbar_title="LQ")
    >>> fig.data[0].type, list(fig.data[0].locations)
    ('choroplethmap', ['09162'])
    >>> choropleth(pd.Series({"09999": 1.0}), gj)
    Traceback (most recent call last):
    ...
    ValueError: no boundary in the GeoJSON for region code(s) ['09999'] (featureidkey 'properties.ARS')
    """
    import pandas as pd

    values = pd.Series(values)
    if values.empty:
        raise ValueError("values is empty: nothing to map")
    if values.isna().any():
        missing = [str(i) for i in values.index[values.isna()]][:10]
        raise ValueError(f"values has missing entries for region code(s) {missing}; drop or fill them first")
    values.index = values.index.astype(str)
    features = _simplified_features(geojson, featureidkey, set(values.index), tolerance)
    found = {f["id"] for f in features}
    absent = sorted(set(values.index) - found)
    if absent:
        raise ValueError(
            f"no boundary in the GeoJSON for region code(s) {absent[:10]} (featureidkey {featureidkey!r})"
        )
    collection = {"type": "FeatureCollection", "features": features}
    labels = (pd.Series(names).reindex(values.index).fillna("") if names is not None
              else pd.Series("", index=values.index))
    text = [f"{lab} ({code})" if lab else code for code, lab in zip(values.index, labels)]

    fig = go.Figure()
    if pd.api.types.is_numeric_dtype(values) and not isinstance(values.dtype, pd.CategoricalDtype):
        fig.add_trace(go.Choroplethmap(
            geojson=collection, locations=list(values.index), z=values.astype(float).tolist(),
            featureidkey="id", colorscale=colorscale, marker_line_width=0.3, marker_line_color="white",
            text=text, hovertemplate=f"%{{text}}<br>{colorbar_title}: %{{z:{hover_format}}}<extra></extra>",
            colorbar=dict(title=dict(text=colorbar_title), thickness=12, len=0.8),
        ))
    else:
        categories = (list(category_colors) if category_colors
                      else list(values.astype("category").cat.categories))
        colors = category_colors or dict(zip(categories, itertools.cycle(PALETTE)))
        for category in categories:
            mask = (values.astype(str) == str(category)).to_numpy()
            if not mask.any():
                continue
            fig.add_trace(go.Choroplethmap(
                geojson=collection, locations=list(values.index[mask]), z=[1] * int(mask.sum()),
                featureidkey="id", colorscale=[[0, colors[category]], [1, colors[category]]],
                showscale=False, showlegend=True, name=str(category), marker_line_width=0.3,
                marker_line_color="white", text=[t for t, m in zip(text, mask) if m],
                hovertemplate=f"%{{text}}<br>{category}<extra></extra>",
            ))
        fig.update_layout(legend=dict(title=dict(text=colorbar_title)))
    lon, lat = _bounds(features)
    span = max(lon[1] - lon[0], (lat[1] - lat[0]) * 1.6, 1e-6)
    zoom = max(0.0, float(np.log2(360.0 / span)) - 1.3)
    fig.update_layout(
        map=dict(style="white-bg", center=dict(lon=sum(lon) / 2, lat=sum(lat) / 2), zoom=zoom),
        height=height, margin=dict(l=0, r=0, t=30, b=0),
    )
    return fig


def _bounds(features: list[dict]) -> tuple[tuple[float, float], tuple[float, float]]:
    from shapely.geometry import shape

    boxes = np.array([shape(f["geometry"]).bounds for f in features])
    return (boxes[:, 0].min(), boxes[:, 2].max()), (boxes[:, 1].min(), boxes[:, 3].max())
