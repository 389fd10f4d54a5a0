//! `actormap bench-layout`: the time of one layout tick on a graph read from an edge list, measured the
//! way `../shared/bench` measures the peer layouts (warm-up ticks left out, then the median of timed ones),
//! so the figures can be set side by side.

use std::time::Instant;

use super::{ForceLayout, LayoutConfig, LayoutEdge};

/// A graph read from an edge list: `# nodes N edges M`, then one `src dst` pair of node numbers per line.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeList {
    pub nodes: usize,
    pub edges: Vec<LayoutEdge>,
}

/// Reads an edge list. Node numbers must be below N when the header gives N; without a header N is one
/// more than the largest number seen. Blank lines and other `#` lines are skipped.
pub fn read_edge_list(text: &str) -> Result<EdgeList, String> {
    let mut declared = None;
    let mut edges = Vec::new();
    let mut largest = None;
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(comment) = line.strip_prefix('#') {
            let words: Vec<&str> = comment.split_whitespace().collect();
            if let ["nodes", count, ..] = words.as_slice() {
                declared = Some(
                    count
                        .parse::<usize>()
                        .map_err(|_| format!("line {}: \"{count}\" is not a node count", n + 1))?,
                );
            }
            continue;
        }
        if line.is_empty() {
            continue;
        }
        let mut ends = line.split_whitespace().map(|w| w.parse::<usize>());
        let (Some(Ok(source)), Some(Ok(target))) = (ends.next(), ends.next()) else {
            return Err(format!(
                "line {}: expected two node numbers, found \"{line}\"",
                n + 1
            ));
        };
        largest = largest.max(Some(source.max(target)));
        edges.push(LayoutEdge {
            source,
            target,
            weight: 1.0,
        });
    }
    let nodes = match (declared, largest) {
        (Some(n), Some(l)) if l >= n => {
            return Err(format!(
                "node {l} is listed, but the header says there are {n} nodes (0 to {})",
                n.saturating_sub(1)
            ));
        }
        (Some(n), _) => n,
        (None, l) => l.map_or(0, |l| l + 1),
    };
    Ok(EdgeList { nodes, edges })
}

/// What `time_ticks` measured, in milliseconds per tick.
#[derive(Debug, Clone, PartialEq)]
pub struct TickTimes {
    pub setup_ms: f64,
    pub first_ms: f64,
    /// The timed ticks, sorted.
    pub sorted_ms: Vec<f64>,
}

impl TickTimes {
    /// The value below which `q` (0–1) of the timed ticks lie (nearest rank).
    pub fn quantile(&self, q: f64) -> f64 {
        if self.sorted_ms.is_empty() {
            return 0.0;
        }
        let i = ((self.sorted_ms.len() - 1) as f64 * q).round() as usize;
        self.sorted_ms[i]
    }
}

/// Lays the graph out as the app does (every node the radius of an actor named once) and times `warmup`
/// ticks, left out, then `iterations` ticks. A layout that comes to rest is reheated, so every timed tick
/// does a full tick's work.
pub fn time_ticks(graph: &EdgeList, warmup: usize, iterations: usize) -> TickTimes {
    let started = Instant::now();
    let keys: Vec<String> = (0..graph.nodes).map(|i| i.to_string()).collect();
    let sizes = vec![4.0f32; graph.nodes];
    let mut layout = ForceLayout::new(LayoutConfig::default());
    layout.set_graph(&keys, &sizes, &graph.edges);
    let setup_ms = started.elapsed().as_secs_f64() * 1e3;
    let mut tick = || {
        if layout.is_settled() {
            layout.reheat();
        }
        let t = Instant::now();
        layout.step();
        t.elapsed().as_secs_f64() * 1e3
    };
    let mut first_ms = 0.0;
    for i in 0..warmup {
        let ms = tick();
        if i == 0 {
            first_ms = ms;
        }
    }
    let mut sorted_ms: Vec<f64> = (0..iterations).map(|_| tick()).collect();
    if warmup == 0 {
        first_ms = sorted_ms.first().copied().unwrap_or(0.0);
    }
    sorted_ms.sort_by(f64::total_cmp);
    TickTimes {
        setup_ms,
        first_ms,
        sorted_ms,
    }
}

