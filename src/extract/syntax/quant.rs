//! Eight-bit matrix products for tagging and parsing on processors with AVX-512 VNNI, which multiply and
//! add 64 pairs of bytes in one instruction: four times the work of a 32-bit float instruction.
//!
//! A weight matrix is stored as signed bytes with one scale per column (`QMatrix`); each row of the input
//! is turned into unsigned bytes with one scale of its own when the product runs (its values shifted by
//! 128, which the column sums take back out). The results differ from the float product by about one
//! part in a hundred of each value's range, which moves few tags and arcs. Training never uses this.

/// A k×n weight matrix in bytes, laid out for the kernel: groups of four rows, each column's four bytes
/// side by side, columns padded to a multiple of 16.
#[derive(Debug, Clone, PartialEq)]
pub struct QMatrix {
    pub k: usize,
    pub n: usize,
    n_pad: usize,
    k4: usize,
    packed: Vec<i8>,
    scale: Vec<f32>,
    /// 128 × the column's byte sum: what the shift of the inputs adds.
    offset: Vec<i32>,
}

impl QMatrix {
    /// Quantises a row-major k×n matrix.
    pub fn new(k: usize, n: usize, w: &[f32]) -> QMatrix {
        let n_pad = n.div_ceil(16) * 16;
        let k4 = k.div_ceil(4);
        let mut scale = vec![0f32; n];
        for (j, s) in scale.iter_mut().enumerate() {
            let max = (0..k).map(|p| w[p * n + j].abs()).fold(0f32, f32::max);
            *s = if max > 0.0 { max / 127.0 } else { 1.0 };
        }
        let mut packed = vec![0i8; k4 * n_pad * 4];
        let mut offset = vec![0i32; n];
        for p in 0..k {
            for j in 0..n {
                let q = (w[p * n + j] / scale[j]).round().clamp(-127.0, 127.0) as i8;
                packed[(p / 4) * n_pad * 4 + j * 4 + p % 4] = q;
                offset[j] += 128 * q as i32;
            }
        }
        QMatrix {
            k,
            n,
            n_pad,
            k4,
            packed,
            scale,
            offset,
        }
    }
}

/// Whether this processor runs the byte kernel (asked once).
pub fn available() -> bool {
    #[cfg(target_arch = "x86_64")]
    {
        use std::sync::OnceLock;
        static YES: OnceLock<bool> = OnceLock::new();
        *YES.get_or_init(|| {
            is_x86_feature_detected!("avx512f")
                && is_x86_feature_detected!("avx512bw")
                && is_x86_feature_detected!("avx512vnni")
        })
    }
    #[cfg(not(target_arch = "x86_64"))]
    false
}

/// Input rows quantised for the kernel, reused from call to call.
#[derive(Default)]
pub struct Rows {
    bytes: Vec<u8>,
    scale: Vec<f32>,
}

/// C (m×n) += A (m×k) · W. Only where `available()`.
pub fn gemm(m: usize, a: &[f32], w: &QMatrix, c: &mut [f32], rows: &mut Rows) {
    let (k, n) = (w.k, w.n);
    assert!(
        available() && a.len() >= m * k && c.len() >= m * n,
        "quantised gemm: no kernel or short slices"
    );
    let stride = w.k4 * 4;
    rows.bytes.clear();
    rows.bytes.resize(m * stride, 128);
    rows.scale.clear();
    for i in 0..m {
        let s = quantise_row(
            &a[i * k..(i + 1) * k],
            &mut rows.bytes[i * stride..i * stride + k],
        );
        rows.scale.push(s);
    }
    #[cfg(target_arch = "x86_64")]
    // SAFETY: `available()` checked the processor; the kernel stays inside the shapes asserted above.
    unsafe {
        x86::gemm(m, &rows.bytes, &rows.scale, w, c)
    };
}

/// `embed::sum_rows` (without dropout) over a table of 16-bit floats; `dim` a multiple of 16. Only where
/// `available()`.
pub fn sum_half_rows(table: &[u16], dim: usize, words: &[super::embed::WordRows], out: &mut [f32]) {
    assert!(
        available() && dim.is_multiple_of(16) && out.len() >= words.len() * dim,
        "half-float rows: no kernel or bad shapes"
    );
    for (w, rows) in words.iter().enumerate() {
        assert!(
            rows.iter().all(|&r| (r as usize + 1) * dim <= table.len()),
            "a row outside the table"
        );
        #[cfg(target_arch = "x86_64")]
        // SAFETY: `available()` includes AVX-512F; every row read is inside the table (asserted).
        unsafe {
            x86::sum_half_rows(table, dim, rows, &mut out[w * dim..(w + 1) * dim])
        };
    }
}

