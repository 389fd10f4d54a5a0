//! Extraction throughput: the bundled sample articles, repeated to about 1 MB, extracted one article at a
//! time as the app and the command line do. Reports bytes per second (criterion's throughput); the target
//! is at least 10 MB/s on one core.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};

use actormap::extract::Extractor;
use actormap::sample::ARTICLES;

// The allocator the actormap binary uses, so the numbers are the ones a user gets.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn extraction(c: &mut Criterion) {
    let extractor = Extractor::bundled();
    let one_round: usize = ARTICLES.iter().map(|(_, t)| t.len()).sum();
    let rounds = (1_000_000 / one_round).max(1);
    let mut group = c.benchmark_group("extract");
    group.throughput(Throughput::Bytes((one_round * rounds) as u64));
    group.sample_size(20);
    group.bench_function("sample articles x ~1 MB", |b| {
        b.iter(|| {
            let mut actors = 0;
            for _ in 0..rounds {
                for (path, text) in ARTICLES {
                    actors += extractor.extract(path, text).actors.len();
                }
            }
            actors
        })
    });
    group.finish();
}

criterion_group!(benches, extraction);
criterion_main!(benches);
