//! Typo tolerance for lexicon words ("Forign Minister", "disscussions"): a word of five or more letters
//! that is not itself a known word is read as the one lexicon word at edit distance 1 (one letter added,
//! dropped, replaced, or two neighbours swapped), when exactly one such word exists.
//!
//! Only lexicon words (titles, triggers, group nouns) are corrected, never names, and real English words
//! that happen to lie one edit from a lexicon word ("strives" and "strikes") are listed in
//! `assets/typo_guard.txt` and left alone. Candidates are found through a deletion index (every word with
//! one letter removed), so a lookup is a handful of hash probes rather than a scan of the vocabulary.

use rustc_hash::{FxHashMap, FxHashSet};

/// Shortest word that is ever corrected.
pub const MIN_LEN: usize = 5;

#[derive(Debug, Default, Clone)]
pub struct Speller {
    words: Vec<String>,
    /// Hashes (`hash_bytes`) of the vocabulary and of the guarded words: never corrected. One set, so a
    /// word is settled by one probe.
    settled: FxHashSet<u64>,
    /// The same kind of filter as `present`, over `settled`: most words are in neither, and the set is
    /// too large to probe from the fastest cache.
    settled_filter: Vec<u64>,
    /// Hash of a word or of one of its one-letter deletions → indices into `words`. Hashes rather than
    /// strings, so a lookup builds no string; candidates are confirmed by `within_one_edit`.
    deletions: FxHashMap<u64, Vec<u32>>,
    /// A filter over the keys of `deletions` (two bits of one 64-bit word per key): most probes of
    /// ordinary words find a bit clear and skip the map. This runs for every word of five letters or
    /// more, so the filter is kept small enough to stay in the fastest cache.
    present: Vec<u64>,
}

/// 64-bit words in `Speller::present` (a power of two): 32 KB.
const PRESENT_WORDS: usize = 1 << 12;

/// The word of `present` for hash `h` and the two bits in it.
fn bits(h: u64) -> (usize, u64) {
    let x = h.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let slot = (x >> (64 - PRESENT_WORDS.trailing_zeros())) as usize;
    (slot, 1 << ((x >> 40) & 63) | 1 << ((x >> 46) & 63))
}

/// Adds hash `h` to `filter`.
fn add_to_filter(filter: &mut [u64], h: u64) {
    let (slot, mask) = bits(h);
    filter[slot] |= mask;
}

/// Whether hash `h` may be among those `filter` was made of (never false for one of them).
fn in_filter(filter: &[u64], h: u64) -> bool {
    let (slot, mask) = bits(h);
    filter.get(slot).is_some_and(|w| w & mask == mask)
}

/// Polynomial hash base; the hash of bytes b0..bn is Σ b_i · BASE^(n-1-i) (mod 2^64), so the hash of a
/// string with one character removed follows from prefix and suffix hashes in constant time.
const BASE: u64 = 0x100_0000_01b3;

fn hash_bytes(b: &[u8]) -> u64 {
    b.iter().fold(0u64, |h, &x| {
        h.wrapping_mul(BASE).wrapping_add(x as u64 + 1)
    })
}

/// Longest word (in bytes) considered for correction; longer ones are left as they are.
const MAX_BYTES: usize = 40;

/// BASE^k for every k a word of at most `MAX_BYTES` bytes needs.
const POWERS: [u64; MAX_BYTES + 1] = {
    let mut p = [1u64; MAX_BYTES + 1];
    let mut k = 1;
    while k <= MAX_BYTES {
        p[k] = p[k - 1].wrapping_mul(BASE);
        k += 1;
    }
    p
};

/// Bytes of the UTF-8 character that starts with byte `first`.
fn utf8_width(first: u8) -> usize {
    match first {
        0..0x80 => 1,
        0x80..0xE0 => 2,
        0xE0..0xF0 => 3,
        _ => 4,
    }
}

