//! Tagger and parser speed: the bundled sample articles cut into sentences and syntactic words once, then
//! every sentence analysed (tags, heads, relations) by the bundled model, one sentence at a time as the
//! extractor does. Reports words per second (criterion's element throughput) on one core; the target is
//! at least 300,000.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use actormap::extract::syntax::{Syntax, words::syntactic_words};
use actormap::extract::{sentences, tokens};
use actormap::sample::ARTICLES;

#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn analysis(c: &mut Criterion) {
    let model = Syntax::bundled();
    let mut sentences_words: Vec<Vec<&str>> = Vec::new();
    for (_, text) in ARTICLES {
        for span in sentences::split(text) {
            let toks = tokens::tokenize(text, span.start, span.end);
            let words: Vec<&str> = syntactic_words(text, &toks)
                .into_iter()
                .map(|r| &text[r])
                .collect();
            if !words.is_empty() {
                sentences_words.push(words);
            }
        }
    }
    let words: usize = sentences_words.iter().map(Vec::len).sum();
    let mut group = c.benchmark_group("syntax");
    group.throughput(Throughput::Elements(words as u64));
    group.sample_size(20);
    group.bench_function(format!("sample articles, {words} words"), |b| {
        b.iter(|| {
            let mut roots = 0;
            for s in &sentences_words {
                roots += model.analyse(s).heads.iter().filter(|&&h| h == 0).count();
            }
            roots
        })
    });
    group.finish();
}

criterion_group!(benches, analysis);
criterion_main!(benches);
