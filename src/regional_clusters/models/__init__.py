"""Models of the mechanisms the source texts argue about.

Agent-based models (each with an ODD description after :cite:t:`grimm2006`
and :cite:t:`grimm2020` in its module docstring and, in full, in its
chapter), all deterministic under ``seed`` and returning a
:class:`~regional_clusters.models.ModelResult` (``history``, ``summary``, ``agents``):

- :mod:`~regional_clusters.models.coopetition`: innovation effort under
  rivalry and knowledge sharing; cluster output against isolated output;
- :mod:`~regional_clusters.models.club_goods`: contributions to an
  excludable good under reputation and sanctions;
- :mod:`~regional_clusters.models.trust`: Beckert's four strategies as
  signals, gossip, closure against bridging, competitive pressure;
- :mod:`~regional_clusters.models.learning`: recombination and diffusion of
  knowledge, learning by monitoring;

the measurement helpers of :mod:`~regional_clusters.models.neighbourhoods`
(Grabher's three types, epistemic communities, dyadic mixing), and
:func:`~regional_clusters.models.sweep.sweep`, which runs
any model over parameter grids and seeds and returns tidy tables with
confidence intervals, serially or on any executor (a local process pool or a
Dask cluster), and :func:`~regional_clusters.models.sensitivity.sensitivity`,
which screens all free parameters of a model with SALib (Morris elementary
effects, Sobol indices).
"""

from ._common import ModelResult, structured_network
from .sweep import evaluate_runs, local_pool, paired_difference, run_seeds, summarise_runs, sweep
from .sensitivity import SensitivityResult, sensitivity, sensitivity_figure, sensitivity_frame
from .coopetition import RIVALRY, coopetition_closed_form, coopetition_equilibrium, coopetition_regimes, relation_matrices, simulate_coopetition
from .club_goods import EXCLUSION, simulate_club_good
from .trust import STRATEGIES, gossip_contrast, simulate_trust
from .learning import initial_knowledge, simulate_learning
from .neighbourhoods import READINGS, TYPES, classify_neighbourhoods, grabher_network, monitoring_by_type, dyad_mixing, epistemic_communities, local_density, type_mix

__all__ = [
    "ModelResult",
    "structured_network",
    "sweep",
    "summarise_runs",
    "paired_difference",
    "local_pool",
    "evaluate_runs",
    "run_seeds",
    "SensitivityResult",
    "sensitivity",
    "sensitivity_frame",
    "sensitivity_figure",
    "simulate_coopetition",
    "coopetition_equilibrium",
    "coopetition_closed_form",
    "relation_matrices",
    "RIVALRY",
    "coopetition_regimes",
    "simulate_club_good",
    "EXCLUSION",
    "STRATEGIES",
    "simulate_trust",
    "gossip_contrast",
    "initial_knowledge",
    "simulate_learning",
    "TYPES",
    "classify_neighbourhoods",
    "monitoring_by_type",
    "grabher_network",
    "READINGS",
    "local_density",
    "epistemic_communities",
    "type_mix",
    "dyad_mixing",
]

# Policy models (lighthouse paper, sections IV and V); documented in their
# own modules: budget allocation, the manager as broker, degressive co-financing.
from .budget import (allocate_budget, bavarian_districts, budget_outcomes, budget_scenario,
                     growth_equalisation_frontier, growth_maximising_share)
from .broker import (add_broker, add_funding_manager, cheap_talk, cheap_talk_partition, choose_ties,
                     compare_managers, firm_subnetwork, fragmentation, funding_manager_outcomes, network_state,
                     reach, simulate_cheap_talk)
from .cofinancing import (SCHEDULES, compare_schedules, participation_fixed_points, schedule_contrast,
                          schedule_effects, simulate_cofinancing, subsidy_schedule)
