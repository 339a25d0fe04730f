#!/usr/bin/env python3
"""Writes the label lists the VLM2Vec reference ranks global video classification against.

Usage: python3 scripts/extract_video_labels.py path/to/VLM2Vec/src/data/eval_dataset/video_classification_utils.py

Reads the module's list literals (ast, nothing is imported or executed) and writes one label per
line, in the reference's order (which is the candidate order, so it decides ties), to
mmeb-eval/src/main/resources/org/mmeb/eval/data/video-labels/<task>.txt.
"""
import ast
import os
import sys

# our task name -> the reference's list variable (VIDEOCLS_LABEL_MAPPING)
LISTS = {
    "K700": "K700_LABELS",
    "UCF101": "UCF101_LABELS",
    "HMDB51": "HMDB51_LABELS",
    "Breakfast": "BREAKFAST_LABELS",
}
OUT = "mmeb-eval/src/main/resources/org/mmeb/eval/data/video-labels"


def main(source):
    tree = ast.parse(open(source, encoding="utf-8").read())
    lists = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and isinstance(node.value, ast.List):
            for target in node.targets:
                if isinstance(target, ast.Name):
                    lists[target.id] = ast.literal_eval(node.value)
    os.makedirs(OUT, exist_ok=True)
    for task, name in LISTS.items():
        labels = lists[name]
        assert all("\n" not in label for label in labels)
        with open(os.path.join(OUT, task + ".txt"), "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(label + "\n" for label in labels))
        print(task, len(labels), "labels,", len(set(labels)), "distinct")


if __name__ == "__main__":
    main(sys.argv[1])
