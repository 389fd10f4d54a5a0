//! The arithmetic of the syntax network: matrix products over row-major `f32` slices and the activation
//! functions, written so that the compiler vectorises them.
//!
//! One product does the work of both training and tagging (`gemm`: C += A·B). On x86-64 processors with
//! AVX2 and FMA (nearly all made since 2013) a hand-blocked kernel is chosen at run time; elsewhere a
//! plain loop gives the same sums in another order. `exp` is a polynomial approximation (relative error
//! about 2e-7) that vectorises, since the library's `expf` does not and the network calls it for every
//! gate of every word.

/// C (m×n) += A (m×k) · B (k×n), all row-major.
pub fn gemm(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    assert!(
        a.len() >= m * k && b.len() >= k * n && c.len() >= m * n,
        "gemm: slices shorter than their shapes"
    );
    #[cfg(target_arch = "x86_64")]
    if avx2_fma() {
        // SAFETY: the processor has AVX2 and FMA (checked above); the slices are long enough (asserted).
        unsafe { x86::gemm(m, k, n, a, b, c) };
        return;
    }
    gemm_plain(m, k, n, a, b, c);
}

/// C (m×n) = A (m×k) · Bᵀ, B given as n×k (each of C's values one dot product of two rows).
pub fn gemm_nt(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    assert!(
        a.len() >= m * k && b.len() >= n * k && c.len() >= m * n,
        "gemm_nt: slices shorter than their shapes"
    );
    #[inline(always)]
    fn all(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
        for i in 0..m {
            for j in 0..n {
                c[i * n + j] = dot(&a[i * k..(i + 1) * k], &b[j * k..(j + 1) * k]);
            }
        }
    }
    #[cfg(target_arch = "x86_64")]
    if avx2_fma() {
        #[target_feature(enable = "avx2,fma")]
        unsafe fn wide(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
            all(m, k, n, a, b, c)
        }
        // SAFETY: the processor has AVX2 and FMA.
        unsafe { wide(m, k, n, a, b, c) };
        return;
    }
    all(m, k, n, a, b, c)
}

fn gemm_plain(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
    for i in 0..m {
        let c_row = &mut c[i * n..(i + 1) * n];
        for p in 0..k {
            let x = a[i * k + p];
            if x != 0.0 {
                for (cv, &bv) in c_row.iter_mut().zip(&b[p * n..(p + 1) * n]) {
                    *cv += x * bv;
                }
            }
        }
    }
}

