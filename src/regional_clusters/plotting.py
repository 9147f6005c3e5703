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

:func:`style` also tidies what plotly express leaves raw, once for every
figure: facet titles ``column=value`` become ``value``; legend titles lose
underscores and stray commas; repeated axis titles of facet panels become
one shared title; hover boxes show readable names and rounded numbers; axes
make room for long labels. In a page narrower than 600 px the legend moves
below the plot, so that it does not take half of a phone screen.
"""

from __future__ import annotations

import html
import itertools
import json
import re

import numpy as np

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
        xaxis=dict(showgrid=True, gridcolor="#e5e5e5", zeroline=False, linecolor="#999", ticks="outside",
                   automargin=True),
        yaxis=dict(showgrid=True, gridcolor="#e5e5e5", zeroline=False, linecolor="#999", ticks="outside",
                   automargin=True),
        legend=dict(bgcolor="rgba(255,255,255,0.8)"),
        hoverlabel=dict(font_size=12),
    )
)
pio.templates["regional_clusters"] = TEMPLATE
pio.templates.default = "plotly_white+regional_clusters"

_ids = itertools.count(1)

# plotly express's facet titles: "column=value" (no space before "=")
_FACET_TITLE = re.compile(r"^[^=<>\s][^=<>]*?(?<!\s)=(?!\s)(.+)$", re.S)
# plotly express's hover lines: "label=%{field}" or "label=%{field:fmt}"
_HOVER_ITEM = re.compile(r"(^|<br>)([^=<>]*)=%\{([^}:]+)(:[^}]*)?\}")
# and fixed facet values: "column=value"
_HOVER_FIXED = re.compile(r"(^|<br>)([^=<>%{}]+)=([^<%{}]+)(?=<br>|<extra>|$)")


def _readable(name: str) -> str:
    """A column name as a label: underscores to spaces, stray separators removed."""
    return re.sub(r"\s+", " ", str(name).replace("_", " ")).strip(" ,")


def _numbers(values) -> np.ndarray | None:
    try:
        arr = np.asarray(values, dtype=float).ravel()
    except (TypeError, ValueError):
        return None
    arr = arr[np.isfinite(arr)]
    return arr if arr.size else None


def _number_format(values) -> str:
    """A d3 format that shows counts in full and other numbers to 3 significant digits."""
    arr = _numbers(values)
    if arr is None:
        return ""
    if np.all(arr == np.round(arr)):
        return ":,.0f"
    return ":,.0f" if np.abs(arr).max() >= 1000 else ":,.3~r"


def _field_values(trace, field: str):
    if field.startswith("customdata[") and trace.customdata is not None:
        column = int(field[len("customdata["):-1])
        try:
            return np.asarray(trace.customdata, dtype=object)[:, column]
        except (IndexError, TypeError):
            return None
    if field == "marker.color":
        return getattr(trace.marker, "color", None) if hasattr(trace, "marker") else None
    return getattr(trace, field, None) if field in trace else None


def _tidy_hover(trace) -> None:
    template = getattr(trace, "hovertemplate", None)
    if not template:
        return

    def item(match):
        start, label, field, fmt = match.groups()
        label = _readable(label)
        if not fmt:
            values = _field_values(trace, field)
            fmt = _number_format(values) if values is not None else ""
        value = "%{" + field + (fmt or "") + "}"
        return f"{start}{label}: {value}" if label else f"{start}{value}"

    template = _HOVER_ITEM.sub(item, template)
    trace.hovertemplate = _HOVER_FIXED.sub(lambda m: f"{m[1]}{_readable(m[2])}: {m[3]}", template)


def _share_axis_titles(fig: go.Figure, axis: str) -> None:
    """Facet panels repeating one axis title: keep a single title centred on the figure."""
    axes = [key for key in fig.layout if re.fullmatch(axis + r"axis\d*", key)]
    titles = {fig.layout[key].title.text for key in axes if fig.layout[key].title.text}
    if len(axes) < 2 or len(titles) != 1 or sum(bool(fig.layout[k].title.text) for k in axes) < 2:
        return
    title = titles.pop()
    for key in axes:
        fig.layout[key].title.text = None
    if axis == "x":
        fig.add_annotation(text=title, showarrow=False, xref="paper", yref="paper", x=0.5, y=0,
                           xanchor="center", yanchor="top", yshift=-32, name="shared-axis-title")
        fig.update_layout(margin_b=max(fig.layout.margin.b or 0, 90))
    else:
        fig.add_annotation(text=title, showarrow=False, xref="paper", yref="paper", x=0, y=0.5,
                           xanchor="right", yanchor="middle", xshift=-45, textangle=-90, name="shared-axis-title")
        fig.update_layout(margin_l=max(fig.layout.margin.l or 0, 80))


def _decade_ticks(fig: go.Figure) -> None:
    """Log axes spanning well over a decade: ticks at powers of ten only (no "2 5 2 5" minor labels)."""
    for key in (k for k in fig.layout if re.fullmatch(r"[xy]axis\d*", k)):
        axis = fig.layout[key]
        if axis.type != "log" or axis.dtick is not None or axis.tickvals is not None:
            continue
        letter, ref = key[0], key[0] + key[5:]
        values = [
            getattr(trace, letter) for trace in fig.data
            if (getattr(trace, letter + "axis", None) or letter) == ref and getattr(trace, letter, None) is not None
        ]
        arr = np.concatenate([a for a in (_numbers(v) for v in values) if a is not None] or [np.array([])])
        arr = arr[arr > 0]
        if arr.size and arr.max() / arr.min() >= 30:
            axis.dtick = 1
def _tidy(fig: go.Figure) -> None:
    """Replace what plotly express leaves raw by readable text (see the module docstring)."""
    for annotation in fig.layout.annotations:
        match = _FACET_TITLE.match(annotation.text or "")
        if match and annotation.name != "shared-axis-title":
            annotation.text = match.group(1)
    if fig.layout.legend.title.text:
        fig.layout.legend.title.text = _readable(fig.layout.legend.title.text)
    for coloraxis in (key for key in fig.layout if key.startswith("coloraxis")):
        colorbar = fig.layout[coloraxis].colorbar
        if colorbar.title.text:
            colorbar.title.text = _readable(re.sub(r"^(sum|avg) of ", "", colorbar.title.text))
    for trace in fig.data:
        _tidy_hover(trace)
    for axis in (key for key in fig.layout if re.fullmatch(r"[xy]axis\d*", key)):
        if "_" in (fig.layout[axis].title.text or ""):  # a raw column name
            fig.layout[axis].title.text = _readable(fig.layout[axis].title.text)
    _decade_ticks(fig)
    _share_axis_titles(fig, "x")
    _share_axis_titles(fig, "y")


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

    Examples
    --------
    >>> import plotly.express as px
    >>> import pandas as pd
    >>> df = pd.DataFrame({"share": [0.1234, 0.5], "area_type": ["metro", "micro"], "goods_services": ["goods", "goods"]})
    >>> fig = style(px.bar(df, x="area_type", y="share", facet_col="goods_services", color="area_type"))
    >>> [a.text for a in fig.layout.annotations]
    ['goods']
    >>> fig.layout.legend.title.text
    'area type'
    >>> fig.data[0].hovertemplate
    'area type: %{x}<br>goods services: goods<br>share: %{y:,.3~r}<extra></extra>'
    """
    fig.update_layout(template="plotly_white+regional_clusters", height=height)
    _tidy(fig)
    if title is not None:
        fig.update_layout(title=dict(text=title, x=0, xanchor="left"))
    return fig


