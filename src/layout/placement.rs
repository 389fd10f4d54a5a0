//! Where nodes that join a layout start: beside the neighbours already placed, wave by wave, or on a
//! golden-angle spiral when nothing places them. Deterministic: the same graph gives the same start.

/// The golden angle, which spreads successive directions evenly around a circle.
const GOLDEN_ANGLE: f32 = 2.399_963_2;

/// Give every node not yet `placed` a position. Nodes next to placed ones go, wave by wave, to the
/// mean of their placed neighbours plus a short step in a direction set by their index; nodes no
/// wave reaches go on a golden-angle spiral around the origin, d3's start, dense enough to converge
/// quickly.
pub(super) fn place_new_nodes(
    positions: &mut [[f32; 2]],
    mut placed: Vec<bool>,
    edges: &[(usize, usize)],
    length: f32,
) {
    let count = positions.len();
    // Neighbour lists in compressed form: the neighbours of i are neighbours[offsets[i]..offsets[i
    // + 1]].
    let mut offsets = vec![0usize; count + 1];
    for &(source, target) in edges {
        offsets[source + 1] += 1;
        offsets[target + 1] += 1;
    }
    for i in 0..count {
        offsets[i + 1] += offsets[i];
    }
    let mut fill = offsets.clone();
    let mut neighbours = vec![0usize; offsets[count]];
    for &(source, target) in edges {
        neighbours[fill[source]] = target;
        fill[source] += 1;
        neighbours[fill[target]] = source;
        fill[target] += 1;
    }
    let around = |i: usize| &neighbours[offsets[i]..offsets[i + 1]];
    let direction = |i: usize| {
        let angle = i as f32 * GOLDEN_ANGLE;
        [angle.cos(), angle.sin()]
    };

    let mut queued = placed.clone();
    let mut wave: Vec<usize> = (0..count).filter(|&i| placed[i]).collect();
    while !wave.is_empty() {
        let mut next = Vec::new();
        for &i in &wave {
            for &j in around(i) {
                if !queued[j] {
                    queued[j] = true;
                    next.push(j);
                }
            }
        }
        for &i in &next {
            let (mut sum, mut found) = ([0.0f32; 2], 0.0f32);
            for &j in around(i) {
                if placed[j] {
                    sum = [sum[0] + positions[j][0], sum[1] + positions[j][1]];
                    found += 1.0;
                }
            }
            let step = direction(i).map(|c| c * length * 0.5);
            positions[i] = [sum[0] / found + step[0], sum[1] / found + step[1]];
        }
        for &i in &next {
            placed[i] = true;
        }
        wave = next;
    }

    for i in (0..count).filter(|&i| !placed[i]) {
        let radius = length * 0.35 * (0.5 + i as f32).sqrt();
        positions[i] = direction(i).map(|c| c * radius);
    }
}
