#!/usr/bin/env python3
"""Converts seed-format .txt records into a flat CSV (id,title,abstract,body) for SQLite FTS5 and bench_ceiling.

The columns hold the text duet-index analyzes, so the engines index comparable text:
    title     `title`, `TitleCN` and, for a Chinese `title`, the English title from `resultStr`
    abstract  `abstract` (HTML to text) and `AbstractTextCN`
    body      authors, journal name, and for a plain-text article its text up to the references
Journal blurbs and reference lists are left out (duet-index does not index them either). Standard library only.
Usage: fts5_convert.py TXT_DIR OUT.csv   (prints one JSON line: docs, bytes read, bytes written, seconds)
"""
from __future__ import annotations

import csv
import html
import json
import os
import re
import sys
import time

_TAG = re.compile(r"<[^>]+>")
_HAN = re.compile(r"[\u3400-\u9fff]")
_REFERENCES = re.compile(r"^(References|REFERENCES|Reference|Bibliography|参考文献)(\s*$|[\d\[:：]| \d| \[)")


def html_text(value) -> str:
    if not isinstance(value, str):
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", value)).split())


def text(value) -> str:
    return value.strip() if isinstance(value, str) else ""


def from_metadata(meta: dict, sections: list[str]) -> tuple[str, str, str]:
    inner = {}
    if isinstance(meta.get("resultStr"), str):
        try:
            inner = json.loads(meta["resultStr"])
        except ValueError:
            inner = {}
    titles = [text(meta.get("title")), text(meta.get("TitleCN"))]
    if titles[0] and _HAN.search(titles[0]) and inner:
        titles.append(text(inner.get("title")))
    abstract = html_text(meta.get("abstract")) or html_text(inner.get("abstract"))
    journal = meta.get("journal")
    journal_name = text(journal.get("name")) if isinstance(journal, dict) else text(journal)
    body = [text(meta.get("authors")), journal_name]
    abstracts = [abstract, text(meta.get("AbstractTextCN"))]
    if not abstract:  # no abstract in the JSON line: take the section text up to the journal blurb
        loose = []
        for line in sections:
            if line.startswith("期刊介绍"):
                break
            if not line.startswith("引用次数") and line not in ("Abstract", "摘要"):
                loose.append(line)
        abstracts[0] = "\n".join(loose)
    return "\n".join(t for t in titles if t), "\n".join(a for a in abstracts if a), "\n".join(b for b in body if b)


def from_article(lines: list[str]) -> tuple[str, str, str]:
    lines = [line.strip() for line in lines if line.strip()]
    end = len(lines)
    for i in range(len(lines) - 1, -1, -1):
        if _REFERENCES.match(lines[i]):
            end = i
            break
    return (lines[0] if lines else ""), "", "\n".join(lines[1:end])


def convert(txt_dir: str, out_path: str) -> dict:
    start = time.monotonic()
    docs = read = 0
    files = []
    for root, dirs, names in os.walk(txt_dir):
        dirs.sort()
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".txt")]
    with open(out_path, "w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        for path in files:
            with open(path, "rb") as f:
                raw = f.read()
            read += len(raw)
            content = raw.decode("utf-8")
            first, _, rest = content.lstrip().partition("\n")
            if first.startswith("{"):
                title, abstract, body = from_metadata(json.loads(first), rest.splitlines())
            else:
                title, abstract, body = from_article(content.splitlines())
            writer.writerow([os.path.basename(path), title, abstract, body])
            docs += 1
    return {"docs": docs, "bytes_read": read, "bytes_written": os.path.getsize(out_path),
            "seconds": round(time.monotonic() - start, 3)}


def main() -> int:
    if len(sys.argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    print(json.dumps(convert(sys.argv[1], sys.argv[2])))
    return 0


if __name__ == "__main__":
    sys.exit(main())
