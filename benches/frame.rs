//! CPU time to build one frame of the app (its own code, egui's layout of the widgets and the
//! tessellation of everything painted into triangles, the work a frame costs before the GPU draws it)
//! with a generated map of 1,000, 5,000 and 20,000 actors, the sizes issue 9 asks about: at rest, and
//! while the user zooms. The map is settled first, so the measured frames do no layout work.

use std::hint::black_box;

// The app's allocator (src/main.rs), so allocation costs what it costs in the app.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

use actormap::app::ActormapApp;
use actormap::synthetic::synthetic_corpus;
use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use egui::{Event, pos2, vec2};
use egui_kittest::Harness;

/// A settled app of `actors` generated actors in a 1280×800 window.
fn settled_app(actors: usize) -> Harness<'static, ActormapApp> {
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
    h
}

/// One frame: the app's code and egui's layout, then the tessellation of what it painted.
fn one_frame(h: &mut Harness<'static, ActormapApp>) -> (usize, usize) {
    h.step();
    let out = h.output();
    let triangles = h.ctx.tessellate(out.shapes.clone(), out.pixels_per_point);
    (h.state().node_count(), triangles.len())
}

/// Times `frame` on settled maps of 1,000, 5,000 and 20,000 actors, as benchmark group `name`.
fn sizes(c: &mut Criterion, name: &str, frame: fn(&mut Harness<'static, ActormapApp>, usize)) {
    let mut group = c.benchmark_group(name);
    group.sample_size(20);
    for actors in [1_000, 5_000, 20_000] {
        group.bench_with_input(
            BenchmarkId::from_parameter(actors),
            &actors,
            |b, &actors| {
                // Built here, so a filtered run (`cargo bench --bench frame -- 5000`) builds only its own map.
                let mut h = settled_app(actors);
                let mut count = 0;
                b.iter(|| {
                    frame(&mut h, count);
                    count += 1;
                })
            },
        );
    }
    group.finish();
}

/// Frames of a map at rest (nothing moves; the pointer is still).
fn at_rest(c: &mut Criterion) {
    sizes(c, "frame", |h, _| {
        black_box(one_frame(h));
    });
}

/// Frames while the user zooms in and out with the pointer over the map: every node, edge and label is
/// placed and drawn again.
fn zooming(c: &mut Criterion) {
    sizes(c, "frame-zooming", |h, count| {
        h.hover_at(pos2(700.0, 430.0));
        h.event(Event::Zoom(if count % 2 == 0 { 1.05 } else { 1.0 / 1.05 }));
        black_box(one_frame(h));
    });
}

criterion_group!(benches, at_rest, zooming);
criterion_main!(benches);
