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
    /// Hashes (`hash_bytes`) of the vocabulary and of the guarded words: never corrected.
    known: FxHashSet<u64>,
    guard: FxHashSet<u64>,
    /// Hash of a word or of one of its one-letter deletions → indices into `words`. Hashes rather than
    /// strings, so a lookup builds no string; candidates are confirmed by `within_one_edit`.
    deletions: FxHashMap<u64, Vec<u32>>,
    /// One bit per hash bucket of `deletions`: most probes of ordinary words find their bit clear and
    /// skip the map (this runs for every word of five letters or more).
    present: Vec<u64>,
}

/// Bits in `Speller::present` (a power of two).
const PRESENT_BITS: u64 = 1 << 20;

fn bit(h: u64) -> (usize, u64) {
    let b = (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 44) & (PRESENT_BITS - 1);
    ((b / 64) as usize, 1 << (b % 64))
}

/// Polynomial hash base; the hash of bytes b0..bn is Σ b_i · BASE^(n-1-i) (mod 2^64), so the hash of a
/// string with one character removed follows from prefix and suffix hashes in constant time.
const BASE: u64 = 0x100_0000_01b3;

fn hash_bytes(b: &[u8]) -> u64 {
    b.iter().fold(0u64, |h, &x| h.wrapping_mul(BASE).wrapping_add(x as u64 + 1))
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
        let j = (i + utf8_width(b[i])).min(n);
        let through = b[i..j].iter().fold(prefix, |h, &x| h.wrapping_mul(BASE).wrapping_add(x as u64 + 1));
        let power = POWERS[n - j];
        let joined = prefix.wrapping_mul(power).wrapping_add(whole.wrapping_sub(through.wrapping_mul(power)));
        (i, prefix) = (j, through);
        Some(joined)
    }))
}

impl Speller {
    /// A speller for `vocabulary`, never correcting any word in `guard`.
    pub fn new<'a>(vocabulary: impl IntoIterator<Item = &'a str>, guard: impl IntoIterator<Item = &'a str>) -> Self {
        let mut s = Speller {
            guard: guard.into_iter().map(|g| hash_bytes(g.as_bytes())).collect(),
            present: vec![0; (PRESENT_BITS / 64) as usize],
            ..Speller::default()
        };
        for w in vocabulary {
            if s.known.insert(hash_bytes(w.as_bytes()))
                && w.chars().count() >= MIN_LEN
                && w.len() <= MAX_BYTES
                && w.chars().all(char::is_alphabetic)
            {
                let index = s.words.len() as u32;
                s.words.push(w.to_string());
                for h in probe_hashes(w, hash_bytes(w.as_bytes())) {
                    let (slot, mask) = bit(h);
                    s.present[slot] |= mask;
                    let slot = s.deletions.entry(h).or_default();
                    if !slot.contains(&index) {
                        slot.push(index);
                    }
                }
            }
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
        if self.known.contains(&whole) || self.guard.contains(&whole) {
            return None;
        }
        let mut found: Option<u32> = None;
        for h in probe_hashes(word, whole) {
            let (slot, mask) = bit(h);
            if self.present.get(slot).is_none_or(|w| w & mask == 0) {
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
        let swap = prefix + 1 < la && a[prefix] == b[prefix + 1] && a[prefix + 1] == b[prefix] && a[prefix + 2..] == b[prefix + 2..];
        return swap || a[prefix + 1..] == b[prefix + 1..];
    }
    let (long, short) = if la > lb { (a, b) } else { (b, a) };
    long[prefix + 1..] == short[prefix..]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn speller() -> Speller {
        Speller::new(["foreign", "minister", "discussions", "strikes", "talks", "meeting", "meetings"], ["strives"])
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
        assert_eq!(s.correct("strives"), None, "a real word one edit from a trigger");
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
                assert_eq!(hashes[k + 1], hash_bytes(shortened.as_bytes()), "{w} without {c}");
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
