//! From arc scores to a tree: each word takes its best-scoring head; when that does not make one tree
//! with a single root word, the best tree is found by the Chu–Liu–Edmonds algorithm with the root word
//! fixed to the one that loses least by taking the root.

/// The heads (0 the root, words from 1) of a sentence of `n` words whose arc scores are `scores`: `n`
/// rows of `n + 1`, column 0 the root.
pub fn tree(n: usize, scores: &[f32]) -> Vec<u32> {
    let m = n + 1;
    // The best head from column `from` on (the first of equals); a word's own column is never best.
    let best = |i: usize, from: usize| {
        let row = &scores[i * m..(i + 1) * m];
        let mut b = None;
        for j in from..m {
            if j != i + 1 && b.is_none_or(|k: usize| row[j] > row[k]) {
                b = Some(j);
            }
        }
        b
    };
    let greedy: Vec<usize> = (0..n).map(|i| best(i, 0).unwrap_or(0)).collect();
    let roots = greedy.iter().filter(|&&h| h == 0).count();
    let mut full = vec![0usize; m];
    full[1..].copy_from_slice(&greedy);
    if roots == 1 && find_cycles(&full).is_empty() {
        return greedy.iter().map(|&h| h as u32).collect();
    }
    // The root word: the one whose root score is least below its best other head.
    let root_word = (0..n)
        .max_by(|&a, &b| {
            let loss = |i: usize| {
                scores[i * m] - best(i, 1).map_or(f32::NEG_INFINITY, |j| scores[i * m + j])
            };
            loss(a).total_cmp(&loss(b)).then(b.cmp(&a))
        })
        .expect("a sentence has a word");
    // score[d * m + h]: h heads d; nodes 0..m, 0 the root.
    let mut score = vec![f32::NEG_INFINITY; m * m];
    for d in 1..m {
        for h in 0..m {
            if h != d && (h != 0 || d == root_word + 1) {
                score[d * m + h] = scores[(d - 1) * m + h];
            }
        }
    }
    chu_liu_edmonds(m, &score)[1..]
        .iter()
        .map(|&h| h as u32)
        .collect()
}

/// Every cycle among `head` (node 0 has none), each as its nodes. In a graph where each node has one
/// head the cycles are disjoint.
fn find_cycles(head: &[usize]) -> Vec<Vec<usize>> {
    let m = head.len();
    // 0: not seen; k + 1: seen on the walk from node k.
    let mut mark = vec![0usize; m];
    let mut cycles = Vec::new();
    for start in 1..m {
        let mut v = start;
        while v != 0 && mark[v] == 0 {
            mark[v] = start + 1;
            v = head[v];
        }
        if v != 0 && mark[v] == start + 1 {
            let mut cycle = vec![v];
            let mut u = head[v];
            while u != v {
                cycle.push(u);
                u = head[u];
            }
            cycles.push(cycle);
        }
    }
    cycles
}