/// How far the nodes already on a map move when it grows: the graph's first `1 - new_share` of the nodes
/// (with the edges among them) is laid out to rest, then the rest are added and the layout runs to rest
/// again. Returns (median, 90th percentile) of the old nodes' displacement, in node radii, and the share of
/// old nodes that moved at all.
pub fn displacement_after_growth(
    graph: &EdgeList,
    new_share: f64,
    max_ticks: usize,
) -> (f64, f64, f64) {
    let radius = 4.0f32;
    let old = ((graph.nodes as f64) * (1.0 - new_share)).round() as usize;
    let keys: Vec<String> = (0..graph.nodes).map(|i| i.to_string()).collect();
    let old_edges: Vec<LayoutEdge> = graph
        .edges
        .iter()
        .copied()
        .filter(|e| e.source < old && e.target < old)
        .collect();
    let mut layout = ForceLayout::new(LayoutConfig::default());
    layout.set_graph(&keys[..old], &vec![radius; old], &old_edges);
    layout.run(max_ticks);
    let before = layout.positions().to_vec();
    layout.set_graph(&keys, &vec![radius; graph.nodes], &graph.edges);
    layout.run(max_ticks);
    let after = layout.positions();
    let mut moved: Vec<f64> = (0..old)
        .map(|i| {
            (((after[i][0] - before[i][0]).powi(2) + (after[i][1] - before[i][1]).powi(2)).sqrt()
                / radius) as f64
        })
        .collect();
    let share_moved = moved.iter().filter(|d| **d > 0.0).count() as f64 / old.max(1) as f64;
    moved.sort_by(f64::total_cmp);
    let at = |q: f64| {
        moved
            .get(((moved.len().saturating_sub(1)) as f64 * q).round() as usize)
            .copied()
            .unwrap_or(0.0)
    };
    (at(0.5), at(0.9), share_moved)
}

/// Normalised stress of a drawing (lower is better): for the pairs (r, v) with `r` one of `sources` roots
/// spread evenly over the nodes and `v` reachable from it, how far the drawn distance, at the one scale that
/// fits best, is from the graph distance d, as the mean of ((scale·drawn − d) / d)². The usual figure for
/// how faithfully a layout shows a graph's distances; 0 is perfect.
pub fn stress(graph: &EdgeList, positions: &[[f32; 2]], sources: usize) -> f64 {
    let n = graph.nodes.min(positions.len());
    if n < 2 {
        return 0.0;
    }
    let mut neighbours: Vec<Vec<usize>> = vec![Vec::new(); n];
    for e in graph
        .edges
        .iter()
        .filter(|e| e.source < n && e.target < n && e.source != e.target)
    {
        neighbours[e.source].push(e.target);
        neighbours[e.target].push(e.source);
    }
    let step = (n / sources.clamp(1, n)).max(1);
    let mut pairs: Vec<(f64, f64)> = Vec::new();
    let mut depth = vec![usize::MAX; n];
    for root in (0..n).step_by(step) {
        depth.fill(usize::MAX);
        depth[root] = 0;
        let mut queue = std::collections::VecDeque::from([root]);
        while let Some(u) = queue.pop_front() {
            for &v in &neighbours[u] {
                if depth[v] == usize::MAX {
                    depth[v] = depth[u] + 1;
                    queue.push_back(v);
                    let (a, b) = (positions[root], positions[v]);
                    let drawn = (((a[0] - b[0]).powi(2) + (a[1] - b[1]).powi(2)) as f64).sqrt();
                    pairs.push((drawn, depth[v] as f64));
                }
            }
        }
    }
    if pairs.is_empty() {
        return 0.0;
    }
    // The scale s minimising sum ((s e - d) / d)^2 is sum(e / d) / sum(e^2 / d^2).
    let (num, den) = pairs.iter().fold((0.0, 0.0), |(a, b), (e, d)| {
        (a + e / d, b + e * e / (d * d))
    });
    let scale = if den > 0.0 { num / den } else { 0.0 };
    pairs
        .iter()
        .map(|(e, d)| ((scale * e - d) / d).powi(2))
        .sum::<f64>()
        / pairs.len() as f64
}

