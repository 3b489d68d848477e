"""The English biomedical abstracts in ../shared/data that the lexicon generators count words and phrases in."""

import json
import os

FILES = ("en/scifact/corpus.jsonl", "en/pubmedqa/corpus.jsonl", "en/bc5cdr/abstracts.jsonl")


def english_abstracts(data):
    """Each abstract's title and text as one string (SciFact and PubMedQA name the text `text`, BC5CDR
    `abstract`), file by file under the data directory `data`."""
    for rel in FILES:
        with open(os.path.join(data, rel), encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                yield " ".join(str(record.get(key) or "") for key in ("title", "text", "abstract"))
