"""Sphinx extension: the student edition of the book, without solutions.

Both editions are built from one source. With ``student_edition = True``
(set by ``scripts/student_config.py``), every solution is removed from the
document tree once sphinx-exercise has merged gated solutions
(``solution-start`` ... ``solution-end``, whose cells run at build time) into
single solution nodes, so neither the text nor the outputs of a solution
reach the student edition's HTML or PDF. sphinx-exercise's own
``hide_solutions`` cannot do this: it drops the start of a gated solution
but leaves its content and its end marker in place.
"""

from __future__ import annotations

from sphinx.transforms import SphinxTransform


class RemoveSolutions(SphinxTransform):
    # after sphinx-exercise's MergeGatedSolutions (priority 10)
    default_priority = 11

    def apply(self, **kwargs):
        if not self.config.student_edition:
            return
        from sphinx_exercise.nodes import solution_node

        for node in list(self.document.findall(solution_node)):
            node.parent.remove(node)


def setup(app):
    app.add_config_value("student_edition", False, "env")
    app.add_transform(RemoveSolutions)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
