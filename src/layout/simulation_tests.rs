//! Tests of the force layout: convergence, pins, placement of new nodes, stability, determinism.

use super::*;

fn keys(count: usize) -> Vec<String> {
    (0..count).map(|i| format!("actor-{i}")).collect()
}

fn edge(source: usize, target: usize) -> LayoutEdge {
    LayoutEdge {
        source,
        target,
        weight: 1.0,
    }
}

/// A small preferential-attachment graph: each node links to two earlier ones, favouring hubs.
fn hub_graph(count: usize) -> Vec<LayoutEdge> {
    let mut ends = vec![0usize, 1];
    let mut edges = vec![edge(0, 1)];
    let mut state = 0x9E37_79B9u64;
    for node in 2..count {
        for _ in 0..2.min(node) {
            state = state
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let other = ends[(state >> 33) as usize % ends.len()];
            edges.push(edge(node, other));
            ends.extend([node, other]);
        }
    }
    edges
}

fn settled_layout(count: usize, sizes: &[f32], edges: &[LayoutEdge]) -> ForceLayout {
    let mut layout = ForceLayout::new(LayoutConfig::default());
    layout.set_graph(&keys(count), sizes, edges);
    layout.run(10_000);
    assert!(layout.is_settled());
    layout
}

fn distance(a: [f32; 2], b: [f32; 2]) -> f32 {
    (a[0] - b[0]).hypot(a[1] - b[1])
}

fn all_finite(layout: &ForceLayout) -> bool {
    layout.positions().iter().flatten().all(|c| c.is_finite())
}

#[test]
fn connected_nodes_end_closer_than_unconnected_ones() {
    let edges = hub_graph(40);
    let layout = settled_layout(40, &[5.0; 40], &edges);
    let p = layout.positions();
    let connected: Vec<(usize, usize)> = edges
        .iter()
        .map(|e| (e.source.min(e.target), e.source.max(e.target)))
        .collect();
    let (mut near, mut near_count, mut far, mut far_count) = (0.0, 0, 0.0, 0);
    for i in 0..40 {
        for j in i + 1..40 {
            if connected.contains(&(i, j)) {
                near += distance(p[i], p[j]);
                near_count += 1;
            } else {
                far += distance(p[i], p[j]);
                far_count += 1;
            }
        }
    }
    let (near, far) = (near / near_count as f32, far / far_count as f32);
    assert!(near * 1.5 < far, "connected {near}, unconnected {far}");
}

#[test]
fn edges_end_near_their_ideal_length() {
    // A ring has no competing pulls, so its springs should end close to their rest length.
    let edges: Vec<LayoutEdge> = (0..12).map(|i| edge(i, (i + 1) % 12)).collect();
    let layout = settled_layout(12, &[10.0; 12], &edges);
    let rest = layout.config().ideal_edge_length + 20.0;
    for e in &edges {
        let d = distance(layout.positions()[e.source], layout.positions()[e.target]);
        assert!(
            (d - rest).abs() < rest * 0.5,
            "edge length {d}, rest length {rest}"
        );
    }
}

#[test]
fn layout_settles_within_300_ticks_and_then_positions_stop_changing() {
    let mut layout = ForceLayout::new(LayoutConfig::default());
    layout.set_graph(&keys(200), &[4.0; 200], &hub_graph(200));
    let ticks = layout.run(10_000);
    assert!(ticks <= 300, "took {ticks} ticks");
    assert!(layout.is_settled());
    let before = layout.positions().to_vec();
    assert!(!layout.step());
    assert_eq!(layout.run(50), 0);
    assert_eq!(layout.positions(), &before[..]);
}

#[test]
fn pinning_a_node_moves_its_neighbourhood_and_nothing_else() {
    // Two separate rings: pinning a node of one must not move the other at all.
    let mut edges: Vec<LayoutEdge> = (0..20).map(|i| edge(i, (i + 1) % 20)).collect();
    edges.extend((20..40).map(|i| edge(i, 20 + (i + 1 - 20) % 20)));
    let mut layout = settled_layout(40, &[5.0; 40], &edges);
    let before = layout.positions().to_vec();
    let spot = [before[3][0] + 200.0, before[3][1]];
    layout.pin(3, spot);
    layout.reheat_around(&[3]);
    layout.run(10_000);
    let after = layout.positions();
    assert!(
        (20..40).all(|i| after[i] == before[i]),
        "the other ring did not move"
    );
    assert!(
        (10..14).all(|i| after[i] == before[i]),
        "the far side of the ring stayed"
    );
    assert!(
        after[4] != before[4] && after[2] != before[2],
        "the neighbours followed"
    );
}

