//! Training's half of the network: the loss of a batch against its gold annotation (cross-entropy of the
//! tags, of each word's head among all the words and the root, and of the relation to the gold head), and
//! its gradient with respect to every weight, by hand-written backpropagation through `network::Pass`.

use super::linalg::{self, gemm, transpose};
use super::network::{
    BUCKETS, Network, Pass, arc_scores, bucket, label_features, label_scores, window,
};

/// The gold annotation of a batch's words, one after another as in the pass.
pub struct Gold<'a> {
    pub tags: &'a [u8],
    /// In the sentence, from 1; 0 the root.
    pub heads: &'a [u32],
    pub labels: &'a [u16],
}

/// Summed losses and how many words they cover.
#[derive(Debug, Clone, Copy, Default)]
pub struct Losses {
    pub tags: f64,
    pub arcs: f64,
    pub labels: f64,
    pub words: usize,
}

impl Losses {
    pub fn add(&mut self, o: &Losses) {
        self.tags += o.tags;
        self.arcs += o.arcs;
        self.labels += o.labels;
        self.words += o.words;
    }
}

/// The gradient of a batch's loss (times `scale`): of the weights (laid out as `net.params`) and of each
/// word's embedding (words × `emb`, to be spread over its rows).
pub struct Gradient {
    pub params: Vec<f32>,
    pub embeddings: Vec<f32>,
    pub losses: Losses,
}

/// Cross-entropy of `scores` against `gold`: turns `scores` into the gradient (p - 1 at gold) and returns
/// the loss.
fn cross_entropy(scores: &mut [f32], gold: usize, scale: f32) -> f64 {
    linalg::softmax(scores);
    let loss = -(scores[gold].max(1e-30) as f64).ln();
    scores[gold] -= 1.0;
    for s in scores.iter_mut() {
        *s *= scale;
    }
    loss
}

