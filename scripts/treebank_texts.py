"""The sentences of the GUM training treebank's documents (its `# text` lines; CC BY 2.5), which the benchmark
input generators build their articles from."""

import os

HERE = os.path.dirname(os.path.abspath(__file__))
TREEBANK = os.path.join(HERE, "..", "..", "shared", "data", "treebanks", "gum-train.conllu")


def documents(path=TREEBANK):
    """Each document's sentences, in order."""
    docs, cur = [], []
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newdoc"):
                if cur:
                    docs.append(cur)
                cur = []
            elif line.startswith("# text = "):
                cur.append(line[len("# text = "):].strip())
    if cur:
        docs.append(cur)
    return docs