#[test]
fn a_few_new_nodes_join_a_resting_map_without_moving_it() {
    let edges: Vec<LayoutEdge> = (0..40).map(|i| edge(i, (i + 1) % 40)).collect();
    let mut layout = settled_layout(40, &[5.0; 40], &edges);
    let before = layout.positions().to_vec();
    // Two new nodes hanging off node 0.
    let mut more = edges.clone();
    more.extend([edge(0, 40), edge(40, 41)]);
    layout.set_graph(&keys(42), &[5.0; 42], &more);
    layout.run(10_000);
    let after = layout.positions();
    let moved: Vec<usize> = (0..40).filter(|&i| after[i] != before[i]).collect();
    assert!(moved.is_empty(), "moved: {moved:?}");
    assert!(distance(after[40], after[0]) < 3.0 * layout.config().ideal_edge_length);
}

#[test]
fn pinned_node_stays_exactly_where_pinned_and_neighbours_follow() {
    let mut layout = settled_layout(30, &[5.0; 30], &hub_graph(30));
    let spot = [1234.5, -678.25];
    let neighbour = hub_graph(30)
        .iter()
        .find(|e| e.source == 7)
        .map(|e| e.target)
        .unwrap();
    let before = distance(layout.positions()[neighbour], spot);
    layout.pin(7, spot);
    assert_eq!(layout.positions()[7], spot);
    layout.reheat();
    layout.run(10_000);
    assert!(layout.is_pinned(7));
    assert_eq!(layout.positions()[7], spot);
    assert!(distance(layout.positions()[neighbour], spot) < before);

    layout.unpin(7);
    assert!(!layout.is_pinned(7));
    layout.reheat();
    layout.run(10_000);
    assert_ne!(layout.positions()[7], spot);
}

#[test]
fn set_graph_keeps_positions_of_surviving_keys() {
    let mut layout = settled_layout(20, &[5.0; 20], &hub_graph(20));
    let old_keys = keys(20);
    layout.pin(10, [50.0, 50.0]);
    let old = layout.positions().to_vec();
    // Reverse the order, drop some nodes and add some.
    let new_keys: Vec<String> = old_keys[5..]
        .iter()
        .rev()
        .cloned()
        .chain(["new-a".into(), "new-b".into()])
        .collect();
    let edges: Vec<LayoutEdge> = (0..new_keys.len() - 1).map(|i| edge(i, i + 1)).collect();
    layout.set_graph(&new_keys, &[5.0; 17], &edges);
    for (i, key) in new_keys.iter().enumerate().take(15) {
        let old_index = old_keys.iter().position(|k| k == key).unwrap();
        assert_eq!(layout.positions()[i], old[old_index], "{key} moved");
    }
    // actor-10 is now at index 9 and still pinned; nobody else is.
    assert!(layout.is_pinned(9));
    assert_eq!((0..17).filter(|&i| layout.is_pinned(i)).count(), 1);
    assert!(!layout.is_settled());
}

#[test]
fn new_node_is_placed_near_its_placed_neighbour() {
    let mut layout = settled_layout(20, &[5.0; 20], &hub_graph(20));
    let anchor = layout.positions()[11];
    let mut with_new = keys(20);
    with_new.extend(["fresh".to_string(), "fresher".to_string()]);
    let mut edges = hub_graph(20);
    edges.extend([edge(20, 11), edge(21, 20)]);
    layout.set_graph(&with_new, &[5.0; 22], &edges);
    let length = layout.config().ideal_edge_length;
    assert!(distance(layout.positions()[20], anchor) <= length);
    assert!(distance(layout.positions()[21], anchor) <= 2.0 * length);
    // Few new nodes: a gentle reheat rather than a full restart.
    assert!(layout.alpha() < 0.5);
}

#[test]
fn no_two_nodes_overlap_after_settling_on_a_small_graph() {
    let sizes: Vec<f32> = (0..20).map(|i| [4.0, 8.0, 15.0, 30.0][i % 4]).collect();
    let mut edges = hub_graph(20);
    edges.extend((1..20).map(|i| edge(0, i)));
    let layout = settled_layout(20, &sizes, &edges);
    let p = layout.positions();
    for i in 0..20 {
        for j in i + 1..20 {
            let d = distance(p[i], p[j]);
            assert!(d >= sizes[i] + sizes[j], "nodes {i} and {j} overlap: {d}");
        }
    }
}

#[test]
fn disconnected_components_stay_near_each_other() {
    let mut edges = hub_graph(20);
    edges.extend(
        hub_graph(20)
            .iter()
            .map(|e| edge(e.source + 20, e.target + 20)),
    );
    let layout = settled_layout(42, &[5.0; 42], &edges);
    let (min, max) = layout.bounds().unwrap();
    let extent = (max[0] - min[0]).max(max[1] - min[1]);
    assert!(
        extent < 20.0 * layout.config().ideal_edge_length,
        "extent {extent}"
    );
}

#[test]
fn same_input_gives_bit_identical_positions() {
    let run = || {
        let mut layout = ForceLayout::new(LayoutConfig::default());
        layout.set_graph(&keys(300), &[3.0; 300], &hub_graph(300));
        layout.run(10_000);
        layout
            .positions()
            .iter()
            .flatten()
            .map(|c| c.to_bits())
            .collect::<Vec<_>>()
    };
    assert_eq!(run(), run());
}

