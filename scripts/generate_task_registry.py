#!/usr/bin/env python3
"""Writes tasks/mmeb-v1/*.json and tasks/mmeb-v2/*.json from the reference fact files.

Run by a developer when the reference facts change: python3 scripts/generate_task_registry.py REF_DIR
(REF_DIR holds mmeb-v1-tasks.json and mmeb-v2-tasks.json). The task files are the source of truth
afterwards; the build never runs this script.
"""
import json
import os
import sys

V1_META = {"Classification": "CLS", "VQA": "VQA", "Retrieval": "RET", "Grounding": "GD"}

# The V2 reference deduplicates candidates by *name*; which field is the name depends on the parser.
V2_DEDUPE = {
    "image_cls": "target_text",
    "image_qa": "target_text",
    "image_i2t": "target_text",
    "image_t2i": "target_image",
    "image_i2i_vg": "target_image_and_text",
    "vidore": "corpus_id",
    "visrag": "corpus_id",
    "video_classification": "target_text",
    "ssv2": "target_text",
    "mvbench": "target_text",
    "videomme": "target_text",
    "nextqa": "target_text",
    "egoschema": "target_text",
    "activitynetqa": "target_text",
    "didemo": "video_id",
    "msrvtt": "video_id",
    "msvd": "video_id",
    "vatex": "video_id",
    "youcook2": "video_id",
    "moment_retrieval": "video_id",
    "momentseeker": "video_id",
}

# mvbench_dataset.py: subset_meta's keys, the configs load_hf_dataset_multiple_subset concatenates
MVBENCH_CONFIGS = [
    "episodic_reasoning", "action_sequence", "action_prediction", "action_antonym",
    "fine_grained_action", "unexpected_action", "object_existence", "object_interaction",
    "object_shuffle", "moving_direction", "action_localization", "scene_transition",
    "action_count", "moving_count", "moving_attribute", "state_change", "fine_grained_pose",
    "character_order", "egocentric_navigation", "counterfactual_inference",
]


def v1_task(t):
    return {
        "name": t["name"],
        "benchmark": "mmeb-v1",
        "modality": "image",
        "meta_task": V1_META[t["meta_task"]],
        "split": t["split"],
        "main_metric": "hit@1",
        "eval_type": "local",
        "dedupe_key": "text_and_image",
        "layout": "mmeb-v1-parquet",
        "parser": t["v2_dataset_parser"],
        "query_modality": t["query_modality"],
        "target_modality": t["target_modality"],
        "query_instruction": t["query_instruction"],
        "target_instruction": t["target_instruction"],
        "source": {
            "repo": "TIGER-Lab/MMEB-eval",
            "config": t["hf_config"],
            "split": "test",
            "file_pattern": t["hf_config"] + "/test-00000-of-00001.parquet",
            "images": "images.zip",
            "revision": None,
            "num_sample_per_subset": None,
        },
        "expected_queries": t["n_queries"],
        "candidates_per_query": t["n_candidates_per_query"],
        "frames": None,
    }


def v2_layout(t):
    if t["modality"] == "image":
        return "mmeb-v2-image-parquet"
    if t["modality"] == "visdoc":
        return "beir-visdoc"
    return "video-frames"


def v2_source(t):
    hf = t["hf_source"]
    config = hf.get("subset") or hf.get("subset_or_language_filter")
    if t["modality"] == "image":
        pattern = config + "/test-00000-of-00001.parquet"
        images = "image-tasks/mmeb_v1.tar.gz"
    elif t["modality"] == "visdoc":
        pattern = "{queries,corpus,qrels}/*.parquet"
        images = None
    else:
        # video tables are found by config and split as the hub lays them out (HubDataFiles)
        pattern = None
        images = t.get("yaml", {}).get("frame_root")
        if t["dataset_parser"] == "mvbench":
            config = MVBENCH_CONFIGS
    source = {
        "repo": hf["repo"],
        "config": config,
        "split": hf["split"],
        "file_pattern": pattern,
        "images": images,
        "revision": None,
        "num_sample_per_subset": None,
    }
    limit = t.get("yaml", {}).get("num_sample_per_subset")
    if isinstance(limit, int) or (isinstance(limit, str) and limit.isdigit()):
        source["num_sample_per_subset"] = int(limit)
    return source


def v2_task(t):
    # the hub's current files: MomentSeeker was deduplicated in v2.0.1 (1800 -> 1602 queries; the
    # paper's 1800 live on as VLM2Vec/MomentSeeker_1k8)
    queries = (
        t.get("n_queries_code") or t.get("n_queries_code_v2.0.1") or t.get("n_queries_code_v2.0.0")
    )
    candidates = t.get("n_candidates_paper")
    if isinstance(candidates, str):
        candidates = None  # a range such as "3-5"
    return {
        "name": t["name"],
        "benchmark": "mmeb-v2",
        "modality": t["modality"],
        "meta_task": t["meta_task"],
        "split": t.get("v1_split"),
        "main_metric": t["metric"],
        "eval_type": t["eval_type"],
        "dedupe_key": V2_DEDUPE[t["dataset_parser"]],
        "layout": v2_layout(t),
        "parser": t["dataset_parser"],
        "query_modality": t["query_modality"],
        "target_modality": t["target_modality"],
        "query_instruction": t["query_instruction"],
        "target_instruction": t["target_instruction"],
        "source": v2_source(t),
        "expected_queries": queries,
        "candidates_per_query": candidates,
        "frames": 8 if t["modality"] == "video" else None,
    }


def write(out_dir, task):
    os.makedirs(out_dir, exist_ok=True)
    with open(os.path.join(out_dir, task["name"] + ".json"), "w") as f:
        json.dump(task, f, indent=2, ensure_ascii=False)
        f.write("\n")


def main(ref_dir, tasks_dir="tasks"):
    v1 = json.load(open(os.path.join(ref_dir, "mmeb-v1-tasks.json")))
    v2 = json.load(open(os.path.join(ref_dir, "mmeb-v2-tasks.json")))["tasks"]
    for t in v1:
        write(os.path.join(tasks_dir, "mmeb-v1"), v1_task(t))
    for t in v2:
        write(os.path.join(tasks_dir, "mmeb-v2"), v2_task(t))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/reference")