#: Below this width (px) of the figure's container the legend moves under the plot.
NARROW_WIDTH = 600

# A shared axis title (see _share_axis_titles) goes just outside the tick
# labels, wherever their length and rotation put them.
_PLACE_SHARED_TITLES_JS = (
    "var placing=false;function place(){if(placing||!el._fullLayout)return;var s=el._fullLayout._size;"
    "var box=el.getBoundingClientRect();var upd={};"
    "(el.layout.annotations||[]).forEach(function(a,i){if(a.name!=='shared-axis-title')return;"
    "var ticks=Array.from(el.querySelectorAll(a.textangle==-90?'.ytick text':'.xtick text'));"
    "if(!ticks.length)return;var shift;"
    "if(a.textangle==-90){var left=Math.min.apply(null,ticks.map(function(t){"
    "return t.getBoundingClientRect().left-box.left;}));shift=-(s.l-left)-6;"
    "if(Math.abs(shift-(a.xshift||0))>1)upd['annotations['+i+'].xshift']=shift;}"
    "else{var bottom=Math.max.apply(null,ticks.map(function(t){"
    "return t.getBoundingClientRect().bottom-box.top;}));shift=-(bottom-(s.t+s.h))-6;"
    "if(Math.abs(shift-(a.yshift||0))>1)upd['annotations['+i+'].yshift']=shift;}});"
    "if(Object.keys(upd).length){placing=true;Plotly.relayout(el,upd).then(function(){placing=false;});}}"
)

