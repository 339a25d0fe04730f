#!/usr/bin/env python3
"""Method lengths in the Java sources: the p50/p90/p95/max that issue 12 measures.

A method's length is its lines from the first line of its declaration to its closing brace,
comments and string contents ignored. Usage:

    scripts/method_lengths.py [SOURCE_ROOT] [--over N] [--by-package]

SOURCE_ROOT defaults to mmeb-eval/src/main/java. --over N lists the methods longer than N lines
(longest first); --by-package prints p90 and the count above 15 per package.
"""
import argparse
import glob
import math
import re
from collections import defaultdict


def strip_comments_and_strings(src):
    out, i, n = [], 0, len(src)
    while i < n:
        if src.startswith("//", i):
            j = src.find("\n", i)
            i = n if j < 0 else j
            continue
        if src.startswith("/*", i):
            j = src.find("*/", i + 2)
            j = n if j < 0 else j + 2
            out.append(re.sub(r"[^\n]", "", src[i:j]))
            i = j
            continue
        if src.startswith('"""', i):
            j = src.find('"""', i + 3) + 3
            out.append('""' + re.sub(r"[^\n]", "", src[i:j]))
            i = j
            continue
        c = src[i]
        if c in "\"'":
            j = i + 1
            while j < n and src[j] != c:
                j += 2 if src[j] == "\\" else 1
            out.append(c + c)
            i = j + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def methods(path):
    """(length, first line, name) of every method body directly inside a class, enum or record."""
    s = strip_comments_and_strings(open(path, encoding="utf-8").read())
    found, stack, line, header_line, header = [], [], 1, 1, ""
    for ch in s:
        if ch == "{":
            h = header.strip()
            parent = stack[-1][0] if stack else None
            if re.search(r"\b(class|interface|enum|record)\b", h) and not re.search(r"\bnew\b", h):
                kind = "class"
            elif (parent == "class" and h and not h.startswith("=")
                  and "=" not in h.split("(")[0] and not h.endswith("->")):
                kind = "method"
            else:
                kind = "other"
            stack.append((kind, header_line, h))
            header, header_line = "", line
        elif ch == "}":
            if stack:
                kind, start, h = stack.pop()
                if kind == "method":
                    name = h.split("(")[0].split()[-1] if "(" in h else h[:30]
                    found.append((line - start + 1, start, name))
            header, header_line = "", line
        elif ch == ";":
            header, header_line = "", line
        else:
            if ch == "\n":
                line += 1
            if not header.strip() and not ch.isspace():
                header_line = line
            header += ch
    return found


def percentile(sorted_lengths, q):
    return sorted_lengths[max(0, math.ceil(q * len(sorted_lengths)) - 1)]


def summary(lengths):
    lengths = sorted(lengths)
    return (f"methods {len(lengths)} p50 {percentile(lengths, 0.5)} p90 {percentile(lengths, 0.9)} "
            f"p95 {percentile(lengths, 0.95)} max {lengths[-1]} "
            f"over15 {sum(1 for n in lengths if n > 15)}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("root", nargs="?", default="mmeb-eval/src/main/java")
    ap.add_argument("--over", type=int)
    ap.add_argument("--by-package", action="store_true")
    args = ap.parse_args()
    rows = []
    for f in sorted(glob.glob(args.root + "/**/*.java", recursive=True)):
        rel = f[len(args.root) + 1:]
        rows += [(n, rel, start, name) for n, start, name in methods(f)]
    print(summary([r[0] for r in rows]))
    if args.by_package:
        by = defaultdict(list)
        for r in rows:
            by[r[1].rsplit("/", 1)[0].replace("/", ".")].append(r[0])
        for pkg in sorted(by):
            print(f"  {pkg}: {summary(by[pkg])}")
    if args.over is not None:
        for n, rel, start, name in sorted(rows, reverse=True):
            if n > args.over:
                print(f"{n:4d}  {rel}:{start}  {name}")


if __name__ == "__main__":
    main()
