"""The central tidying of plotly express figures in regional_clusters.plotting."""

import pandas as pd
import plotly.express as px
import pytest

from regional_clusters.plotting import Figure, show, style


@pytest.fixture
def table():
    return pd.DataFrame({
        "area_type": ["metropolitan", "micropolitan"] * 2,
        "goods_services": ["goods", "goods", "services", "services"],
        "share": [8.679545, 3.25, 1.5, 0.123456],
        "employment": [123456, 2345, 34567, 456],
    })


def test_facet_titles_keep_only_the_value(table):
    fig = style(px.bar(table, x="area_type", y="share", facet_col="goods_services"))
    assert sorted(a.text for a in fig.layout.annotations if a.name != "shared-axis-title") == ["goods", "services"]


def test_user_annotations_with_spaced_equals_are_kept(table):
    fig = px.scatter(table, x="share", y="employment")
    fig.add_annotation(text="r = 0.50", x=1, y=1)
    assert style(fig).layout.annotations[0].text == "r = 0.50"


def test_legend_title_is_readable(table):
    fig = style(px.scatter(table, x="share", y="employment", color="goods_services", symbol="area_type"))
    assert fig.layout.legend.title.text == "goods services, area type"
    fig.layout.legend.title.text = ", tech_intensity"
    assert style(fig).layout.legend.title.text == "tech intensity"


def test_hover_shows_names_and_rounded_numbers(table):
    fig = style(px.scatter(table, x="share", y="employment", facet_col="area_type"))
    template = fig.data[0].hovertemplate
    assert "area type: metropolitan" in template
    assert "share: %{x:,.3~r}" in template  # 8.679545 shows as 8.68
    assert "employment: %{y:,.0f}" in template  # counts in full, with thousands separators
    assert "=" not in template


def test_repeated_axis_titles_become_one(table):
    fig = style(px.bar(table, x="area_type", y="share", facet_col="goods_services"))
    assert not [k for k in fig.layout if k.startswith("xaxis") and fig.layout[k].title.text]
    shared = [a for a in fig.layout.annotations if a.name == "shared-axis-title"]
    assert [a.text for a in shared] == ["area type"]


def test_style_is_idempotent(table):
    fig = style(px.bar(table, x="area_type", y="share", facet_col="goods_services", color="area_type"))
    before = fig.to_json()
    assert style(fig).to_json() == before


def test_html_adapts_to_narrow_screens(table):
    html = show(px.bar(table, x="area_type", y="share", color="goods_services"), alt="bars").to_html()
    assert "NARROW=600" in html and "orientation:'h'" in html
    assert 'aria-label="bars"' in html


def test_figure_needs_alt_text(table):
    with pytest.raises(ValueError, match="alternative text"):
        Figure(px.bar(table, x="area_type", y="share"), alt=" ")


def test_log_axes_over_several_decades_tick_at_powers_of_ten(table):
    fig = style(px.scatter(table, x="share", y="employment", log_y=True))
    assert fig.layout.yaxis.dtick == 1
    narrow = style(px.scatter(table.assign(employment=[100, 150, 200, 250]), x="share", y="employment", log_y=True))
    assert narrow.layout.yaxis.dtick is None