/// Whether the fast kernel can run (asked once).
#[cfg(target_arch = "x86_64")]
fn avx2_fma() -> bool {
    use std::sync::atomic::{AtomicU8, Ordering};
    static KNOWN: AtomicU8 = AtomicU8::new(0);
    match KNOWN.load(Ordering::Relaxed) {
        1 => true,
        2 => false,
        _ => {
            let yes = is_x86_feature_detected!("avx2") && is_x86_feature_detected!("fma");
            KNOWN.store(if yes { 1 } else { 2 }, Ordering::Relaxed);
            yes
        }
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use std::arch::x86_64::*;

    /// `gates_all` sixteen values at a time: `exp` as in the scalar code, and the reciprocal from its
    /// 14-bit estimate and one Newton step (within a few parts in 10^8 of a division, and much cheaper).
    #[target_feature(enable = "avx512f")]
    pub unsafe fn gates(v: &mut [f32], scale: &[f32]) {
        // SAFETY: loads and stores stay inside each row of `scale.len()` (a multiple of 16).
        unsafe {
            let one = _mm512_set1_ps(1.0);
            let two = _mm512_set1_ps(2.0);
            let round = _mm512_set1_ps(12_582_912.0);
            let round_bits = _mm512_set1_epi32(12_582_912f32.to_bits() as i32);
            for row in v.chunks_exact_mut(scale.len()) {
                for (c, sc) in row.chunks_exact_mut(16).zip(scale.chunks_exact(16)) {
                    let s = _mm512_loadu_ps(sc.as_ptr());
                    let x = _mm512_loadu_ps(c.as_ptr());
                    // e^(-s·x), clamped as in `exp`.
                    let y = _mm512_min_ps(
                        _mm512_max_ps(
                            _mm512_mul_ps(_mm512_sub_ps(_mm512_setzero_ps(), s), x),
                            _mm512_set1_ps(-87.0),
                        ),
                        _mm512_set1_ps(87.0),
                    );
                    let t = _mm512_fmadd_ps(y, _mm512_set1_ps(std::f32::consts::LOG2_E), round);
                    let k = _mm512_sub_ps(t, round);
                    let ki = _mm512_sub_epi32(_mm512_castps_si512(t), round_bits);
                    let r = _mm512_fmadd_ps(
                        k,
                        _mm512_set1_ps(2.121_944_4e-4),
                        _mm512_fnmadd_ps(k, _mm512_set1_ps(0.693_359_4), y),
                    );
                    let mut p = _mm512_set1_ps(1.987_569_2e-4);
                    for coef in [
                        1.398_199_9e-3,
                        8.333_452e-3,
                        4.166_579_6e-2,
                        0.166_666_65,
                        0.5,
                    ] {
                        p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(coef));
                    }
                    let e = _mm512_add_ps(_mm512_fmadd_ps(_mm512_mul_ps(p, r), r, r), one);
                    let e = _mm512_castsi512_ps(_mm512_add_epi32(
                        _mm512_castps_si512(e),
                        _mm512_slli_epi32::<23>(ki),
                    ));
                    let d = _mm512_add_ps(one, e);
                    let est = _mm512_rcp14_ps(d);
                    let sig = _mm512_mul_ps(est, _mm512_fnmadd_ps(d, est, two));
                    _mm512_storeu_ps(
                        c.as_mut_ptr(),
                        _mm512_sub_ps(_mm512_mul_ps(s, sig), _mm512_sub_ps(s, one)),
                    );
                }
            }
        }
    }

    /// Four rows of A at a time against sixteen columns of B held in eight registers.
    #[target_feature(enable = "avx2,fma")]
    pub unsafe fn gemm(m: usize, k: usize, n: usize, a: &[f32], b: &[f32], c: &mut [f32]) {
        let (a, b, c) = (a.as_ptr(), b.as_ptr(), c.as_mut_ptr());
        let mut i = 0;
        while i < m {
            let rows = (m - i).min(4);
            let mut j = 0;
            // SAFETY (all blocks): indices stay below m*k, k*n and m*n, which the caller checked.
            unsafe {
                while j + 16 <= n {
                    match rows {
                        4 => block16::<4>(i, j, k, n, a, b, c),
                        3 => block16::<3>(i, j, k, n, a, b, c),
                        2 => block16::<2>(i, j, k, n, a, b, c),
                        _ => block16::<1>(i, j, k, n, a, b, c),
                    }
                    j += 16;
                }
                while j + 8 <= n {
                    for r in 0..rows {
                        let mut acc = _mm256_loadu_ps(c.add((i + r) * n + j));
                        for p in 0..k {
                            let x = _mm256_set1_ps(*a.add((i + r) * k + p));
                            acc = _mm256_fmadd_ps(x, _mm256_loadu_ps(b.add(p * n + j)), acc);
                        }
                        _mm256_storeu_ps(c.add((i + r) * n + j), acc);
                    }
                    j += 8;
                }
                for r in 0..rows {
                    for jj in j..n {
                        let mut s = *c.add((i + r) * n + jj);
                        for p in 0..k {
                            s += *a.add((i + r) * k + p) * *b.add(p * n + jj);
                        }
                        *c.add((i + r) * n + jj) = s;
                    }
                }
            }
            i += rows;
        }
    }

    #[target_feature(enable = "avx2,fma")]
    #[inline]
    unsafe fn block16<const R: usize>(
        i: usize,
        j: usize,
        k: usize,
        n: usize,
        a: *const f32,
        b: *const f32,
        c: *mut f32,
    ) {
        // SAFETY: the caller keeps i+R <= m, j+16 <= n.
        unsafe {
            let mut lo = [_mm256_setzero_ps(); R];
            let mut hi = [_mm256_setzero_ps(); R];
            for r in 0..R {
                lo[r] = _mm256_loadu_ps(c.add((i + r) * n + j));
                hi[r] = _mm256_loadu_ps(c.add((i + r) * n + j + 8));
            }
            for p in 0..k {
                let b0 = _mm256_loadu_ps(b.add(p * n + j));
                let b1 = _mm256_loadu_ps(b.add(p * n + j + 8));
                for r in 0..R {
                    let x = _mm256_set1_ps(*a.add((i + r) * k + p));
                    lo[r] = _mm256_fmadd_ps(x, b0, lo[r]);
                    hi[r] = _mm256_fmadd_ps(x, b1, hi[r]);
                }
            }
            for r in 0..R {
                _mm256_storeu_ps(c.add((i + r) * n + j), lo[r]);
                _mm256_storeu_ps(c.add((i + r) * n + j + 8), hi[r]);
            }
        }
    }
}

