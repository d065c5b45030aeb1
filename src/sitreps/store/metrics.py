"""How well reports were merged: pairwise precision and recall against gold clusters.

Every two reports of one gold event are a pair that should be merged; every two reports in
one predicted event a pair that was. Precision is the share of merged pairs that should be,
recall the share of pairs that should be merged that were. Reports in only one side's
clusters count as alone on the other side.
"""

from __future__ import annotations

from collections.abc import Hashable, Iterable, Mapping
from itertools import combinations

Cluster = Iterable[Hashable]


def merge_pairwise_scores(
    gold_clusters: Iterable[Cluster], predicted_clusters: Iterable[Cluster]
) -> tuple[float, float]:
    """(precision, recall) of the predicted clustering; 1.0 where there is nothing to score."""
    gold = _pairs(gold_clusters)
    predicted = _pairs(predicted_clusters)
    right = len(gold & predicted)
    precision = right / len(predicted) if predicted else 1.0
    recall = right / len(gold) if gold else 1.0
    return precision, recall


def clusters_of(labels: Mapping[Hashable, Hashable]) -> list[set[Hashable]]:
    """Clusters from a mapping of item to cluster label."""
    clusters: dict[Hashable, set[Hashable]] = {}
    for item, label in labels.items():
        clusters.setdefault(label, set()).add(item)
    return list(clusters.values())


def _pairs(clusters: Iterable[Cluster]) -> set[frozenset[Hashable]]:
    pairs: set[frozenset[Hashable]] = set()
    for cluster in clusters:
        members = sorted(set(cluster), key=repr)
        pairs.update(frozenset(pair) for pair in combinations(members, 2))
    return pairs
