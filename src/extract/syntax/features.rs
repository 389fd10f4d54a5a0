//! Feature keys for linear models over hashed features (today the mention-type labeller,
//! `extract::mention_types`; the syntax network reads words through `embed` instead): what such a model
//! knows about a word, reduced to 64-bit hashes, and how a template's values are combined into one key.
//!
//! Each word's forms (as written, lower case, prefixes, suffixes, shape) are hashed once per sentence
//! (`WordForms`); a feature is then a handful of multiplications. No vocabulary is needed: a word the
//! models never saw simply has no weights.

use std::hash::Hasher;

/// The hash of a string.
pub fn hash_str(s: &str) -> u64 {
    let mut h = rustc_hash::FxHasher::default();
    h.write(s.as_bytes());
    h.write_u8(0xff);
    finish(h.finish())
}

#[inline]
fn finish(mut x: u64) -> u64 {
    // The final mixing step of MurmurHash3: every input bit moves every output bit.
    x ^= x >> 33;
    x = x.wrapping_mul(0xff51afd7ed558ccd);
    x ^= x >> 33;
    x = x.wrapping_mul(0xc4ceb9fe1a85ec53);
    x ^ (x >> 33)
}

/// A template's key from its number and values.
#[inline]
pub fn key(template: u32, values: &[u64]) -> u64 {
    let mut h = (template as u64).wrapping_mul(0x9e3779b97f4a7c15);
    for &v in values {
        h = (h.rotate_left(27) ^ v).wrapping_mul(0x9e3779b97f4a7c15);
    }
    finish(h)
}

/// The forms of one word that features are made from, hashed.
#[derive(Debug, Clone, Copy, Default)]
pub struct WordForms {
    /// As written.
    pub form: u64,
    /// Lower case; digits folded to 0 ("1,250" and "3,700" look alike).
    pub lower: u64,
    pub prefix: [u64; 3],
    /// Last 1..=4 characters, lower case.
    pub suffix: [u64; 4],
    /// Letters as X or x, digits as d, runs of one kind cut at two ("Xxx", "dd.dd", "X.X.").
    pub shape: u64,
    /// First letter upper case, has a digit, has a hyphen (bits 0..3).
    pub flags: u64,
}

impl WordForms {
    pub fn of(word: &str) -> WordForms {
        let mut lower = String::with_capacity(word.len());
        let mut shape = String::with_capacity(word.len());
        let (mut last, mut run) = (' ', 0);
        let mut flags = 0u64;
        for (i, c) in word.chars().enumerate() {
            if c.is_ascii_digit() {
                lower.push('0');
                flags |= 2;
            } else {
                lower.extend(c.to_lowercase());
            }
            if c == '-' {
                flags |= 4;
            }
            if i == 0 && c.is_uppercase() {
                flags |= 1;
            }
            let kind = if c.is_uppercase() {
                'X'
            } else if c.is_lowercase() {
                'x'
            } else if c.is_numeric() {
                'd'
            } else {
                c
            };
            run = if kind == last { run + 1 } else { 1 };
            last = kind;
            if run <= 2 {
                shape.push(kind);
            }
        }
        let chars: Vec<(usize, char)> = lower.char_indices().collect();
        let n = chars.len();
        let cut = |k: usize| if k >= n { lower.len() } else { chars[k].0 };
        let mut prefix = [0; 3];
        for (k, p) in prefix.iter_mut().enumerate() {
            *p = hash_str(&lower[..cut(k + 1)]);
        }
        let mut suffix = [0; 4];
        for (k, s) in suffix.iter_mut().enumerate() {
            *s = hash_str(&lower[cut(n.saturating_sub(k + 1))..]);
        }
        WordForms {
            form: hash_str(word),
            lower: hash_str(&lower),
            prefix,
            suffix,
            shape: hash_str(&shape),
            flags,
        }
    }

    /// The forms of a word outside the sentence (before its start, after its end, or the root).
    pub fn boundary(which: &str) -> WordForms {
        let h = hash_str(which);
        WordForms {
            form: h,
            lower: h,
            prefix: [h; 3],
            suffix: [h; 4],
            shape: h,
            flags: 8,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_of_one_shape_share_a_lower_form_but_not_a_written_one() {
        let (a, b) = (WordForms::of("1,250"), WordForms::of("3,700"));
        assert_eq!(a.lower, b.lower);
        assert_ne!(a.form, b.form);
        assert_eq!(a.shape, hash_str("d,dd"));
    }

    #[test]
    fn shapes_and_affixes() {
        let w = WordForms::of("Talks");
        assert_eq!(w.shape, hash_str("Xxx"));
        assert_eq!(w.suffix[1], hash_str("ks"));
        assert_eq!(w.prefix[2], hash_str("tal"));
        assert_eq!(w.flags & 1, 1);
        let short = WordForms::of("a");
        assert_eq!(short.suffix[3], hash_str("a"));
        assert_eq!(WordForms::of("U.S.").shape, hash_str("X.X."));
    }

    #[test]
    fn keys_depend_on_template_and_order() {
        assert_ne!(key(1, &[5]), key(2, &[5]));
        assert_ne!(key(1, &[5, 6]), key(1, &[6, 5]));
    }
}
