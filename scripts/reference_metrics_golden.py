#!/usr/bin/env python3
"""Runs VLM2Vec's own RankingMetrics (src/utils/eval_utils/metrics.py of a VLM2Vec checkout) on
random rankings and writes the cases with the reference's dataset scores, for
ReferenceMetricsGoldenTest. The reference code is imported from the checkout, not copied.

    python3 scripts/reference_metrics_golden.py PATH/TO/metrics.py

Cases: candidate lists of 0-14 keys drawn from 8 names (so duplicates occur), 0-3 labels (some
not among the candidates), binary or graded relevance. Graded cases give every label of a query
the same grade, where the reference's set()/rel_scores pairing quirk cannot change the result.
"""
import importlib.util
import json
import random
import sys
import types
from pathlib import Path

sys.modules.setdefault("pytrec_eval", types.ModuleType("pytrec_eval"))  # imported, never used
spec = importlib.util.spec_from_file_location("reference_metrics", sys.argv[1])
reference = importlib.util.module_from_spec(spec)
spec.loader.exec_module(reference)

rng = random.Random(20250704)
names = [f"k{i}" for i in range(8)]
datasets = []
for d in range(12):
    graded = d % 3 == 2
    cases = []
    for _ in range(rng.randint(1, 40)):
        prediction = [rng.choice(names) for _ in range(rng.randint(0, 14))]
        labels = rng.sample(names, rng.randint(0 if d % 4 == 3 else 1, 3))
        grade = rng.choice([1, 2, 3])
        cases.append({
            "prediction": prediction,
            "label": labels,
            "rel_scores": [grade] * len(labels) if graded else None,
        })
    metrics = reference.RankingMetrics(["hit", "ndcg", "precision", "recall", "f1", "map", "mrr"])
    datasets.append({"cases": cases, "scores": metrics.evaluate(cases)})

out = Path(__file__).resolve().parent.parent / (
    "mmeb-eval/src/test/resources/org/mmeb/eval/score/reference-metrics-golden.json")
out.write_text(json.dumps({
    "_source": "VLM2Vec src/utils/eval_utils/metrics.py RankingMetrics.evaluate, run by "
               "scripts/reference_metrics_golden.py",
    "datasets": datasets}) + "\n")
print("wrote", out)
