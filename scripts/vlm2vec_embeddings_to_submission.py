#!/usr/bin/env python3
"""Converts the embeddings VLM2Vec's eval.py leaves in its --encode_output_path into an mmeb-eval
submission folder, so that `mmeb-eval score` scores exactly the vectors the reference scored.

    python3 scripts/vlm2vec_embeddings_to_submission.py ENCODE_OUTPUT_PATH OUT_DIR --model NAME

For each dataset D, eval.py writes D_qry (pickle: float array, one row per query, dataset order),
D_tgt (pickle: dict candidate name -> vector) and D_info.jsonl. Candidate names are the protocol's
dedupe keys, which are mmeb-eval's candidate item keys for V2 tasks. Needs numpy. Dense embeddings
only (late-interaction 3-D arrays, e.g. ColPali, are rejected).
"""
import argparse
import json
import pickle
from pathlib import Path

import numpy as np

parser = argparse.ArgumentParser()
parser.add_argument("encode_output_path", type=Path)
parser.add_argument("out", type=Path)
parser.add_argument("--model", required=True)
parser.add_argument("--similarity", default="cosine", choices=["cosine", "dot"])
args = parser.parse_args()

tasks = {}
dims = None
for qry_file in sorted(args.encode_output_path.glob("*_qry")):
    name = qry_file.name[: -len("_qry")]
    tgt_file = args.encode_output_path / f"{name}_tgt"
    if not tgt_file.exists():
        print(f"skip {name}: no {tgt_file.name}")
        continue
    with open(qry_file, "rb") as f:
        queries = np.asarray(pickle.load(f), dtype="<f4")
    with open(tgt_file, "rb") as f:
        by_name = pickle.load(f)
    keys = list(by_name.keys())
    candidates = np.stack([np.asarray(by_name[k], dtype="<f4") for k in keys])
    if queries.ndim != 2 or candidates.ndim != 2:
        raise SystemExit(f"{name}: only dense 2-D embeddings convert (found {queries.shape})")
    if dims is None:
        dims = queries.shape[1]
    if queries.shape[1] != dims or candidates.shape[1] != dims:
        raise SystemExit(f"{name}: {queries.shape[1]} dims, other datasets have {dims}")
    task_dir = args.out / name
    task_dir.mkdir(parents=True, exist_ok=True)
    np.save(task_dir / "queries.npy", np.ascontiguousarray(queries))
    np.save(task_dir / "candidates.npy", np.ascontiguousarray(candidates))
    (task_dir / "candidate_keys.json").write_text(json.dumps(keys))
    tasks[name] = {"queries": int(queries.shape[0]), "candidates": int(candidates.shape[0])}
    print(f"{name}: {queries.shape[0]} queries, {candidates.shape[0]} candidates")

(args.out / "manifest.json").write_text(json.dumps({
    "format": "mmeb-eval-submission", "version": 1, "model": args.model, "dims": dims,
    "similarity": args.similarity, "tasks": tasks}, indent=2) + "\n")
print("wrote", args.out / "manifest.json")