# In a narrow container: horizontal legend and colour bars under the plot,
# the figure taller by the room they need, long axis titles wrapped, point
# labels dropped when there are too many to read, smaller side margins.
_NARROW_LAYOUT_JS = (
    f"var NARROW={NARROW_WIDTH};"
    "function fit(layout){"
    "if(el.clientWidth>=NARROW){el.style.height=(layout.height||420)+'px';return layout;}"
    "var l=JSON.parse(JSON.stringify(layout));"
    "var shown=spec.data.filter(function(t){return t.showlegend!==false&&t.name;}).length;"
    "var rows=(l.showlegend===false||shown<2)?0:Math.ceil(shown/2)+1;"
    "var axes=Object.keys(l).filter(function(k){return /^coloraxis\\d*$/.test(k)&&l[k].showscale!==false;});"
    "var scales=spec.data.filter(function(t){return !t.coloraxis&&(t.colorbar!==undefined||"
    "(['heatmap','contour','histogram2d'].indexOf(t.type)>=0&&t.showscale!==false));});"
    "var extra=rows*22+((axes.length||scales.length)?70:0);l.height=(l.height||420)+extra;"
    "function bar(b){return Object.assign({},b,{orientation:'h',x:0.5,xanchor:'center',"
    "y:(rows*22+6)/l.height,yref:'container',yanchor:'bottom',ypad:0,thickness:10,len:0.9,"
    "title:Object.assign({},(b||{}).title,{side:'top'})});}"
    "axes.forEach(function(k){l[k].colorbar=bar(l[k].colorbar);});"
    "scales.forEach(function(t){t.colorbar=bar(t.colorbar);});"
    "l.legend=Object.assign({},l.legend,{orientation:'h',x:0,xanchor:'left',y:0,yanchor:'bottom',"
    "yref:'container',title:Object.assign({},(l.legend||{}).title,{side:'top'})});"
    "var labelled=0;spec.data.forEach(function(t){if(t.mode&&t.mode.indexOf('text')>=0&&t.text)"
    "labelled+=t.text.length||0;});"
    "if(labelled>10){spec.data.forEach(function(t){if(t.mode&&t.mode.indexOf('text')>=0){"
    "t.mode=t.mode.replace('+text','').replace('text+','');}});}"
    "var chars=Math.max(20,Math.floor(el.clientWidth/8));"
    "Object.keys(l).forEach(function(k){if(/^[xy]axis\\d*$/.test(k)&&l[k]&&l[k].title&&l[k].title.text)"
    "l[k].title.text=wrap(l[k].title.text,chars);});"
    "var cols={};Object.keys(l).forEach(function(k){if(/^xaxis\\d*$/.test(k)&&l[k].domain)cols[l[k].domain[0]]=1;});"
    "var per=Math.max(10,Math.floor(el.clientWidth/(7.5*Math.max(1,Object.keys(cols).length))));"
    "(l.annotations||[]).forEach(function(a){if(a.text)a.text=wrap(a.text,a.name==='shared-axis-title'?chars:per);});"
    "var categorical={};spec.data.forEach(function(t){if(Array.isArray(t.x)&&typeof t.x[0]==='string')"
    "categorical['xaxis'+(t.xaxis||'x').slice(1)]=1;});"
    "var ncols=Math.max(1,Object.keys(cols).length);if(ncols>1)Object.keys(l).forEach(function(k){"
    "if(/^xaxis\\d*$/.test(k)&&!categorical[k]&&l[k].type!=='category'&&!l[k].tickvals&&!l[k].dtick)"
    "l[k].nticks=Math.max(2,Math.floor(el.clientWidth/(ncols*55)));});"
    "l.margin=Object.assign({},l.margin,{l:Math.min((l.margin||{}).l||60,50),r:10,"
    "b:((l.margin||{}).b||50)+extra});"
    "el.style.height=l.height+'px';return l;}"
    "function wrap(text,n){var out=[],line='';String(text).split(' ').forEach(function(w){"
    "if(line&&(line+' '+w).length>n){out.push(line);line=w;}else{line=line?line+' '+w:w;}});"
    "out.push(line);return out.join('<br>');}"
)


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
            f'style="width:100%;min-height:{self.fig.layout.height or 420}px;"></div>\n'
            "<script>(function(){"
            f"var spec={spec};"
            f"var el=document.getElementById({json.dumps(div_id)});"
            f"{_NARROW_LAYOUT_JS}{_PLACE_SHARED_TITLES_JS}"
            "function draw(){Plotly.newPlot(el,spec.data,fit(spec.layout),"
            "{responsive:true,displaylogo:false}).then(place);el.on('plotly_afterplot',place);"
            "window.addEventListener('beforeprint',function(){Plotly.Plots.resize(el);});"
            "var narrow=el.clientWidth<NARROW,timer=null;window.addEventListener('resize',function(){"
            "clearTimeout(timer);timer=setTimeout(function(){if((el.clientWidth<NARROW)!==narrow){"
            "narrow=!narrow;Plotly.react(el,spec.data,fit(spec.layout)).then(place);}},200);});}"
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
