"""Per-leaf path attributions, computed once per model, for reason codes at serving speed.

A tree's leaf fixes its decision path, so what each split on that path contributed can be
computed ahead of time (Saabas' method): at every split, the change in the node's expected
value (its training-row-weighted mean of leaf values) is credited to the split's feature. The
root's expected value is the tree's bias; the bias plus the leaf's attributions is exactly the
leaf value. LightGBM's TreeSHAP (``pred_contrib``) weighs node values the same way, so both
attributions share the same bias and sum to the same raw score; they differ only in how a
feature's credit is shared along the path, and the top features mostly agree.

Scoring then needs the leaf each tree lands in (``predict(pred_leaf=True)``, as cheap as a
plain predict) and one gather-and-sum over a ``[trees * leaves, features + 1]`` table, whose
last column holds the leaf values so the same sum gives the raw score.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np
import numpy.typing as npt

Floats = npt.NDArray[np.float64]
Node = dict[str, Any]


@dataclass(frozen=True)
class LeafTable:
    """``rows[tree_offsets[t] + leaf]`` = attributions per feature, then the leaf value."""

    rows: Floats
    tree_offsets: npt.NDArray[np.intp]
    expected_value: float

    def contributions(self, leaves: npt.NDArray[np.int32]) -> Floats:
        """Per-feature attributions then the raw score, for one row's leaf indices."""
        summed: Floats = self.rows[self.tree_offsets + leaves].sum(axis=0)
        return summed


def _subtree_mass(node: Node, means: dict[int, float]) -> tuple[float, float]:
    """(sum of leaf value x rows, rows) below ``node``; records each internal node's mean."""
    if "leaf_value" in node:
        rows = float(node["leaf_count"])
        return float(node["leaf_value"]) * rows, rows
    left = _subtree_mass(node["left_child"], means)
    right = _subtree_mass(node["right_child"], means)
    mass, rows = left[0] + right[0], left[1] + right[1]
    means[id(node)] = mass / rows if rows else 0.0
    return mass, rows


def _node_mean(node: Node, means: dict[int, float]) -> float:
    return float(node["leaf_value"]) if "leaf_value" in node else means[id(node)]


def _fill_paths(node: Node, path: Floats, means: dict[int, float], out: Floats) -> None:
    """Write into ``out[leaf_index]`` the attributions along the path to every leaf."""
    if "leaf_value" in node:
        out[int(node.get("leaf_index", 0)), :-1] = path
        out[int(node.get("leaf_index", 0)), -1] = float(node["leaf_value"])
        return
    feature = int(node["split_feature"])
    here = means[id(node)]
    for side in ("left_child", "right_child"):
        child = node[side]
        step = path.copy()
        step[feature] += _node_mean(child, means) - here
        _fill_paths(child, step, means, out)


def _tree_rows(tree: Node, n_features: int, max_leaves: int) -> tuple[Floats, float]:
    root = tree["tree_structure"]
    means: dict[int, float] = {}
    _subtree_mass(root, means)
    out = np.zeros((max_leaves, n_features + 1))
    _fill_paths(root, np.zeros(n_features), means, out)
    return out, _node_mean(root, means)


def build_leaf_table(model_dump: dict[str, Any]) -> LeafTable:
    """The table for a LightGBM model given as ``Booster.dump_model()``."""
    trees = model_dump["tree_info"]
    n_features = int(model_dump["max_feature_idx"]) + 1
    max_leaves = max(int(tree["num_leaves"]) for tree in trees)
    blocks, biases = [], []
    for tree in trees:
        block, bias = _tree_rows(tree, n_features, max_leaves)
        blocks.append(block)
        biases.append(bias)
    return LeafTable(
        rows=np.concatenate(blocks),
        tree_offsets=np.arange(len(trees), dtype=np.intp) * max_leaves,
        expected_value=float(np.sum(biases)),
    )