/// The transpose of a row-major m×n matrix (n×m).
pub fn transpose(m: usize, n: usize, a: &[f32]) -> Vec<f32> {
    let mut t = vec![0.0; m * n];
    for i in 0..m {
        for j in 0..n {
            t[j * m + i] = a[i * n + j];
        }
    }
    t
}

#[inline(always)]
pub fn dot(a: &[f32], b: &[f32]) -> f32 {
    // Eight running sums, so that the loop vectorises.
    let mut s = [0f32; 8];
    let (ac, bc) = (a.chunks_exact(8), b.chunks_exact(8));
    let (ar, br) = (ac.remainder(), bc.remainder());
    for (x, y) in ac.zip(bc) {
        for l in 0..8 {
            s[l] += x[l] * y[l];
        }
    }
    let mut t = s.iter().sum::<f32>();
    for (x, y) in ar.iter().zip(br) {
        t += x * y;
    }
    t
}

/// e^x, to about 2e-7 relative error, for |x| up to about 87 (beyond, clamped).
#[inline(always)]
pub fn exp(x: f32) -> f32 {
    let x = x.clamp(-87.0, 87.0);
    // e^x = 2^k · e^r with k = round(x / ln 2) and |r| <= ln2 / 2 (Cephes' expf). Adding and taking away
    // 1.5·2^23 rounds to the nearest integer with plain additions, which vectorise on every processor.
    // The sum's low bits then hold k itself, read without a float-to-integer conversion (which would not
    // vectorise).
    const ROUND: f32 = 12_582_912.0;
    let t = x * std::f32::consts::LOG2_E + ROUND;
    let k = t - ROUND;
    let ki = (t.to_bits() as i32).wrapping_sub(ROUND.to_bits() as i32);
    let r = x - k * 0.693_359_4 + k * 2.121_944_4e-4;
    let p = ((((1.987_569_2e-4 * r + 1.398_199_9e-3) * r + 8.333_452e-3) * r + 4.166_579_6e-2) * r
        + 0.166_666_65)
        * r
        + 0.5;
    let e = p * r * r + r + 1.0;
    f32::from_bits((e.to_bits() as i32).wrapping_add(ki << 23) as u32)
}

#[inline(always)]
pub fn sigmoid(x: f32) -> f32 {
    1.0 / (1.0 + exp(-x))
}

#[inline(always)]
pub fn tanh(x: f32) -> f32 {
    2.0 * sigmoid(2.0 * x) - 1.0
}

/// In place over rows of `row` values: the leaky rectifier (slope 0.1 below zero) on each row's columns
/// from `from` on.
pub fn leaky_columns(v: &mut [f32], row: usize, from: usize) {
    #[inline(always)]
    fn rows(v: &mut [f32], row: usize, from: usize) {
        for r in v.chunks_exact_mut(row) {
            for x in &mut r[from..] {
                *x = if *x > 0.0 { *x } else { 0.1 * *x };
            }
        }
    }
    #[cfg(target_arch = "x86_64")]
    if avx2_fma() {
        #[target_feature(enable = "avx2,fma")]
        unsafe fn wide(v: &mut [f32], row: usize, from: usize) {
            rows(v, row, from)
        }
        // SAFETY: the processor has AVX2 and FMA.
        unsafe { wide(v, row, from) };
        return;
    }
    rows(v, row, from)
}

/// In place over rows of `scale.len()`: s·σ(s·x) - (s - 1) with each column's s (s = 1: the logistic
/// function; s = 2: tanh).
pub fn gates_all(v: &mut [f32], scale: &[f32]) {
    #[inline(always)]
    fn rows(v: &mut [f32], scale: &[f32]) {
        for row in v.chunks_exact_mut(scale.len()) {
            for (x, &s) in row.iter_mut().zip(scale) {
                *x = s * sigmoid(s * *x) - (s - 1.0);
            }
        }
    }
    #[cfg(target_arch = "x86_64")]
    if scale.len().is_multiple_of(16) && avx512() {
        // SAFETY: the processor has AVX-512F; rows are whole multiples of 16.
        unsafe { x86::gates(v, scale) };
        return;
    }
    #[cfg(target_arch = "x86_64")]
    if avx2_fma() {
        #[target_feature(enable = "avx2,fma")]
        unsafe fn wide(v: &mut [f32], scale: &[f32]) {
            rows(v, scale)
        }
        // SAFETY: the processor has AVX2 and FMA.
        unsafe { wide(v, scale) };
        return;
    }
    rows(v, scale)
}

