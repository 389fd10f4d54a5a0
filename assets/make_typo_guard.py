#!/usr/bin/env python3
"""Writes typo_guard.txt: English words one edit away from a word the extractor may typo-correct.

The extractor reads an unknown word of five or more letters as the lexicon word (title, trigger, group noun,
institution head) one edit away from it ("Forign" -> "foreign"). A real English word in that position
("strives", one edit from "strikes") must be left alone; this lists every such word. Run it again after
changing titles.json, triggers.json or institutions.json:

    python3 assets/make_typo_guard.py /usr/share/dict/american-english > assets/typo_guard.txt

The word list comes from Debian's wamerican package (SCOWL, by Kevin Atkinson; see assets/README.md).
"""
import json
import os
import re
import sys

here = os.path.dirname(os.path.abspath(__file__))


def words_of(phrase):
    return [w for w in re.findall(r"[^\W\d_]+(?:['\u2019][^\W\d_]+)*", phrase.lower()) if w.isalpha()]


def vocabulary():
    vocab = set()
    titles = json.load(open(os.path.join(here, "titles.json"), encoding="utf-8"))
    for t in titles["titles"] + titles["ranks"]:
        for v in t["variants"]:
            vocab.update(words_of(v))
    for m in titles["modifiers"] + titles["honorifics"]:
        vocab.update(words_of(m))
    for t in json.load(open(os.path.join(here, "triggers.json"), encoding="utf-8"))["triggers"]:
        for f in t["forms"]:
            vocab.update(words_of(f))
    inst = json.load(open(os.path.join(here, "institutions.json"), encoding="utf-8"))
    for g in inst["groups"] + inst["heads"]:
        vocab.update(words_of(g["word"]))
    return {w for w in vocab if len(w) >= 5}


def deletions(w):
    return {w[:i] + w[i + 1:] for i in range(len(w))}


def within_one(a, b):
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    p = 0
    while p < min(len(a), len(b)) and a[p] == b[p]:
        p += 1
    if len(a) == len(b):
        swap = p + 1 < len(a) and a[p] == b[p + 1] and a[p + 1] == b[p] and a[p + 2:] == b[p + 2:]
        return swap or a[p + 1:] == b[p + 1:]
    long, short = (a, b) if len(a) > len(b) else (b, a)
    return long[p + 1:] == short[p:]


def main(dict_path):
    vocab = vocabulary()
    index = {}
    for v in vocab:
        for d in deletions(v) | {v}:
            index.setdefault(d, set()).add(v)
    english = {w.strip().lower() for w in open(dict_path, encoding="utf-8") if w.strip().isalpha()}
    guard = set()
    for e in english:
        if len(e) < 5 or e in vocab:
            continue
        for probe in deletions(e) | {e}:
            if any(within_one(e, v) for v in index.get(probe, ())):
                guard.add(e)
                break
    sys.stdout.write("".join(w + "\n" for w in sorted(guard)))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "/usr/share/dict/american-english")