/// Hashes of `w` and of every string made by removing one character from it, computed as they are asked
/// for and without allocating: first the whole word's (`whole`, its `hash_bytes`), then one per
/// character. A word longer than `MAX_BYTES` gets its own hash only.
fn probe_hashes(w: &str, whole: u64) -> impl Iterator<Item = u64> + '_ {
    let b = w.as_bytes();
    let n = if b.len() <= MAX_BYTES { b.len() } else { 0 };
    // The hash of b[..i]; the deletion of the character at i..j joins it to the hash of b[j..]:
    // prefix(i)·BASE^(n-j) + (whole − prefix(j)·BASE^(n-j)).
    let (mut i, mut prefix) = (0, 0u64);
    std::iter::once(whole).chain(std::iter::from_fn(move || {
        if i >= n {
            return None;
        }
        let through;
        let j;
        if b[i] < 0x80 {
            j = i + 1;
            through = prefix.wrapping_mul(BASE).wrapping_add(b[i] as u64 + 1);
        } else {
            j = (i + utf8_width(b[i])).min(n);
            through = b[i..j].iter().fold(prefix, |h, &x| {
                h.wrapping_mul(BASE).wrapping_add(x as u64 + 1)
            });
        }
        let power = POWERS[n - j];
        let joined = prefix
            .wrapping_mul(power)
            .wrapping_add(whole.wrapping_sub(through.wrapping_mul(power)));
        (i, prefix) = (j, through);
        Some(joined)
    }))
}

impl Speller {
    /// A speller for `vocabulary`, never correcting any word in `guard`.
    pub fn new<'a>(
        vocabulary: impl IntoIterator<Item = &'a str>,
        guard: impl IntoIterator<Item = &'a str>,
    ) -> Self {
        let mut s = Speller {
            settled: guard
                .into_iter()
                .map(|g| hash_bytes(g.as_bytes()))
                .collect(),
            present: vec![0; PRESENT_WORDS],
            settled_filter: vec![0; PRESENT_WORDS],
            ..Speller::default()
        };
        let mut seen = FxHashSet::default();
        for w in vocabulary {
            let whole = hash_bytes(w.as_bytes());
            s.settled.insert(whole);
            if seen.insert(whole)
                && w.chars().count() >= MIN_LEN
                && w.len() <= MAX_BYTES
                && w.chars().all(char::is_alphabetic)
            {
                let index = s.words.len() as u32;
                s.words.push(w.to_string());
                for h in probe_hashes(w, whole) {
                    add_to_filter(&mut s.present, h);
                    let slot = s.deletions.entry(h).or_default();
                    if !slot.contains(&index) {
                        slot.push(index);
                    }
                }
            }
        }
        for &h in &s.settled {
            add_to_filter(&mut s.settled_filter, h);
        }
        s
    }

    /// The lexicon word `word` (a normal form) is a typo of, if there is exactly one.
    pub fn correct(&self, word: &str) -> Option<&str> {
        if word.len() < MIN_LEN || word.len() > MAX_BYTES {
            return None;
        }
        let letters_only = if word.is_ascii() {
            word.bytes().all(|b| b.is_ascii_alphabetic())
        } else {
            word.chars().all(char::is_alphabetic) && word.chars().count() >= MIN_LEN
        };
        if !letters_only {
            return None;
        }
        // A known or guarded word is settled by its own hash, before the hashes of its deletions.
        let whole = hash_bytes(word.as_bytes());
        if in_filter(&self.settled_filter, whole) && self.settled.contains(&whole) {
            return None;
        }
        let mut found: Option<u32> = None;
        for h in probe_hashes(word, whole) {
            if !in_filter(&self.present, h) {
                continue;
            }
            for &i in self.deletions.get(&h).into_iter().flatten() {
                if found == Some(i) || !within_one_edit(word, &self.words[i as usize]) {
                    continue;
                }
                if found.is_some() {
                    return None; // two lexicon words fit: too unsure to correct
                }
                found = Some(i);
            }
        }
        found.map(|i| self.words[i as usize].as_str())
    }
}