pub fn backward(net: &Network, pass: &Pass, gold: &Gold, scale: f32) -> Gradient {
    let d = net.dims;
    let ly = &net.layout;
    let (h, n, p, a, l, nl) = (
        d.hidden,
        pass.rows.len(),
        d.proj(),
        d.arc,
        d.label,
        d.labels,
    );
    let mut grad = vec![0f32; ly.len];
    let mut losses = Losses {
        words: n,
        ..Losses::default()
    };
    let mut dproj = vec![0f32; n * p];

    // Tags.
    let mut scores = vec![0f32; d.tags.max(nl)];
    for w in 0..n {
        let s = &mut scores[..d.tags];
        s.copy_from_slice(pass.col(&d, w, 0, d.tags));
        losses.tags += cross_entropy(s, gold.tags[w] as usize, scale);
        dproj[w * p..w * p + d.tags].copy_from_slice(s);
    }

    // Arcs, sentence by sentence.
    let (mut g, mut arcs) = (Vec::new(), Vec::new());
    for s in &pass.sentences {
        let (first, m) = (s.start, s.len());
        arc_scores(net, pass, s.clone(), &mut g, &mut arcs);
        let mut dg = vec![0f32; (m + 1) * (a + 1)];
        for i in 0..m {
            let row = &mut arcs[i * (m + 1)..(i + 1) * (m + 1)];
            losses.arcs += cross_entropy(row, gold.heads[first + i] as usize, scale);
            let dep = pass.col(&d, first + i, d.tags, a);
            for (j, &ds) in row.iter().enumerate() {
                if ds == 0.0 {
                    continue;
                }
                grad[ly.arc_dist + bucket(i + 1, j)] += ds;
                let gj = &g[j * (a + 1)..(j + 1) * (a + 1)];
                let ddep = &mut dproj[(first + i) * p + d.tags..(first + i) * p + d.tags + a];
                for k in 0..a {
                    ddep[k] += ds * gj[k];
                }
                let dgj = &mut dg[j * (a + 1)..(j + 1) * (a + 1)];
                for k in 0..a {
                    dgj[k] += ds * dep[k];
                }
                dgj[a] += ds;
            }
        }
        // g = heads · M: dM += headsᵀ·dg, dheads = dg·Mᵀ.
        let mut heads = Vec::with_capacity((m + 1) * a);
        heads.extend_from_slice(&net.params[ly.root_arc..ly.root_arc + a]);
        for w in s.clone() {
            heads.extend_from_slice(pass.col(&d, w, d.tags + a, a));
        }
        gemm(
            a,
            m + 1,
            a + 1,
            &transpose(m + 1, a, &heads),
            &dg,
            &mut grad[ly.arc_m..ly.arc_m + a * (a + 1)],
        );
        let mut dheads = vec![0f32; (m + 1) * a];
        gemm(
            m + 1,
            a + 1,
            a,
            &dg,
            &transpose(a, a + 1, &net.params[ly.arc_m..ly.arc_m + a * (a + 1)]),
            &mut dheads,
        );
        for k in 0..a {
            grad[ly.root_arc + k] += dheads[k];
        }
        for i in 0..m {
            let dst = &mut dproj[(first + i) * p + d.tags + a..(first + i) * p + d.tags + 2 * a];
            for k in 0..a {
                dst[k] += dheads[(i + 1) * a + k];
            }
        }
    }

    // Relations, to the gold head.
    let mut feats = vec![0f32; n * 3 * l];
    let mut dlogits = vec![0f32; n * nl];
    for s in &pass.sentences {
        for i in 0..s.len() {
            let w = s.start + i;
            let head = gold.heads[w] as usize;
            label_features(
                net,
                pass,
                s.start,
                w,
                head,
                &mut feats[w * 3 * l..(w + 1) * 3 * l],
            );
            let sc = &mut scores[..nl];
            label_scores(net, &feats[w * 3 * l..(w + 1) * 3 * l], i + 1, head, sc);
            losses.labels += cross_entropy(sc, gold.labels[w] as usize, scale);
            dlogits[w * nl..(w + 1) * nl].copy_from_slice(sc);
            let b = bucket(i + 1, head);
            for k in 0..nl {
                grad[ly.label_b + k] += sc[k];
                grad[ly.label_dist + b * nl + k] += sc[k];
            }
        }
    }
    debug_assert!(ly.label_dist + BUCKETS * nl == ly.len);
    gemm(
        3 * l,
        n,
        nl,
        &transpose(n, 3 * l, &feats),
        &dlogits,
        &mut grad[ly.label_v..ly.label_v + 3 * l * nl],
    );
    let mut dfeats = vec![0f32; n * 3 * l];
    gemm(
        n,
        nl,
        3 * l,
        &dlogits,
        &transpose(3 * l, nl, &net.params[ly.label_v..ly.label_v + 3 * l * nl]),
        &mut dfeats,
    );
    for s in &pass.sentences {
        for i in 0..s.len() {
            let w = s.start + i;
            let head = gold.heads[w] as usize;
            let f = &feats[w * 3 * l..(w + 1) * 3 * l];
            let df = &dfeats[w * 3 * l..(w + 1) * 3 * l];
            let (ld, lh) = (&f[..l], &f[l..2 * l]);
            let dep_at = w * p + d.tags + 2 * a;
            for k in 0..l {
                dproj[dep_at + k] += df[k] + df[2 * l + k] * lh[k];
            }
            for k in 0..l {
                let dh = df[l + k] + df[2 * l + k] * ld[k];
                if head == 0 {
                    grad[ly.root_label + k] += dh;
                } else {
                    dproj[(s.start + head - 1) * p + d.tags + 2 * a + l + k] += dh;
                }
            }
        }
    }

    // The rectifier of the arc and relation vectors, then the projection.
    for (dr, r) in dproj.chunks_exact_mut(p).zip(pass.proj.chunks_exact(p)) {
        for k in d.tags..p {
            if r[k] <= 0.0 {
                dr[k] *= 0.1;
            }
        }
        for k in 0..p {
            grad[ly.proj_b + k] += dr[k];
        }
    }
    let top = &pass.x[d.layers];
    gemm(
        2 * h,
        n,
        p,
        &transpose(n, 2 * h, top),
        &dproj,
        &mut grad[ly.proj_w..ly.proj_w + 2 * h * p],
    );
    let mut dx = vec![0f32; n * 2 * h];
    gemm(
        n,
        p,
        2 * h,
        &dproj,
        &transpose(2 * h, p, &net.params[ly.proj_w..ly.proj_w + 2 * h * p]),
        &mut dx,
    );

    // The recurrent layers, top down.
    for layer in (0..d.layers).rev() {
        let m = &pass.masks[layer + 1];
        if !m.is_empty() {
            for (v, s) in dx.iter_mut().zip(m) {
                *v *= s;
            }
        }
        let (input, row) = (d.layer_in(layer), d.layer_row(layer));
        let mut dgates = vec![0f32; n * 6 * h];
        for s in &pass.sentences {
            scan_backward(
                &pass.gates[layer],
                &pass.cells[layer],
                &dx,
                h,
                s.clone(),
                &mut dgates,
            );
        }
        for r in dgates.chunks_exact(6 * h) {
            for (k, v) in r.iter().enumerate() {
                grad[ly.layer_b[layer] + k] += v;
            }
        }
        let w_at = ly.layer_w[layer];
        let windowed;
        let size = if layer == 0 { d.window } else { 1 };
        let x_in = if size == 1 {
            &pass.x[layer]
        } else {
            windowed = window(&pass.x[layer], input, size, &pass.sentences);
            &windowed
        };
        gemm(
            row,
            n,
            6 * h,
            &transpose(n, row, x_in),
            &dgates,
            &mut grad[w_at..w_at + row * 6 * h],
        );
        let mut dwin = vec![0f32; n * row];
        gemm(
            n,
            6 * h,
            row,
            &dgates,
            &transpose(row, 6 * h, &net.params[w_at..w_at + row * 6 * h]),
            &mut dwin,
        );
        let mut dinput = if layer > 0 {
            dx.clone()
        } else {
            vec![0f32; n * input]
        };
        // Each window slot's gradient goes back to the word it copied.
        let half = size / 2;
        for s in &pass.sentences {
            for t in s.clone() {
                for k in 0..size {
                    let Some(src) = (t + k).checked_sub(half).filter(|u| s.contains(u)) else {
                        continue;
                    };
                    let from = &dwin[(t * size + k) * input..(t * size + k + 1) * input];
                    for (a, b) in dinput[src * input..(src + 1) * input].iter_mut().zip(from) {
                        *a += b;
                    }
                }
            }
        }
        dx = dinput;
    }
    if !pass.masks[0].is_empty() {
        for (v, s) in dx.iter_mut().zip(&pass.masks[0]) {
            *v *= s;
        }
    }
    Gradient {
        params: grad,
        embeddings: dx,
        losses,
    }
}

