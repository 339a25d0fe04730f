#!/usr/bin/python3
"""The tables behind Python's html.unescape, for encode.text.HtmlUnescape (open_clip's text cleaning).

Run from the repository root with Debian's python3 (3.11):
    /usr/bin/python3 scripts/make_html_entity_table.py
Writes mmeb-eval/src/main/resources/org/mmeb/eval/encode/text/html-unescape.json with
html.entities.html5 (the 2231 HTML5 entity names, 106 of them also without ';'), and html's
_invalid_charrefs (numeric references replaced per the HTML5 standard, e.g. &#128; -> U+20AC) and
_invalid_codepoints (numeric references dropped).
"""
import html
import html.entities
import json

OUT = "mmeb-eval/src/main/resources/org/mmeb/eval/encode/text/html-unescape.json"

table = {
    "python": "html.unescape of Python 3.11 (html.entities.html5, html._invalid_charrefs, html._invalid_codepoints)",
    "entities": dict(sorted(html.entities.html5.items())),
    "invalid_charrefs": {str(k): v for k, v in sorted(html._invalid_charrefs.items())},
    "invalid_codepoints": sorted(html._invalid_codepoints),
}
with open(OUT, "w", encoding="utf-8") as f:
    json.dump(table, f, ensure_ascii=True, indent=0)