/// Whether `a` becomes `b` by one insertion, deletion, substitution or swap of neighbours.
pub fn within_one_edit(a: &str, b: &str) -> bool {
    if a.is_ascii() && b.is_ascii() {
        return within_one_edit_of(a.as_bytes(), b.as_bytes());
    }
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    within_one_edit_of(&a, &b)
}

/// `within_one_edit` over letters of any kind (bytes of ASCII words, characters of others).
fn within_one_edit_of<T: PartialEq>(a: &[T], b: &[T]) -> bool {
    if a == b {
        return true;
    }
    let (la, lb) = (a.len(), b.len());
    if la.abs_diff(lb) > 1 {
        return false;
    }
    let prefix = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    if la == lb {
        let swap = prefix + 1 < la
            && a[prefix] == b[prefix + 1]
            && a[prefix + 1] == b[prefix]
            && a[prefix + 2..] == b[prefix + 2..];
        return swap || a[prefix + 1..] == b[prefix + 1..];
    }
    let (long, short) = if la > lb { (a, b) } else { (b, a) };
    long[prefix + 1..] == short[prefix..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speller() -> Speller {
        Speller::new(
            [
                "foreign",
                "minister",
                "discussions",
                "strikes",
                "talks",
                "meeting",
                "meetings",
            ],
            ["strives"],
        )
    }

    #[test]
    fn one_missing_extra_or_wrong_letter_is_corrected() {
        let s = speller();
        assert_eq!(s.correct("forign"), Some("foreign"));
        assert_eq!(s.correct("disscussions"), Some("discussions"));
        assert_eq!(s.correct("ministar"), Some("minister"));
        assert_eq!(s.correct("minsiter"), Some("minister"));
    }

    #[test]
    fn known_words_short_words_and_guarded_words_are_left_alone() {
        let s = speller();
        assert_eq!(s.correct("foreign"), None);
        assert_eq!(s.correct("talk"), None, "shorter than five letters");
        assert_eq!(
            s.correct("strives"),
            None,
            "a real word one edit from a trigger"
        );
        assert_eq!(s.correct("minstrel"), None, "two edits away");
    }

    #[test]
    fn a_word_one_edit_from_two_lexicon_words_is_not_guessed() {
        let s = Speller::new(["major", "mayor"], []);
        assert_eq!(s.correct("mazor"), None);
    }

    #[test]
    fn deletion_hashes_equal_the_hashes_of_the_shortened_words() {
        for w in ["forign", "discussions", "côté", "ab"] {
            let hashes: Vec<u64> = probe_hashes(w, hash_bytes(w.as_bytes())).collect();
            assert_eq!(hashes.len(), w.chars().count() + 1);
            assert_eq!(hashes[0], hash_bytes(w.as_bytes()));
            for (k, (i, c)) in w.char_indices().enumerate() {
                let shortened = format!("{}{}", &w[..i], &w[i + c.len_utf8()..]);
                assert_eq!(
                    hashes[k + 1],
                    hash_bytes(shortened.as_bytes()),
                    "{w} without {c}"
                );
            }
        }
    }

    #[test]
    fn within_one_edit_agrees_with_its_definition() {
        assert!(within_one_edit("abcde", "abde"));
        assert!(within_one_edit("abcde", "abxde"));
        assert!(within_one_edit("abcde", "abdce"));
        assert!(!within_one_edit("abcde", "badce"));
        assert!(!within_one_edit("abcde", "abc"));
        // Letters beyond ASCII are compared as characters, not bytes.
        assert!(within_one_edit("côté", "coté"));
        assert!(within_one_edit("côté", "cöté"));
        assert!(!within_one_edit("côté", "cote"));
    }
}
