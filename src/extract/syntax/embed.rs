//! How a word enters the network: its forms (lower case, first letters, last letters, shape) are hashed
//! into rows of one embedding table, and the word's vector is the sum of those rows.
//!
//! No vocabulary is kept: a word never seen in training still has its affixes and shape ("-ization",
//! "Xxxx"), and its own rows, never trained, are zero. Each form takes two rows by two hashes, so that two
//! forms that share one row by chance still differ by the other (Bloom embeddings, as in spaCy).

use std::hash::Hasher;

/// Forms per word: lower case, prefixes of 1 and 3 letters, suffixes of 1 to 4 letters, shape.
pub const FORMS: usize = 8;
/// Rows per form.
pub const HASHES: usize = 2;
/// Rows per word.
pub const ROWS_PER_WORD: usize = FORMS * HASHES;
/// The rows of the lower-case form (the ones word dropout leaves out): the first `HASHES`.
pub const WORD_ROWS: usize = HASHES;

/// The table rows of one word, the lower-case form's first.
pub type WordRows = [u32; ROWS_PER_WORD];

#[inline]
fn hash(kind: u8, s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write_u8(kind);
    h.write(s.as_bytes());
    let mut x = h.finish();
    // MurmurHash3's final mix: every input bit moves every output bit.
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ceb9fe1a85ec53);
    x ^ (x >> 33)
}

/// The lower-case form of a word with digits folded to 0 ("1,250" and "3,700" look alike), and its shape:
/// letters as X or x, digits as d, runs of one kind cut at two ("Xxx", "dd.dd", "X.X.").
pub fn lower_and_shape(word: &str, lower: &mut String, shape: &mut String) {
    lower.clear();
    shape.clear();
    let (mut last, mut run) = ('\0', 0);
    for c in word.chars() {
        let kind = if c.is_ascii_digit() {
            lower.push('0');
            'd'
        } else if c.is_lowercase() {
            lower.push(c);
            'x'
        } else if c.is_uppercase() {
            lower.extend(c.to_lowercase());
            'X'
        } else {
            lower.push(c);
            if c.is_numeric() { 'd' } else { c }
        };
        run = if kind == last { run + 1 } else { 1 };
        last = kind;
        if run <= 2 {
            shape.push(kind);
        }
    }
}

/// Reusable buffers for `rows`.
#[derive(Default)]
pub struct Scratch {
    lower: String,
    shape: String,
}

/// The table rows of `word` in a table of `table_rows` rows.
pub fn rows(word: &str, table_rows: usize, scratch: &mut Scratch) -> WordRows {
    lower_and_shape(word, &mut scratch.lower, &mut scratch.shape);
    let lower = scratch.lower.as_str();
    // The first and last `k` characters (the whole word when it is shorter), found without allocating.
    let prefix = |k: usize| &lower[..lower.char_indices().nth(k).map_or(lower.len(), |(i, _)| i)];
    let suffix = |k: usize| &lower[lower.char_indices().rev().nth(k - 1).map_or(0, |(i, _)| i)..];
    let hashes = [
        hash(0, lower),
        hash(1, prefix(1)),
        hash(2, prefix(3)),
        hash(3, suffix(1)),
        hash(4, suffix(2)),
        hash(5, suffix(3)),
        hash(6, suffix(4)),
        hash(7, &scratch.shape),
    ];
    let mut out = [0u32; ROWS_PER_WORD];
    for (f, h) in hashes.iter().enumerate() {
        for k in 0..HASHES {
            let part = (h >> (32 * k)) as u32 as u64;
            out[f * HASHES + k] = ((part * table_rows as u64) >> 32) as u32;
        }
    }
    out
}

/// Sums the rows of each word into `out` (one `dim`-wide vector per word), leaving out the lower-case
/// form's rows of the words marked in `drop_word`.
pub fn sum_rows(
    table: &[f32],
    dim: usize,
    words: &[WordRows],
    drop_word: &[bool],
    out: &mut [f32],
) {
    for (w, rows) in words.iter().enumerate() {
        let o = &mut out[w * dim..(w + 1) * dim];
        o.fill(0.0);
        let skip = if drop_word.get(w).copied().unwrap_or(false) {
            WORD_ROWS
        } else {
            0
        };
        for &r in &rows[skip..] {
            let row = &table[r as usize * dim..(r as usize + 1) * dim];
            for (a, b) in o.iter_mut().zip(row) {
                *a += b;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_folded_digits() {
        let (mut l, mut s) = (String::new(), String::new());
        lower_and_shape("Talks", &mut l, &mut s);
        assert_eq!((l.as_str(), s.as_str()), ("talks", "Xxx"));
        lower_and_shape("1,250", &mut l, &mut s);
        assert_eq!((l.as_str(), s.as_str()), ("0,000", "d,dd"));
        lower_and_shape("U.S.", &mut l, &mut s);
        assert_eq!(s, "X.X.");
    }

    #[test]
    fn words_sharing_an_ending_share_its_rows_and_case_changes_only_the_shape() {
        let mut sc = Scratch::default();
        let (a, b) = (
            rows("nation", 1 << 16, &mut sc),
            rows("station", 1 << 16, &mut sc),
        );
        // Suffixes of 1..4 letters: forms 3..=6.
        assert_eq!(a[3 * HASHES..7 * HASHES], b[3 * HASHES..7 * HASHES]);
        assert_ne!(a[..HASHES], b[..HASHES]);
        let (c, d) = (
            rows("Nation", 1 << 16, &mut sc),
            rows("nation", 1 << 16, &mut sc),
        );
        assert_eq!(c[..7 * HASHES], d[..7 * HASHES]);
        assert_ne!(c[7 * HASHES..], d[7 * HASHES..]);
        assert!(rows("é", 10, &mut sc).iter().all(|&r| r < 10));
    }

    #[test]
    fn a_dropped_word_keeps_only_its_affixes_and_shape() {
        let mut sc = Scratch::default();
        let dim = 2;
        let table: Vec<f32> = (0..64 * dim).map(|i| i as f32).collect();
        let w = [rows("talks", 64, &mut sc)];
        let (mut whole, mut dropped) = (vec![0.0; dim], vec![0.0; dim]);
        sum_rows(&table, dim, &w, &[false], &mut whole);
        sum_rows(&table, dim, &w, &[true], &mut dropped);
        let word: f32 = w[0][..WORD_ROWS]
            .iter()
            .map(|&r| table[r as usize * dim])
            .sum();
        assert_eq!(whole[0] - dropped[0], word);
    }
}