#[cfg(target_arch = "x86_64")]
fn avx512() -> bool {
    use std::sync::OnceLock;
    static YES: OnceLock<bool> = OnceLock::new();
    *YES.get_or_init(|| is_x86_feature_detected!("avx512f"))
}

/// Turns scores into probabilities in place; returns the log of the normaliser.
pub fn softmax(v: &mut [f32]) -> f32 {
    let max = v.iter().fold(f32::NEG_INFINITY, |m, &x| m.max(x));
    let mut sum = 0.0;
    for x in v.iter_mut() {
        *x = exp(*x - max);
        sum += *x;
    }
    for x in v.iter_mut() {
        *x /= sum;
    }
    max + sum.ln()
}

pub fn argmax(v: &[f32]) -> usize {
    let mut b = 0;
    for (k, &x) in v.iter().enumerate() {
        if x > v[b] {
            b = k;
        }
    }
    b
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_fast_product_agrees_with_the_plain_one() {
        for (m, k, n) in [(1, 1, 1), (5, 7, 33), (4, 16, 16), (9, 3, 24), (2, 65, 17)] {
            let a: Vec<f32> = (0..m * k).map(|i| ((i * 7919) % 13) as f32 - 6.0).collect();
            let b: Vec<f32> = (0..k * n)
                .map(|i| ((i * 104_729) % 11) as f32 * 0.5 - 2.0)
                .collect();
            let mut fast = vec![1.0; m * n];
            let mut plain = vec![1.0; m * n];
            gemm(m, k, n, &a, &b, &mut fast);
            gemm_plain(m, k, n, &a, &b, &mut plain);
            assert_eq!(fast, plain, "{m}x{k}x{n}");
        }
    }

    #[test]
    fn the_transposed_product_agrees_with_the_plain_one() {
        let (m, k, n) = (3, 19, 5);
        let a: Vec<f32> = (0..m * k).map(|i| (i % 7) as f32 - 3.0).collect();
        let b: Vec<f32> = (0..n * k).map(|i| (i % 5) as f32 - 2.0).collect();
        let mut c = vec![0.0; m * n];
        gemm_nt(m, k, n, &a, &b, &mut c);
        let mut want = vec![0.0; m * n];
        gemm_plain(m, k, n, &a, &transpose(n, k, &b), &mut want);
        assert_eq!(c, want);
        let mut v = [-1.0, 2.0, -3.0, -4.0, 5.0, -6.0];
        leaky_columns(&mut v, 3, 1);
        assert_eq!(v, [-1.0, 2.0, -0.3, -4.0, 5.0, -0.6]);
    }

    #[test]
    fn exp_is_close_to_the_library_one() {
        for i in -400..400 {
            let x = i as f32 * 0.2;
            let (a, b) = (exp(x), x.exp());
            assert!((a - b).abs() <= b * 1e-6, "{x}: {a} vs {b}");
        }
        assert!((tanh(0.5) - 0.5f32.tanh()).abs() < 1e-6);
        assert!(sigmoid(-100.0) >= 0.0 && sigmoid(100.0) <= 1.0);
    }

    #[test]
    fn the_wide_gates_agree_with_the_scalar_functions() {
        let scale: Vec<f32> = (0..32).map(|c| if c < 16 { 2.0 } else { 1.0 }).collect();
        let x: Vec<f32> = (0..64).map(|i| (i as f32 - 32.0) * 0.37).collect();
        let mut v = x.clone();
        gates_all(&mut v, &scale);
        for (i, (&a, &y)) in x.iter().zip(&v).enumerate() {
            let want = if i % 32 < 16 {
                a.tanh()
            } else {
                1.0 / (1.0 + (-a).exp())
            };
            assert!((y - want).abs() < 1e-6, "{a}: {y} vs {want}");
        }
    }

    #[test]
    fn softmax_sums_to_one_and_returns_the_log_normaliser() {
        let mut v = [1.0, 2.0, 3.0];
        let z = softmax(&mut v);
        assert!((v.iter().sum::<f32>() - 1.0).abs() < 1e-6);
        assert!((z - (1f32.exp() + 2f32.exp() + 3f32.exp()).ln()).abs() < 1e-5);
        assert_eq!(argmax(&v), 2);
    }
}
