"""Co-participation networks and multiplex graphs."""

import itertools

import networkx as nx
import numpy as np
import pandas as pd
import pytest

from regional_clusters.networks import coparticipation_network, multiplex_graph


@pytest.fixture
def participations():
    rows = [
        # project, org, role, group, type, country, field, year, duration, budget
        (1, 10, "coordinator", "Economic actors", "PRC", "DE", "SC3", 2015, 36.0, 2e6),
        (1, 11, "participant", "Research and education", "HES", "DE", "SC3", 2015, 36.0, 2e6),
        (1, 12, "participant", "Economic actors", "PRC", "FR", "SC3", 2015, 36.0, 2e6),
        (2, 10, "coordinator", "Economic actors", "PRC", "DE", "SC1", 2018, 24.0, 1e6),
        (2, 11, "participant", "Research and education", "HES", "DE", "SC1", 2018, 24.0, 1e6),
        (2, 13, "participant", "Politics and administration", "PUB", "DE", "SC1", 2018, 24.0, 1e6),
        (3, 14, "coordinator", "Milieu and intermediaries", "OTH", "EL", "SC3", 2020, 12.0, 5e5),
    ]
    cols = ["project_id", "org_id", "role", "actor_group", "org_type", "country", "field",
            "start_year", "duration", "project_contribution"]
    return pd.DataFrame(rows, columns=cols)


def brute_force(p):
    G = nx.Graph()
    for _, proj in p.groupby("project_id"):
        for a, b in itertools.combinations(sorted(proj["org_id"]), 2):
            w = G.get_edge_data(a, b, {"weight": 0})["weight"]
            G.add_edge(a, b, weight=w + 1)
    return G


def test_weights_and_attributes(participations):
    G = coparticipation_network(participations)
    assert set(G) == {10, 11, 12, 13, 14}
    assert G.degree(14) == 0  # single-partner project: isolate
    assert G[10][11]["weight"] == 2 and G[10][11]["projects"] == 2
    assert G[10][11]["coordinated"] == 2 and G[11][13]["coordinated"] == 0
    assert G.nodes[13]["group"] == "Politics and administration"
    assert G.nodes[12]["country"] == "FR"
    assert G.nodes[10]["projects"] == 2
    assert all(type(n) is int for n in G)


def test_filters(participations):
    assert set(coparticipation_network(participations, countries="DE").edges()) == {(10, 11), (10, 13), (11, 13)}
    sc3 = coparticipation_network(participations, fields="SC3")
    assert sc3[10][11]["weight"] == 1 and not sc3.has_node(13)
    late = coparticipation_network(participations, years=(2016, None))
    assert set(late) == {10, 11, 13, 14}
    assert set(coparticipation_network(participations, years=2015)) == {10, 11, 12}


def test_duration_and_budget(participations):
    d = coparticipation_network(participations, weight="duration")
    assert d[10][11]["weight"] == 60
    b = coparticipation_network(participations, weight="budget")
    assert b[10][11]["weight"] == pytest.approx(3.0)  # million euro


def test_equals_brute_force_on_random_projects():
    rng = np.random.default_rng(0)
    rows = []
    for p in range(60):
        for o in rng.choice(40, size=rng.integers(1, 7), replace=False):
            rows.append((p, int(o), "participant", "Economic actors", "PRC", "DE"))
    p = pd.DataFrame(rows, columns=["project_id", "org_id", "role", "actor_group", "org_type", "country"])
    G = coparticipation_network(p)
    H = brute_force(p)
    assert set(map(frozenset, G.edges())) == set(map(frozenset, H.edges()))
    for u, v, w in H.edges(data="weight"):
        assert G[u][v]["weight"] == w


def test_bad_input(participations):
    with pytest.raises(ValueError, match="weight must be"):
        coparticipation_network(participations, weight="people")
    with pytest.raises(ValueError, match="lacks the column"):
        coparticipation_network(participations.drop(columns="actor_group"))
    with pytest.raises(ValueError, match="no participation left"):
        coparticipation_network(participations, countries="XX")
    bad = participations.copy()
    bad.loc[0, "actor_group"] = "Research and education"
    with pytest.raises(ValueError, match="more than one actor group"):
        coparticipation_network(bad)


def test_multiplex_aucs():
    from regional_clusters.data import load_multiplex

    m = load_multiplex("aucs")
    M = multiplex_graph(m)
    assert isinstance(M, nx.MultiGraph)
    assert set(m.layers["layer"]) == {k for _, _, k in M.edges(keys=True)}
    layers = multiplex_graph(m, split=True)
    assert sum(g.number_of_edges() for g in layers.values()) == M.number_of_edges()
    assert all(g.number_of_nodes() == len(m.actors) for g in layers.values())
    with pytest.raises(ValueError, match="unknown layer"):
        multiplex_graph(m, layers="golf")


def test_coordinated_abroad_counts_foreign_coordinators():
    import pandas as pd

    from regional_clusters.networks import coparticipation_network, tie_hierarchy

    p = pd.DataFrame({
        "project_id": [1, 1, 1, 2, 2, 2, 3, 3],
        "org_id": ["f", "a", "b", "a", "b", "c", "a", "b"],
        "role": ["coordinator", "participant", "participant", "coordinator", "participant", "participant",
                 "participant", "coordinator"],
        "actor_group": ["x"] * 8, "org_type": ["PRC"] * 8,
        "country": ["FR", "DE", "DE", "DE", "DE", "DE", "DE", "DE"]})
    G = coparticipation_network(p, countries="DE")
    assert G.edges["a", "b"]["projects"] == 3
    assert G.edges["a", "b"]["coordinated_abroad"] == 1
    assert G.edges["a", "b"]["coordinated"] == 2
    assert G.edges["b", "c"]["coordinated"] == 0 and G.edges["b", "c"]["coordinated_abroad"] == 0
    th = tie_hierarchy(G)
    # joint projects: (a,b) x3 [abroad, a coord, b coord]; (a,c) x1 [a coord]; (b,c) x1 [third: a]
    assert th["abroad_share"] == pytest.approx(1 / 5)
    assert th["hierarchical_share"] == pytest.approx(3 / 5)
    assert th["horizontal_share"] == pytest.approx(1 / 4)
    assert "coordinated_abroad" not in coparticipation_network(p).edges["a", "b"]
