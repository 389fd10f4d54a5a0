#!/usr/bin/env python3
"""Writes N short articles for the scale benchmarks (issue 9): each is a run of consecutive sentences of
one document (1-3 sentences unless --sentences says otherwise) of the GUM training treebank (`../shared/data/treebanks/gum-train.conllu`, CC BY 2.5 / as its
README says) followed by two invented diplomatic sentences between random officials of random countries, so
a corpus of thousands of articles holds thousands of distinct people, many sharing a surname. Deterministic
(fixed seed). Not an evaluation set: the benchmarks time opening and merging, not extraction quality.

Usage: scripts/make-bench-articles.py N OUT_DIR [--seed S] [--sentences MIN-MAX]
"""
import json
import os
import random
import sys

from treebank_texts import HERE, TREEBANK, documents
TITLES = ["Foreign Minister", "Prime Minister", "President", "Defence Minister", "Ambassador", "Interior Minister"]
VERBS = ["met", "spoke with", "held talks with", "accused", "visited", "criticised", "thanked"]


def main(argv):
    if len(argv) < 3:
        sys.exit(__doc__)
    n, out = int(argv[1]), argv[2]
    seed = int(argv[argv.index("--seed") + 1]) if "--seed" in argv else 7
    lo, hi = map(int, argv[argv.index("--sentences") + 1].split("-")) if "--sentences" in argv else (1, 3)
    rng = random.Random(seed)
    docs = documents(TREEBANK)
    names = [w.strip() for w in open(os.path.join(HERE, "..", "assets", "given_names.txt"), encoding="utf-8") if w.strip()]
    countries = [c["names"][0] for c in json.load(open(os.path.join(HERE, "..", "assets", "countries.json")))
                 if c.get("status") == "member" and c.get("names")]
    surnames = names[::3]
    os.makedirs(out, exist_ok=True)
    for i in range(n):
        doc = rng.choice(docs)
        k = rng.randint(lo, hi)
        start = rng.randrange(max(1, len(doc) - k))
        body = doc[start:start + k]
        a, b = rng.sample(countries, 2)
        p = f"{rng.choice(names)} {rng.choice(surnames)}"
        q = f"{rng.choice(names)} {rng.choice(surnames)}"
        t1, t2 = rng.choice(TITLES), rng.choice(TITLES)
        body.append(f"{a}'s {t1} {p} {rng.choice(VERBS)} {t2} {q} of {b} on Monday.")
        body.append(f"{p.split()[-1]} said {a} would work with {b}.")
        with open(os.path.join(out, f"article-{i:05d}.txt"), "w", encoding="utf-8") as f:
            f.write(f"Bench article {i}\n\n" + " ".join(body) + "\n")


if __name__ == "__main__":
    main(sys.argv)
