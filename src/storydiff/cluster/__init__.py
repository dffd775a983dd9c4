"""Online story clustering: features, the single-pass clusterer, its pipeline stage and metrics.

See :mod:`storydiff.cluster.online` for the method and :mod:`storydiff.cluster.metrics`
for the evaluation measures.
"""

from storydiff.cluster.metrics import ClusteringScore, score_clustering
from storydiff.cluster.online import Assignment, OnlineClusterer
from storydiff.cluster.stage import ClusterStage, recluster

__all__ = ["Assignment", "ClusterStage", "ClusteringScore", "OnlineClusterer", "recluster", "score_clustering"]
