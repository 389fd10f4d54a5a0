//! Time of one layout tick on scale-free graphs of 1k, 10k and 100k nodes, the sizes the map must
//! stay interactive at. The graphs are Barabási–Albert-like (each new node links to two existing
//! ones chosen in proportion to their degree), generated here from a fixed seed so every run
//! measures the same work. Each layout is first run for a few ticks so the measured tick sees a
//! spread-out, realistic layout rather than the initial spiral, and is reheated before every
//! measured tick so it never settles.

use std::hint::black_box;

use actormap::layout::{ForceLayout, LayoutConfig, LayoutEdge};
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};

/// Ticks run before measuring.
const WARM_UP_TICKS: usize = 30;

/// Edges of a preferential-attachment graph where every node after the first two links to two
/// earlier, distinct nodes.
fn scale_free_edges(count: usize) -> Vec<LayoutEdge> {
    // Every edge end is listed once here, so a uniform pick from it is a pick in proportion to
    // degree.
    let mut ends: Vec<usize> = vec![0, 1];
    let mut edges = vec![LayoutEdge {
        source: 0,
        target: 1,
        weight: 1.0,
    }];
    let mut state = 0x853C_49E6_748F_EA9Bu64;
    let mut next = move |bound: usize| {
        state = state
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((state >> 33) % bound as u64) as usize
    };
    for node in 2..count {
        let first = ends[next(ends.len())];
        let mut second = ends[next(ends.len())];
        while second == first {
            second = ends[next(ends.len())];
        }
        for target in [first, second] {
            edges.push(LayoutEdge {
                source: node,
                target,
                weight: 1.0,
            });
            ends.extend([node, target]);
        }
    }
    edges
}

fn warmed_layout(count: usize) -> ForceLayout {
    let keys: Vec<String> = (0..count).map(|i| format!("actor-{i}")).collect();
    let sizes = vec![5.0; count];
    let mut layout = ForceLayout::new(LayoutConfig::default());
    layout.set_graph(&keys, &sizes, &scale_free_edges(count));
    layout.run(WARM_UP_TICKS);
    layout
}

fn step(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout_step");
    for count in [1_000, 10_000, 100_000] {
        if count >= 100_000 {
            group.sample_size(10);
        }
        let mut layout = warmed_layout(count);
        group.bench_function(BenchmarkId::from_parameter(count), |b| {
            b.iter(|| {
                layout.reheat();
                black_box(layout.step())
            })
        });
    }
    group.finish();
}

criterion_group!(benches, step);
criterion_main!(benches);