/// Backpropagation through one sentence's recurrence, both directions: from the gradient of the layer's
/// output (`dout`, words × 2·hidden) to that of the gates before their functions (`dgates`).
fn scan_backward(
    gates: &[f32],
    cells: &[f32],
    dout: &[f32],
    h: usize,
    words: std::ops::Range<usize>,
    dgates: &mut [f32],
) {
    let mut dc = vec![0f32; h];
    for dir in 0..2 {
        dc.fill(0.0);
        // Backwards through the direction's own order; `prev` is the word it came from.
        let order: Vec<usize> = if dir == 0 {
            words.clone().rev().collect()
        } else {
            words.clone().collect()
        };
        for (k, &t) in order.iter().enumerate() {
            let prev = order.get(k + 1).copied();
            let at = t * 6 * h + dir * 3 * h;
            let (z, f, o) = (
                &gates[at..at + h],
                &gates[at + h..at + 2 * h],
                &gates[at + 2 * h..at + 3 * h],
            );
            let c = &cells[t * 2 * h + dir * h..t * 2 * h + (dir + 1) * h];
            let dh = &dout[t * 2 * h + dir * h..t * 2 * h + (dir + 1) * h];
            let dg = &mut dgates[at..at + 3 * h];
            for u in 0..h {
                let cprev = prev.map_or(0.0, |q| cells[q * 2 * h + dir * h + u]);
                let dcu = dc[u] + dh[u] * o[u];
                let df = dcu * (cprev - z[u]);
                let dz = dcu * (1.0 - f[u]);
                dg[u] = dz * (1.0 - z[u] * z[u]);
                dg[h + u] = df * f[u] * (1.0 - f[u]);
                dg[2 * h + u] = dh[u] * c[u] * o[u] * (1.0 - o[u]);
                dc[u] = dcu * f[u];
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::embed;
    use super::super::network::tests::tiny;
    use super::*;

    fn loss(net: &Network, rows: &[embed::WordRows], gold: &Gold) -> f64 {
        let pass = Pass::run(net, None, vec![0..3, 3..5], rows.to_vec(), None);
        let l = backward(net, &pass, gold, 1.0).losses;
        l.tags + l.arcs + l.labels
    }

    #[test]
    fn the_gradient_matches_finite_differences() {
        let mut net = Network::new(tiny(), 7);
        let mut rng = super::super::Rng(3);
        for v in net.table.iter_mut() {
            *v = (rng.unit() as f32 - 0.5) * 0.5;
        }
        let mut sc = embed::Scratch::default();
        let rows: Vec<_> = ["we", "met", "them", "go", "now"]
            .iter()
            .map(|w| embed::rows(w, 64, &mut sc))
            .collect();
        let gold = Gold {
            tags: &[0, 1, 2, 1, 3],
            heads: &[2, 0, 2, 0, 1],
            labels: &[0, 1, 2, 1, 2],
        };
        let pass = Pass::run(&net, None, vec![0..3, 3..5], rows.clone(), None);
        let grad = backward(&net, &pass, &gold, 1.0);
        // Rectifier kinks make a wide difference wrong now and then: a weight passes when one of three
        // step sizes agrees.
        let numeric = |net: &mut Network, at: &dyn Fn(&mut Network) -> &mut f32, eps: f32| {
            let orig = *at(net);
            *at(net) = orig + eps;
            let up = loss(net, &rows, &gold);
            *at(net) = orig - eps;
            let down = loss(net, &rows, &gold);
            *at(net) = orig;
            (up - down) / (2.0 * eps as f64)
        };
        let close =
            |numeric: f64, analytic: f64| (numeric - analytic).abs() <= 2e-3 + 0.05 * numeric.abs();
        let mut checked = 0;
        for i in (0..net.params.len()).step_by(3) {
            let analytic = grad.params[i] as f64;
            let ok = [2e-3, 5e-4, 1.25e-4].iter().any(|&eps| {
                close(
                    numeric(&mut net, &|n: &mut Network| &mut n.params[i], eps),
                    analytic,
                )
            });
            assert!(
                ok,
                "weight {i}: analytic {analytic}, numeric {}",
                numeric(&mut net, &|n: &mut Network| &mut n.params[i], 2e-3)
            );
            checked += 1;
        }
        assert!(checked > 150);
        // One embedding value of the first word, through all its rows' sum.
        let row = rows[0][0] as usize;
        let shared: usize = rows
            .iter()
            .flatten()
            .filter(|&&r| r as usize == row)
            .count();
        let analytic: f64 = rows
            .iter()
            .enumerate()
            .map(|(w, r)| {
                r.iter().filter(|&&x| x as usize == row).count() as f64
                    * grad.embeddings[w * 6] as f64
            })
            .sum();
        let ok = [2e-3, 5e-4, 1.25e-4].iter().any(|&eps| {
            close(
                numeric(&mut net, &|n: &mut Network| &mut n.table[row * 6], eps),
                analytic,
            )
        });
        assert!(shared >= 1);
        assert!(ok, "embedding: analytic {analytic}");
    }
}