/// The best tree rooted at node 0 over `m` nodes; `score[d * m + h]` is the score of h heading d.
///
/// Every cycle of the best heads is contracted in the same step (they are disjoint), so a sentence whose
/// best heads make many small cycles (a long run of repeated words) takes a few steps, not one per cycle:
/// each step costs `m²`.
fn chu_liu_edmonds(m: usize, score: &[f32]) -> Vec<usize> {
    let mut head = vec![0usize; m];
    for (d, h) in head.iter_mut().enumerate().skip(1) {
        *h = (0..m)
            .filter(|&x| x != d)
            .max_by(|&a, &b| {
                score[d * m + a]
                    .total_cmp(&score[d * m + b])
                    .then(b.cmp(&a))
            })
            .unwrap_or(0);
    }
    let cycles = find_cycles(&head);
    if cycles.is_empty() {
        return head;
    }
    let mut in_cycle = vec![false; m];
    for &v in cycles.iter().flatten() {
        in_cycle[v] = true;
    }
    // New node ids: the nodes on no cycle first (the root stays 0), then one node per cycle.
    let mut id = vec![0usize; m];
    let mut k = 0;
    for v in 0..m {
        if !in_cycle[v] {
            id[v] = k;
            k += 1;
        }
    }
    for (c, cycle) in cycles.iter().enumerate() {
        for &v in cycle {
            id[v] = k + c;
        }
    }
    let m2 = k + cycles.len();
    let mut s2 = vec![f32::NEG_INFINITY; m2 * m2];
    let mut origin = vec![(0usize, 0usize); m2 * m2];
    for d in 1..m {
        for h in 0..m {
            let (d2, h2) = (id[d], id[h]);
            if d == h || d2 == h2 || score[d * m + h] == f32::NEG_INFINITY {
                continue;
            }
            // An arc into a cycle breaks the cycle's arc into the same node.
            let s = if in_cycle[d] {
                score[d * m + h] - score[d * m + head[d]]
            } else {
                score[d * m + h]
            };
            if s > s2[d2 * m2 + h2] {
                s2[d2 * m2 + h2] = s;
                origin[d2 * m2 + h2] = (d, h);
            }
        }
    }
    let head2 = chu_liu_edmonds(m2, &s2);
    let mut out = head;
    for d2 in 1..m2 {
        let (d, h) = origin[d2 * m2 + head2[d2]];
        out[d] = h;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scores_from(n: usize, arcs: &[(usize, usize, f32)]) -> Vec<f32> {
        let mut s = vec![0f32; n * (n + 1)];
        for &(d, h, v) in arcs {
            s[(d - 1) * (n + 1) + h] = v;
        }
        s
    }

    fn is_tree(heads: &[u32]) -> bool {
        let full: Vec<usize> = std::iter::once(0)
            .chain(heads.iter().map(|&h| h as usize))
            .collect();
        heads.iter().filter(|&&h| h == 0).count() == 1 && find_cycles(&full).is_empty()
    }

    #[test]
    fn the_best_heads_are_kept_when_they_make_a_tree() {
        let s = scores_from(3, &[(1, 2, 5.0), (2, 0, 5.0), (3, 2, 5.0)]);
        assert_eq!(tree(3, &s), [2, 0, 2]);
    }

    #[test]
    fn a_cycle_is_broken_where_it_costs_least() {
        // 1 and 2 prefer each other; 2 is the better root.
        let s = scores_from(
            3,
            &[
                (1, 2, 9.0),
                (2, 1, 9.0),
                (2, 0, 8.0),
                (1, 0, 1.0),
                (3, 2, 5.0),
            ],
        );
        let t = tree(3, &s);
        assert_eq!(t, [2, 0, 2]);
    }

    #[test]
    fn two_roots_become_one() {
        let s = scores_from(
            3,
            &[
                (1, 0, 9.0),
                (2, 0, 9.5),
                (3, 0, 2.0),
                (1, 2, 3.0),
                (3, 2, 1.0),
            ],
        );
        let t = tree(3, &s);
        assert!(is_tree(&t), "{t:?}");
        assert_eq!(t, [2, 0, 2]);
    }

    /// The score of the best tree rooted at node 0, by trying every choice of heads.
    fn best_by_brute_force(m: usize, score: &[f32]) -> f32 {
        let mut best = f32::NEG_INFINITY;
        let mut head = vec![0usize; m];
        let total = m.pow(m as u32 - 1);
        for code in 0..total {
            let mut c = code;
            for h in head.iter_mut().skip(1) {
                *h = c % m;
                c /= m;
            }
            if (1..m).any(|d| head[d] == d) || !find_cycles(&head).is_empty() {
                continue;
            }
            let s: f32 = (1..m).map(|d| score[d * m + head[d]]).sum();
            best = best.max(s);
        }
        best
    }

    #[test]
    fn contracting_every_cycle_at_once_still_finds_the_best_tree() {
        let mut rng = super::super::Rng(11);
        for m in 2..7 {
            for _ in 0..30 {
                // Small integer scores make ties and cycles common.
                let score: Vec<f32> = (0..m * m)
                    .map(|_| (rng.unit() * 4.0).floor() as f32)
                    .collect();
                let head = chu_liu_edmonds(m, &score);
                assert!(find_cycles(&head).is_empty() && (1..m).all(|d| head[d] != d));
                let got: f32 = (1..m).map(|d| score[d * m + head[d]]).sum();
                assert_eq!(got, best_by_brute_force(m, &score), "m = {m}: {head:?}");
            }
        }
    }

    #[test]
    fn every_score_matrix_gives_a_tree() {
        let mut rng = super::super::Rng(5);
        for n in 1..12 {
            for _ in 0..20 {
                let s: Vec<f32> = (0..n * (n + 1)).map(|_| rng.unit() as f32 * 10.0).collect();
                assert!(is_tree(&tree(n, &s)), "n = {n}");
            }
        }
    }
}