/// Lays the graph out from its start for `millis` milliseconds (or until it rests) and returns the
/// positions and the ticks run: the layout a user sees after that long.
pub fn layout_for(graph: &EdgeList, millis: f64) -> (Vec<[f32; 2]>, usize) {
    let keys: Vec<String> = (0..graph.nodes).map(|i| i.to_string()).collect();
    let mut layout = ForceLayout::new(LayoutConfig::default());
    layout.set_graph(&keys, &vec![4.0f32; graph.nodes], &graph.edges);
    let started = Instant::now();
    let mut ticks = 0;
    while !layout.is_settled() && started.elapsed().as_secs_f64() * 1e3 < millis {
        layout.step();
        ticks += 1;
    }
    (layout.positions().to_vec(), ticks)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_edge_list_with_its_header_is_read_and_a_bad_line_named() {
        let g = read_edge_list("# nodes 4 edges 2\n0 1\n2 3\n").unwrap();
        assert_eq!((g.nodes, g.edges.len(), g.edges[1].target), (4, 2, 3));
        assert_eq!(read_edge_list("0 5\n").unwrap().nodes, 6);
        assert!(
            read_edge_list("# nodes 3\n0 3\n")
                .unwrap_err()
                .contains("node 3")
        );
        assert!(read_edge_list("0 x\n").unwrap_err().contains("line 1"));
    }

    #[test]
    fn growth_by_a_tenth_leaves_most_old_nodes_where_they_were() {
        // A long chain: the new tenth hangs off its end.
        let text: String = (0..199).map(|i| format!("{i} {}\n", i + 1)).collect();
        let g = read_edge_list(&text).unwrap();
        let (median, _, share) = displacement_after_growth(&g, 0.1, 3000);
        assert_eq!(median, 0.0);
        assert!(share < 0.1, "{share} of the old nodes moved");
    }

    #[test]
    fn a_faithful_drawing_has_less_stress_than_a_scrambled_one() {
        // A path of 30 nodes drawn on a line is perfect; the same nodes scrambled are not.
        let text: String = (0..29).map(|i| format!("{i} {}\n", i + 1)).collect();
        let g = read_edge_list(&text).unwrap();
        let line: Vec<[f32; 2]> = (0..30).map(|i| [i as f32 * 7.0, 0.0]).collect();
        let scrambled: Vec<[f32; 2]> = (0..30)
            .map(|i| [((i * 17) % 30) as f32 * 7.0, ((i * 7) % 5) as f32])
            .collect();
        assert!(stress(&g, &line, 30) < 1e-9);
        assert!(stress(&g, &scrambled, 30) > 0.1);
        let (laid_out, ticks) = layout_for(&g, 10_000.0);
        assert!(ticks > 0 && stress(&g, &laid_out, 30) < stress(&g, &scrambled, 30));
    }

    #[test]
    fn every_timed_tick_is_counted_and_sorted() {
        let g = read_edge_list("# nodes 50\n0 1\n1 2\n2 3\n3 0\n").unwrap();
        let t = time_ticks(&g, 2, 30);
        assert_eq!(t.sorted_ms.len(), 30);
        assert!(t.sorted_ms.windows(2).all(|w| w[0] <= w[1]));
        assert!(t.quantile(0.5) <= t.quantile(0.9));
    }
}
