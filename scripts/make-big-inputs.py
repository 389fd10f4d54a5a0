#!/usr/bin/env python3
"""Writes the inputs of the big-input benchmark (issue 11, "Bad and big input") from the `# text` lines of
the GUM training treebank (`../shared/data/treebanks/gum-train.conllu`, CC BY 2.5 / as its README says):

  big-2mb.txt, big-8mb.txt, big-20mb.txt, big-200mb.txt  one article each: the treebank's documents in order
                                                           (a paragraph each), repeated until the size is reached;
  nostop-5mb.txt                                           one line of 5 MB with no sentence stop and no line break;
  many/0000.txt ... many/9999.txt                          10,000 distinct articles of about 5 KB (about 50 MB).

Deterministic. Not an evaluation set: the benchmark times extraction, not its quality. Sizes may be chosen with
--only NAME,... (e.g. --only big-2mb,nostop-5mb). Usage: scripts/make-big-inputs.py OUT_DIR [--only NAMES]
"""
import os
import random
import sys

from treebank_texts import TREEBANK, documents
MB = 1_000_000
SIZES = {"big-2mb": 2, "big-8mb": 8, "big-20mb": 20, "big-200mb": 200}


def write_repeated(path, paragraphs, size):
    """The paragraphs, blank-line separated, over and over until `size` bytes are written."""
    written = 0
    with open(path, "w", encoding="utf-8") as f:
        while written < size:
            for p in paragraphs:
                chunk = p + "\n\n"
                f.write(chunk)
                written += len(chunk.encode("utf-8"))
                if written >= size:
                    break


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    out = argv[1]
    only = set(argv[argv.index("--only") + 1].split(",")) if "--only" in argv else None
    want = lambda name: only is None or name in only
    os.makedirs(out, exist_ok=True)
    docs = documents(TREEBANK)
    paragraphs = [" ".join(d) for d in docs]
    for name, mb in SIZES.items():
        if want(name):
            write_repeated(os.path.join(out, name + ".txt"), paragraphs, mb * MB)
    if want("nostop-5mb"):
        flat = " ".join(paragraphs)
        flat = "".join(" " if c in ".!?\n\r" else c for c in flat)
        with open(os.path.join(out, "nostop-5mb.txt"), "w", encoding="utf-8") as f:
            written = 0
            while written < 5 * MB:
                piece = flat[: 5 * MB - written] + " "
                f.write(piece)
                written += len(piece.encode("utf-8"))
    if want("many"):
        many = os.path.join(out, "many")
        os.makedirs(many, exist_ok=True)
        sentences = [s for d in docs for s in d]
        for i in range(10_000):
            # Sentences drawn at random (seeded by the file's number), so no two files hold the same text:
            # the same text under two names is opened once, which would hide most of the work.
            pick = random.Random(i)
            text, n = [], 0
            while n < 5000:
                s = pick.choice(sentences)
                text.append(s)
                n += len(s) + 1
            with open(os.path.join(many, f"{i:04}.txt"), "w", encoding="utf-8") as f:
                f.write(" ".join(text) + "\n")


if __name__ == "__main__":
    main(sys.argv)