#[test]
fn positions_are_the_same_on_one_thread_and_on_two() {
    // Big enough for the quadtree to share its walks out over threads.
    let run = |threads: usize| {
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .build()
            .unwrap();
        pool.install(|| {
            let mut layout = ForceLayout::new(LayoutConfig::default());
            layout.set_graph(&keys(6000), &[3.0; 6000], &hub_graph(6000));
            layout.run(20);
            layout
                .positions()
                .iter()
                .flatten()
                .map(|c| c.to_bits())
                .collect::<Vec<_>>()
        })
    };
    assert_eq!(run(1), run(2));
}

#[test]
fn coincident_nodes_separate_without_nan() {
    let mut layout = ForceLayout::new(LayoutConfig::default());
    layout.set_graph(&keys(50), &[2.0; 50], &[edge(0, 1), edge(1, 2)]);
    for i in 0..50 {
        layout.pin(i, [10.0, 10.0]);
    }
    for i in 0..50 {
        layout.unpin(i);
    }
    layout.reheat();
    layout.run(10_000);
    assert!(all_finite(&layout));
    let p = layout.positions();
    for i in 0..50 {
        for j in i + 1..50 {
            assert!(
                distance(p[i], p[j]) > 1.0,
                "nodes {i} and {j} still together"
            );
        }
    }
}

#[test]
fn degenerate_graphs_never_panic_or_produce_nan() {
    let mut layout = ForceLayout::new(LayoutConfig::default());
    assert!(!layout.step());
    assert_eq!(layout.run(10), 0);
    assert_eq!(layout.bounds(), None);
    assert_eq!(layout.node_count(), 0);
    layout.pin(3, [1.0, 1.0]);
    layout.unpin(3);
    assert!(!layout.is_pinned(3));
    layout.reheat();
    assert!(layout.is_settled());

    layout.set_graph(&keys(1), &[1.0], &[edge(0, 0)]);
    layout.run(1000);
    assert!(layout.is_settled());
    assert!(all_finite(&layout));

    let edges = [
        edge(0, 0),
        edge(0, 1),
        edge(0, 1),
        edge(1, 0),
        edge(2, 99),
        edge(usize::MAX, 1),
        LayoutEdge {
            source: 1,
            target: 2,
            weight: f32::NAN,
        },
        LayoutEdge {
            source: 1,
            target: 3,
            weight: f32::INFINITY,
        },
        LayoutEdge {
            source: 2,
            target: 3,
            weight: -1.0,
        },
        LayoutEdge {
            source: 3,
            target: 4,
            weight: 1e30,
        },
    ];
    let sizes = [f32::NAN, f32::INFINITY, -5.0, 1e30, 0.0];
    // Duplicate keys, and sizes shorter than keys.
    let mut names = keys(5);
    names.extend(["actor-1".to_string(), "actor-1".to_string()]);
    layout.set_graph(&names, &sizes, &edges);
    layout.run(10_000);
    assert!(layout.is_settled());
    assert!(all_finite(&layout));
    let (min, max) = layout.bounds().unwrap();
    assert!(min.iter().chain(&max).all(|c| c.is_finite()));
}

#[test]
fn nonsense_settings_are_tamed() {
    let config = LayoutConfig {
        ideal_edge_length: f32::INFINITY,
        repulsion: f32::NAN,
        gravity: -3.0,
        collision_padding: f32::NEG_INFINITY,
        collision_strength: 7.0,
        velocity_decay: f32::NAN,
        alpha_decay: 0.0,
        alpha_min: 0.0,
        reheat_alpha: 2.0,
        theta: 50.0,
        settle_threshold: f32::NAN,
    };
    let mut layout = ForceLayout::new(config);
    layout.set_graph(&keys(100), &[1e7; 100], &hub_graph(100));
    let ticks = layout.run(1_000_000);
    assert!(layout.is_settled(), "did not settle in {ticks} ticks");
    assert!(all_finite(&layout));
}

#[test]
fn unchanged_graph_settles_again_quickly_without_drifting() {
    let edges = hub_graph(60);
    let mut layout = settled_layout(60, &[5.0; 60], &edges);
    let before = layout.positions().to_vec();
    layout.set_graph(&keys(60), &[5.0; 60], &edges);
    let ticks = layout.run(10_000);
    let length = layout.config().ideal_edge_length;
    let drift = before
        .iter()
        .zip(layout.positions())
        .map(|(a, b)| distance(*a, *b))
        .fold(0.0, f32::max);
    assert!(ticks < 150, "took {ticks} ticks");
    assert!(drift < length, "drifted {drift}");
}

#[test]
fn bounds_cover_every_node_disc() {
    let sizes: Vec<f32> = (0..10).map(|i| i as f32).collect();
    let layout = settled_layout(10, &sizes, &hub_graph(10));
    let (min, max) = layout.bounds().unwrap();
    for (p, r) in layout.positions().iter().zip(&sizes) {
        assert!(
            p[0] - r >= min[0] && p[1] - r >= min[1] && p[0] + r <= max[0] && p[1] + r <= max[1]
        );
    }
}
