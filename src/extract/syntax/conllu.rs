//! Reading and writing CoNLL-U, the Universal Dependencies file format: the treebanks the tagger and the
//! parser learn from and are scored on, and the output of `actormap parse`.
//!
//! Only what the syntax models use is kept: each syntactic word's form, universal part of speech, head and
//! relation, and the sentence's `# text`. Multi-word token lines ("don't" over "do" + "n't") and empty
//! nodes (enhanced dependencies) are skipped: the words beneath them carry the tree.

use std::fmt::Write as _;

/// One sentence of a treebank.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct TreeSentence {
    pub id: String,
    pub text: String,
    pub words: Vec<String>,
    pub upos: Vec<String>,
    /// 0 is the root; word `i` (0-based) is numbered `i + 1`.
    pub heads: Vec<u32>,
    pub deprels: Vec<String>,
}

/// A line that is not CoNLL-U, with where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct ConlluError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for ConlluError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}

/// The sentences of a CoNLL-U text.
pub fn read(text: &str) -> Result<Vec<TreeSentence>, ConlluError> {
    let mut out = Vec::new();
    let mut s = TreeSentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        let err = |message: String| ConlluError {
            line: n + 1,
            message,
        };
        if line.trim().is_empty() {
            if !s.words.is_empty() {
                out.push(std::mem::take(&mut s));
            }
            continue;
        }
        if let Some(comment) = line.strip_prefix('#') {
            let comment = comment.trim_start();
            if let Some(v) = comment.strip_prefix("sent_id =") {
                s.id = v.trim().to_string();
            } else if let Some(v) = comment.strip_prefix("text =") {
                s.text = v.trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(err(format!(
                "expected 10 tab-separated columns, found {}",
                cols.len()
            )));
        }
        if cols[0].contains('-') || cols[0].contains('.') {
            continue;
        }
        let index: usize = cols[0]
            .parse()
            .map_err(|_| err(format!("word number {:?} is not a number", cols[0])))?;
        if index != s.words.len() + 1 {
            return Err(err(format!(
                "word number {index} out of order (expected {})",
                s.words.len() + 1
            )));
        }
        let head: u32 = match cols[6] {
            "_" => 0,
            h => h
                .parse()
                .map_err(|_| err(format!("head {h:?} is not a number")))?,
        };
        s.words.push(cols[1].to_string());
        s.upos.push(cols[3].to_string());
        s.heads.push(head);
        s.deprels.push(cols[7].to_string());
    }
    if !s.words.is_empty() {
        out.push(s);
    }
    for s in &out {
        if let Some(&h) = s.heads.iter().find(|&&h| h as usize > s.words.len()) {
            return Err(ConlluError {
                line: 0,
                message: format!("sentence {:?}: head {h} points past its last word", s.id),
            });
        }
    }
    Ok(out)
}

/// The CoNLL-U text of analysed sentences (lemma, XPOS, features, enhanced graph and MISC left empty).
pub fn write(sentences: &[TreeSentence]) -> String {
    let mut out = String::new();
    for s in sentences {
        if !s.id.is_empty() {
            let _ = writeln!(out, "# sent_id = {}", s.id);
        }
        if !s.text.is_empty() {
            let _ = writeln!(out, "# text = {}", s.text);
        }
        for i in 0..s.words.len() {
            let _ = writeln!(
                out,
                "{}\t{}\t_\t{}\t_\t_\t{}\t{}\t_\t_",
                i + 1,
                s.words[i],
                s.upos[i],
                s.heads[i],
                s.deprels[i]
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "# sent_id = a-1\n# text = They don't agree.\n1\tThey\tthey\tPRON\tPRP\t_\t4\tnsubj\t_\t_\n\
        2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\t_\n2\tdo\tdo\tAUX\tVBP\t_\t4\taux\t_\t_\n3\tn't\tnot\tPART\tRB\t_\t4\tadvmod\t_\t_\n\
        4\tagree\tagree\tVERB\tVB\t_\t0\troot\t_\t_\n4.1\tx\t_\t_\t_\t_\t_\t_\t_\t_\n5\t.\t.\tPUNCT\t.\t_\t4\tpunct\t_\t_\n\n";

    #[test]
    fn multiword_tokens_and_empty_nodes_are_skipped() {
        let s = &read(SAMPLE).unwrap()[0];
        assert_eq!(s.words, ["They", "do", "n't", "agree", "."]);
        assert_eq!(s.heads, [4, 4, 4, 0, 4]);
        assert_eq!(s.deprels[2], "advmod");
        assert_eq!(s.text, "They don't agree.");
    }

    #[test]
    fn written_sentences_read_back_the_same() {
        let sentences = read(SAMPLE).unwrap();
        assert_eq!(read(&write(&sentences)).unwrap(), sentences);
    }

    #[test]
    fn a_bad_line_is_reported_with_its_number() {
        let e = read("1\tA\n").unwrap_err();
        assert_eq!(e.line, 1);
        assert!(
            read("1\tA\ta\tX\t_\t_\t9\tdep\t_\t_\n").is_err(),
            "a head past the sentence is refused"
        );
    }
}
