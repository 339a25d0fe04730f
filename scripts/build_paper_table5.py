#!/usr/bin/env python3
"""Builds leaderboard/reference/mmeb-v2-paper-table5.json from the shared reference facts:
per-dataset cells (mmeb-v2-tasks.json, paper_scores_table5) and aggregate columns
(mmeb-v2-paper-table5-aggregates.json). Run once: python3 scripts/build_paper_table5.py REF_DIR"""
import json
import sys
from pathlib import Path

ref = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/reference")
tasks = json.loads((ref / "mmeb-v2-tasks.json").read_text())["tasks"]
aggregates = json.loads((ref / "mmeb-v2-paper-table5-aggregates.json").read_text())
columns = {
    "All(78)": {"kind": "overall", "group": "overall"},
    "Image(36)": {"kind": "modality", "group": "image"},
    "Video(18)": {"kind": "modality", "group": "video"},
    "VisDoc(24)": {"kind": "modality", "group": "visdoc"},
}
for column in aggregates["_columns"]:
    if column not in columns:
        columns[column] = {"kind": "meta_task", "group": "V-MRET" if column == "V-MR" else column}
models = {}
for model, entry in aggregates.items():
    if model.startswith("_"):
        continue
    models[model] = {
        "score_file": "vlm2vec-v2.0.0/" + entry["score_file"],
        "datasets": {t["name"]: t["paper_scores_table5"][model] for t in tasks},
        "aggregates": entry["values"],
    }
out = {
    "_source": "VLM2Vec-V2 paper (arXiv 2507.04590), Appendix Table 5. Per-dataset cells from "
    "/work/shared/reference/mmeb-v2-tasks.json (paper_scores_table5), aggregate columns from "
    "mmeb-v2-paper-table5-aggregates.json; each model's cells come from its v2.0.0 score file "
    "(VLM2Vec repo experiments/public/all_scores/v2.0.0/). Built by scripts/build_paper_table5.py.",
    "_rounding": "dataset: round_half_up(100 * round4(x), 1); aggregate: round_half_up(mean(100 * x), 1)",
    "main_metric": {"image": "hit@1", "video": "hit@1", "visdoc": "ndcg_linear@5"},
    "columns": columns,
    "models": models,
}
target = Path(__file__).resolve().parent.parent / "leaderboard/reference/mmeb-v2-paper-table5.json"
target.write_text(json.dumps(out, indent=1) + "\n")
print("wrote", target)