/// A row as bytes (value / scale + 128, rounded), returning the scale.
fn quantise_row(row: &[f32], out: &mut [u8]) -> f32 {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: only called where `available()`, which includes AVX-512F.
    unsafe {
        x86::quantise_row(row, out)
    }
    #[cfg(not(target_arch = "x86_64"))]
    unreachable!("the byte kernel is x86-64 only")
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::QMatrix;
    use std::arch::x86_64::*;

    #[target_feature(enable = "avx512f")]
    pub unsafe fn sum_half_rows(table: &[u16], dim: usize, rows: &[u32], out: &mut [f32]) {
        // SAFETY: the caller checked that each row lies inside the table and `out` is `dim` long.
        unsafe {
            for k in (0..dim).step_by(16) {
                let mut acc = _mm512_setzero_ps();
                for &r in rows {
                    let half = _mm256_loadu_si256(
                        table.as_ptr().add(r as usize * dim + k) as *const __m256i
                    );
                    acc = _mm512_add_ps(acc, _mm512_cvtph_ps(half));
                }
                _mm512_storeu_ps(out.as_mut_ptr().add(k), acc);
            }
        }
    }

    #[target_feature(enable = "avx512f,avx512bw")]
    pub unsafe fn quantise_row(row: &[f32], out: &mut [u8]) -> f32 {
        let mut max = [0f32; 16];
        let chunks = row.chunks_exact(16);
        let rest = chunks.remainder();
        for c in chunks {
            for l in 0..16 {
                max[l] = max[l].max(c[l].abs());
            }
        }
        let max = rest
            .iter()
            .fold(max.iter().fold(0f32, |a, &b| a.max(b)), |a, v| {
                a.max(v.abs())
            });
        let s = if max > 0.0 { max / 127.0 } else { 1.0 };
        let inv = 1.0 / s;
        // Values lie in [-127, 127], shifted by 128 into [1, 255]; adding 1.5·2^23 rounds them, and the
        // sum's low byte is the rounded value (no float-to-integer conversion, which would not vectorise).
        const ROUND: f32 = 12_582_912.0;
        for (b, &v) in out.iter_mut().zip(row) {
            *b = (v * inv + (128.0 + ROUND)).to_bits() as u8;
        }
        s
    }

    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    pub unsafe fn gemm(m: usize, a: &[u8], a_scale: &[f32], w: &QMatrix, c: &mut [f32]) {
        let blocks = w.n_pad / 16;
        let mut i = 0;
        while i < m {
            let r = (m - i).min(4);
            let mut b = 0;
            while b < blocks {
                let nb = (blocks - b).min(4);
                // SAFETY: rows i..i+r and column blocks b..b+nb exist.
                unsafe {
                    match (r, nb) {
                        (4, 4) => block::<4, 4>(i, b, a, a_scale, w, c),
                        (4, 3) => block::<4, 3>(i, b, a, a_scale, w, c),
                        (4, 2) => block::<4, 2>(i, b, a, a_scale, w, c),
                        (4, _) => block::<4, 1>(i, b, a, a_scale, w, c),
                        (3, 4) => block::<3, 4>(i, b, a, a_scale, w, c),
                        (3, 3) => block::<3, 3>(i, b, a, a_scale, w, c),
                        (3, 2) => block::<3, 2>(i, b, a, a_scale, w, c),
                        (3, _) => block::<3, 1>(i, b, a, a_scale, w, c),
                        (2, 4) => block::<2, 4>(i, b, a, a_scale, w, c),
                        (2, 3) => block::<2, 3>(i, b, a, a_scale, w, c),
                        (2, 2) => block::<2, 2>(i, b, a, a_scale, w, c),
                        (2, _) => block::<2, 1>(i, b, a, a_scale, w, c),
                        (_, 4) => block::<1, 4>(i, b, a, a_scale, w, c),
                        (_, 3) => block::<1, 3>(i, b, a, a_scale, w, c),
                        (_, 2) => block::<1, 2>(i, b, a, a_scale, w, c),
                        (_, _) => block::<1, 1>(i, b, a, a_scale, w, c),
                    }
                }
                b += nb;
            }
            i += r;
        }
    }

    /// R rows against NB blocks of 16 columns, starting at row `i` and block `b`.
    #[target_feature(enable = "avx512f,avx512bw,avx512vnni")]
    #[inline]
    unsafe fn block<const R: usize, const NB: usize>(
        i: usize,
        b: usize,
        a: &[u8],
        a_scale: &[f32],
        w: &QMatrix,
        c: &mut [f32],
    ) {
        let stride = w.k4 * 4;
        let mut acc = [[_mm512_setzero_si512(); NB]; R];
        let wp = w.packed.as_ptr();
        let ap = a.as_ptr();
        // SAFETY: every pointer stays inside `packed` (k4 groups × n_pad × 4) and the R rows of `a`.
        unsafe {
            for g in 0..w.k4 {
                let mut wv = [_mm512_setzero_si512(); NB];
                for (q, v) in wv.iter_mut().enumerate() {
                    *v = _mm512_loadu_si512(wp.add((g * w.n_pad + (b + q) * 16) * 4) as *const _);
                }
                for (rr, row) in acc.iter_mut().enumerate() {
                    let x = _mm512_set1_epi32(
                        (ap.add((i + rr) * stride + g * 4) as *const i32).read_unaligned(),
                    );
                    for (q, v) in row.iter_mut().enumerate() {
                        *v = _mm512_dpbusd_epi32(*v, x, wv[q]);
                    }
                }
            }
        }
        for (rr, row) in acc.iter().enumerate() {
            // SAFETY: reads of `scale` and `offset` and writes of `c` stay inside column n (masked).
            unsafe {
                let s = _mm512_set1_ps(a_scale[i + rr]);
                for (q, v) in row.iter().enumerate() {
                    let j0 = (b + q) * 16;
                    let mask: __mmask16 = if j0 + 16 <= w.n {
                        0xffff
                    } else {
                        (1u32 << (w.n - j0)).wrapping_sub(1) as u16
                    };
                    let off = _mm512_maskz_loadu_epi32(mask, w.offset.as_ptr().add(j0));
                    let scale = _mm512_maskz_loadu_ps(mask, w.scale.as_ptr().add(j0));
                    let at = c.as_mut_ptr().add((i + rr) * w.n + j0);
                    let old = _mm512_maskz_loadu_ps(mask, at);
                    let x = _mm512_cvtepi32_ps(_mm512_sub_epi32(*v, off));
                    _mm512_mask_storeu_ps(
                        at,
                        mask,
                        _mm512_fmadd_ps(_mm512_mul_ps(s, scale), x, old),
                    );
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn half_float_rows_sum_as_the_float_ones() {
        if !available() {
            return;
        }
        let dim = 32;
        let table: Vec<f32> = (0..100 * dim)
            .map(|i| ((i * 37) % 19) as f32 * 0.125 - 1.0)
            .collect();
        let half: Vec<u16> = table
            .iter()
            .map(|&v| super::super::model_file::to_f16(v))
            .collect();
        let mut sc = super::super::embed::Scratch::default();
        let words: Vec<_> = ["envoys", "Met"]
            .iter()
            .map(|w| super::super::embed::rows(w, 100, &mut sc))
            .collect();
        let (mut a, mut b) = (vec![0f32; 2 * dim], vec![0f32; 2 * dim]);
        super::super::embed::sum_rows(&table, dim, &words, &[false, false], &mut a);
        sum_half_rows(&half, dim, &words, &mut b);
        assert_eq!(a, b);
    }

    #[test]
    fn the_byte_product_is_close_to_the_float_one() {
        if !available() {
            return;
        }
        let mut rng = super::super::Rng(9);
        for (m, k, n) in [(1, 3, 5), (5, 64, 70), (9, 130, 384), (4, 16, 16)] {
            let a: Vec<f32> = (0..m * k).map(|_| rng.unit() as f32 * 2.0 - 1.0).collect();
            let w: Vec<f32> = (0..k * n).map(|_| rng.unit() as f32 * 0.4 - 0.2).collect();
            let mut exact = vec![0.5; m * n];
            super::super::linalg::gemm(m, k, n, &a, &w, &mut exact);
            let mut approx = vec![0.5; m * n];
            gemm(
                m,
                &a,
                &QMatrix::new(k, n, &w),
                &mut approx,
                &mut Rows::default(),
            );
            let range = 0.2 * k as f32;
            for (x, y) in exact.iter().zip(&approx) {
                assert!(
                    (x - y).abs() < 0.01 * range.sqrt() + 0.01,
                    "{m}x{k}x{n}: {x} vs {y}"
                );
            }
        }
    }
}
