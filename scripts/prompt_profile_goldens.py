#!/usr/bin/env python3
"""Golden texts per backbone from the VLM2Vec reference's own process_input_text.

Usage: python3 scripts/prompt_profile_goldens.py path/to/VLM2Vec/src/model/processor.py

processor.py imports torch and transformers, so it is not imported: its backbone constants, the
VLM_IMAGE_TOKENS / VLM_VIDEO_TOKENS tables and the process_input_text function are taken from its
syntax tree and run alone. The composition around it (the parsers' replace/strip/newline lines and
mvbench's process_query) is restated from src/data/eval_dataset/*.py. Writes
mmeb-eval/src/test/resources/org/mmeb/eval/data/prompt-profile-goldens.json for
PromptProfileGoldenTest.
"""
import ast
import json
import sys

BACKBONES = ["phi3_v", "llava_next", "qwen2_vl", "qwen2_5_vl", "qwen2_vl_tokenselection",
             "qwen2_5_vl_tokenselection", "gme", "lamra", "lamra_qwen25", "colpali"]
OUT = "mmeb-eval/src/test/resources/org/mmeb/eval/data/prompt-profile-goldens.json"


def reference_namespace(path):
    tree = ast.parse(open(path, encoding="utf-8").read())
    keep = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and all(isinstance(t, ast.Name) for t in node.targets):
            names = [t.id for t in node.targets]
            if isinstance(node.value, ast.Constant) or any(
                    n in ("VLM_IMAGE_TOKENS", "VLM_VIDEO_TOKENS") for n in names):
                keep.append(node)
        if isinstance(node, ast.FunctionDef) and node.name == "process_input_text":
            keep.append(node)
    namespace = {"PROMPT_TEMPLATE_DICT": {}}
    exec(compile(ast.Module(body=keep, type_ignores=[]), path, "exec"), namespace)
    return namespace


def sites(ns, bb):
    pit = ns["process_input_text"]
    video_token = ns["VLM_VIDEO_TOKENS"].get(bb)
    cls_inst = "<|image_1|> Represent the given image for classification\n"
    qa_inst = "<|image_1|> Represent the given image with the following question: "
    task_prompt = ("Given a video and a question, select the most accurate answer from the provided"
                   " candidates. Return only the exact text of your chosen answer. Question: ")
    out = {
        # vidore_dataset.py / visrag_dataset.py
        "visdoc_page": pit("Understand the content of the provided document image.", bb,
                           add_image_token=True),
        "visdoc_query": pit("Find a document image that matches the given query:", bb,
                            text="what is shown?"),
        # image_cls_dataset.py
        "image_cls_query": pit(cls_inst.replace("<|image_1|>", ""), bb, text="",
                               add_image_token=True).replace(" \n", "\n") + "\n",
        # image_qa_dataset.py
        "image_qa_query": pit("\n" + qa_inst.replace("<|image_1|>", "").strip(), bb,
                              text="What is it?", add_image_token=True).replace(" \n", "\n") + "\n",
        # video_classification_datasets.py (Breakfast's instruction ends with a space)
        "video_cls_query": pit("Recognize the breakfast type that the person is cooking in the"
                               " video. ", bb, add_video_token=True)
        if video_token is not None else None,
        # msrvtt_dataset.py (the same row's target needs the video token, so without one the
        # reference fails the task)
        "video_ret_query": pit("Find a video that contains the following visual content:", bb,
                               text="a dog runs") if video_token is not None else None,
        "video_ret_target": pit("Understand the content of the provided video.", bb,
                                add_video_token=True) if video_token is not None else None,
        # moment_retrieval_datasets.py
        "moment_query_empty": pit(
            "Find the clip that corresponds to the described scene in the given video:", bb,
            text="", add_video_token=True) if video_token is not None else None,
    }
    # mvbench_dataset.py process_query with a prompt: f'{video_token} {prompt} {query}'
    out["video_qa_query"] = (f"{video_token} {task_prompt} why?" if video_token is not None
                             else None)
    return out


def main(path):
    ns = reference_namespace(path)
    goldens = {bb: sites(ns, bb) for bb in BACKBONES}
    with open(OUT, "w", encoding="utf-8") as f:
        json.dump(goldens, f, indent=1, ensure_ascii=False)
        f.write("\n")
    print("wrote", OUT, len(goldens), "profiles")


if __name__ == "__main__":
    main(sys.argv[1])
