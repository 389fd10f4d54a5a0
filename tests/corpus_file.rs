//! The corpus file as a contract: what `actormap extract --json` writes reads back to the same corpus and
//! writes again to the same bytes, and opening it gives the same map as extracting the articles.

use std::path::PathBuf;

use actormap::corpus::{self, Corpus};
use actormap::extract::Extractor;
use actormap::open;
use actormap::sample;

fn temp_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("actormap-test-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

#[test]
fn writing_reading_and_writing_the_sample_corpus_gives_identical_bytes() {
    let c = sample::sample_corpus(Extractor::bundled());
    assert!(c.articles.len() >= 9 && !c.actors.is_empty() && !c.interactions.is_empty());
    let first = corpus::to_json(&c);
    let back = corpus::from_json(&first).expect("our own output parses");
    assert_eq!(back, c);
    assert_eq!(corpus::to_json(&back), first);
}

#[test]
fn opening_a_corpus_file_gives_the_same_corpus_as_extracting_the_articles() {
    let dir = temp_dir("reopen");
    let article = dir.join("talks.txt");
    std::fs::write(
        &article,
        "Chile and Peru held talks in Lima.\r\nBoth countries agreed to cooperate.\r\n",
    )
    .unwrap();
    let (extracted, errors) =
        open::open_paths(std::slice::from_ref(&article), Extractor::bundled());
    assert!(errors.is_empty(), "{errors:?}");
    let file = dir.join("corpus.json");
    std::fs::write(&file, corpus::to_json(&extracted)).unwrap();
    let (reopened, errors) = open::open_paths(&[file], Extractor::bundled());
    assert!(errors.is_empty(), "{errors:?}");
    assert_eq!(reopened, extracted);
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn every_offset_of_the_sample_corpus_lies_on_its_articles_text() {
    let c: Corpus = sample::sample_corpus(Extractor::bundled());
    for a in &c.actors {
        for m in &a.mentions {
            let art = c.article(&m.article).unwrap();
            let said = art
                .text
                .get(m.start..m.end)
                .expect("mention on character boundaries");
            assert!(!said.trim().is_empty(), "{} has an empty mention", a.name);
            let sentence = art.sentences[m.sentence];
            assert!(
                sentence.start <= m.start && m.end <= sentence.end,
                "{}: mention outside its sentence",
                a.name
            );
        }
    }
    for it in &c.interactions {
        assert!(!it.rule.is_empty(), "{} has no rule", it.id);
        for e in &it.evidence {
            let art = c.article(&e.article).unwrap();
            assert_eq!(
                art.sentences[e.sentence],
                e.span(),
                "evidence spans its whole sentence"
            );
            for span in [e.trigger, e.source_span, e.target_span]
                .into_iter()
                .flatten()
            {
                assert!(
                    e.span().contains(span),
                    "{}: highlighted words outside the sentence",
                    it.id
                );
            }
        }
    }
}

#[test]
fn a_failing_file_is_reported_and_the_others_still_open() {
    let dir = temp_dir("errors");
    let good = dir.join("good.txt");
    std::fs::write(&good, "Kenya accused Uganda of spying.").unwrap();
    let empty = dir.join("empty.txt");
    std::fs::write(&empty, "  \n").unwrap();
    let binary = dir.join("picture.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0").unwrap();
    let broken = dir.join("broken.json");
    std::fs::write(&broken, "{\"schema\": \"actormap/1\", \"articles\": [").unwrap();
    let missing = dir.join("missing.txt");
    let (c, errors) = open::open_paths(
        &[good, empty, binary, broken, missing],
        Extractor::bundled(),
    );
    assert_eq!(c.articles.len(), 1);
    assert_eq!(errors.len(), 4, "{errors:?}");
    let said: Vec<String> = errors.iter().map(|e| e.to_string()).collect();
    // Files are opened in path order, whatever order they were given in.
    for (file, reason) in [
        ("broken.json", "not an actormap corpus"),
        ("empty.txt", "empty"),
        ("missing.txt", "no such file"),
        ("picture.txt", "not a text file"),
    ] {
        assert!(
            said.iter().any(|e| e.contains(file) && e.contains(reason)),
            "{file}: {said:?}"
        );
    }
    std::fs::remove_dir_all(dir).ok();
}
