//! CPU time to build one frame of the app (its own code and egui's layout of the widgets; no GPU drawing)
//! with a generated map of 1,000, 5,000 and 20,000 actors at rest, the sizes issue 9 asks about. The map
//! is settled first, so the measured frames draw the map and do no layout work.

use std::hint::black_box;

use actormap::app::ActormapApp;
use actormap::synthetic::synthetic_corpus;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::vec2;
use egui_kittest::Harness;

fn frame(c: &mut Criterion) {
    let mut group = c.benchmark_group("frame");
    group.sample_size(20);
    for actors in [1_000, 5_000, 20_000] {
        group.bench_with_input(
            BenchmarkId::from_parameter(actors),
            &actors,
            |b, &actors| {
                // Built here, so a filtered run (`cargo bench --bench frame -- 5000`) builds only its own map.
                let app = ActormapApp::new_for_test(synthetic_corpus(actors));
                let mut h = Harness::builder()
                    .with_size(vec2(1280.0, 800.0))
                    .with_pixels_per_point(1.0)
                    .build_ui_state(|ui, app: &mut ActormapApp| app.show(ui), app);
                h.run_steps(3);
                assert!(
                    h.state().is_settled(),
                    "the map is at rest before frames are timed"
                );
                b.iter(|| {
                    h.step();
                    black_box(h.state().node_count())
                })
            },
        );
    }
    group.finish();
}

criterion_group!(benches, frame);
criterion_main!(benches);
