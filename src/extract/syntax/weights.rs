//! The weights of a linear classifier over hashed features (`features`): how the mention-type labeller
//! (`extract::mention_types`) scores its classes.
//!
//! A feature is a 64-bit key (see `features`); its weights are one number per class. `Learner` is the
//! averaged perceptron used while training; `Weights` is the frozen, compact table the models ship with:
//! keys in an open-addressing table, weights quantised to 16-bit integers, every slot's key and weights
//! side by side so that one feature costs one memory access.

use rustc_hash::FxHashMap;

/// Averaged perceptron weights, growing as features are first updated.
#[derive(Debug, Clone)]
pub struct Learner {
    classes: usize,
    rows: FxHashMap<u64, u32>,
    /// Current weights, `classes` per row.
    w: Vec<f32>,
    /// Each update times the instance counter at which it was made, for averaging without a pass over
    /// every weight at every instance (Daumé's trick): average = w - u / c.
    u: Vec<f64>,
    /// Instances seen.
    c: f64,
}

impl Learner {
    pub fn new(classes: usize) -> Self {
        Learner {
            classes,
            rows: FxHashMap::default(),
            w: Vec::new(),
            u: Vec::new(),
            c: 1.0,
        }
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Adds each feature's current weights to `scores`.
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let k = self.classes;
        for f in features {
            if let Some(&r) = self.rows.get(f) {
                let row = &self.w[r as usize * k..(r as usize + 1) * k];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// Moves the weights towards `truth` and away from `guess` by `step`.
    pub fn update(&mut self, features: &[u64], truth: usize, guess: usize, step: f32) {
        if truth == guess {
            return;
        }
        let k = self.classes;
        for &f in features {
            let next = self.rows.len() as u32;
            let r = *self.rows.entry(f).or_insert(next) as usize;
            if r == self.w.len() / k {
                self.w.resize(self.w.len() + k, 0.0);
                self.u.resize(self.u.len() + k, 0.0);
            }
            for (class, sign) in [(truth, step), (guess, -step)] {
                self.w[r * k + class] += sign;
                self.u[r * k + class] += self.c * sign as f64;
            }
        }
    }

    /// Counts one training instance (call once per decision, updated or not).
    pub fn tick(&mut self) {
        self.c += 1.0;
    }

    /// The averaged weights, frozen. Rows whose largest weight would round to zero are dropped.
    pub fn freeze(&self) -> Weights {
        let k = self.classes;
        let averaged: Vec<f32> = self
            .w
            .iter()
            .zip(&self.u)
            .map(|(&w, &u)| (w as f64 - u / self.c) as f32)
            .collect();
        let largest = averaged.iter().fold(0f32, |m, w| m.max(w.abs()));
        let scale = if largest > 0.0 {
            largest / i16::MAX as f32
        } else {
            1.0
        };
        let mut kept: Vec<(u64, Vec<i16>)> = Vec::new();
        for (&key, &r) in &self.rows {
            let row = &averaged[r as usize * k..(r as usize + 1) * k];
            let q: Vec<i16> = row.iter().map(|w| (w / scale).round() as i16).collect();
            if q.iter().any(|&x| x != 0) && row.iter().any(|w| w.abs() >= PRUNE_BELOW) {
                kept.push((key, q));
            }
        }
        kept.sort_unstable_by_key(|(key, _)| *key);
        Weights::build(k, scale, kept)
    }
}

/// Features whose averaged weights all stay below this are left out of the frozen table: they change
/// few decisions (about 0.1 of a point of accuracy) and take a third of the space.
const PRUNE_BELOW: f32 = 0.3;

/// Frozen weights: an open-addressing table of features, each pointing at its non-zero class weights.
#[derive(Debug, Clone, PartialEq)]
pub struct Weights {
    classes: usize,
    /// What one unit of a quantised weight is worth.
    scale: f32,
    /// One per slot (0: empty): the key's low 32 bits in the high half (its high bits chose the slot; two
    /// features that share both are too rare to matter), then where its weights start in `weights` (25
    /// bits) and how many there are (7 bits).
    slots: Vec<u64>,
    /// Class number in the high 16 bits, quantised weight in the low 16.
    weights: Vec<u32>,
}

/// A key's fingerprint, never 0 (the mark of an empty slot).
#[inline]
fn fingerprint(key: u64) -> u64 {
    (key & 0xffff_ffff).max(1)
}

const MAX_WEIGHTS: usize = 1 << 25;

impl Weights {
    fn build(classes: usize, scale: f32, rows: Vec<(u64, Vec<i16>)>) -> Weights {
        let capacity = (rows.len() * 5 / 4).max(8);
        let mut w = Weights {
            classes,
            scale,
            slots: vec![0; capacity],
            weights: Vec::new(),
        };
        for (key, row) in rows {
            let mut i = w.home(key);
            while w.slots[i] != 0 {
                i = if i + 1 == capacity { 0 } else { i + 1 };
            }
            let start = w.weights.len();
            w.weights.extend(
                row.iter()
                    .enumerate()
                    .filter(|(_, v)| **v != 0)
                    .map(|(c, &v)| (c as u32) << 16 | v as u16 as u32),
            );
            let count = w.weights.len() - start;
            assert!(
                w.weights.len() < MAX_WEIGHTS,
                "a weight table too large for its slots"
            );
            w.slots[i] = fingerprint(key) << 32 | (start as u64) << 7 | count as u64;
        }
        w
    }

    pub fn classes(&self) -> usize {
        self.classes
    }

    /// Features with weights.
    pub fn len(&self) -> usize {
        self.slots.iter().filter(|&&k| k != 0).count()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Where a key's probe starts: the key's high bits scaled to the table (no power-of-two size needed).
    #[inline]
    fn home(&self, key: u64) -> usize {
        ((key as u128 * self.slots.len() as u128) >> 64) as usize
    }

    /// The weights of a feature (empty when it has none).
    #[inline]
    fn row(&self, key: u64) -> &[u32] {
        let mut i = self.home(key);
        let key = fingerprint(key);
        loop {
            let slot = self.slots[i];
            if slot >> 32 == key {
                let start = (slot >> 7 & (MAX_WEIGHTS as u64 - 1)) as usize;
                return &self.weights[start..start + (slot & 0x7f) as usize];
            }
            if slot == 0 {
                return &[];
            }
            i = if i + 1 == self.slots.len() { 0 } else { i + 1 };
        }
    }

    /// The features' summed weights per class, in `scores` (overwritten).
    pub fn score(&self, features: &[u64], scores: &mut [f32]) {
        let mut sums = [0i32; 64];
        for &f in features {
            for &cw in self.row(f) {
                sums[(cw >> 16) as usize & 63] += cw as u16 as i16 as i32;
            }
        }
        for (out, &s) in scores.iter_mut().zip(sums.iter()) {
            *out = s as f32 * self.scale;
        }
    }

    /// Appends the table to `out` (see `read`).
    pub fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(&(self.classes as u32).to_le_bytes());
        out.extend_from_slice(&self.scale.to_le_bytes());
        out.extend_from_slice(&(self.slots.len() as u64).to_le_bytes());
        out.extend_from_slice(&(self.weights.len() as u64).to_le_bytes());
        for k in &self.slots {
            out.extend_from_slice(&k.to_le_bytes());
        }
        for v in &self.weights {
            out.extend_from_slice(&v.to_le_bytes());
        }
    }

    /// Reads a table written by `write` from the front of `bytes`; returns it and the rest.
    pub fn read(bytes: &[u8]) -> Result<(Weights, &[u8]), String> {
        let mut r = super::model_file::Reader::new(bytes);
        let classes = r.u32()? as usize;
        let scale = f32::from_bits(r.u32()?);
        let capacity = r.u64()? as usize;
        let count = r.u64()? as usize;
        if classes == 0 || classes > 64 || capacity < 8 || count >= MAX_WEIGHTS {
            return Err(format!(
                "a weight table with {classes} classes, {capacity} slots and {count} weights"
            ));
        }
        let slots = r.u64s(capacity)?;
        let weights = r.u32s(count)?;
        let fits = |s: &u64| {
            let start = (s >> 7 & (MAX_WEIGHTS as u64 - 1)) as usize;
            start + (s & 0x7f) as usize <= count
        };
        if slots.iter().all(|&s| s != 0)
            || !slots.iter().all(fits)
            || weights.iter().any(|w| (w >> 16) as usize >= classes)
        {
            return Err("a weight table that points outside itself".to_string());
        }
        Ok((
            Weights {
                classes,
                scale,
                slots,
                weights,
            },
            r.rest(),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_learner_separates_two_classes_and_the_frozen_table_agrees() {
        let mut l = Learner::new(2);
        let data = [
            (vec![1u64, 10], 0usize),
            (vec![2, 10], 1),
            (vec![1, 11], 0),
            (vec![2, 11], 1),
        ];
        for _ in 0..5 {
            for (f, y) in &data {
                let mut s = [0.0; 2];
                l.score(f, &mut s);
                let guess = if s[1] > s[0] { 1 } else { 0 };
                l.update(f, *y, guess, 1.0);
                l.tick();
            }
        }
        let frozen = l.freeze();
        for (f, y) in &data {
            let mut s = [0.0; 2];
            frozen.score(f, &mut s);
            assert_eq!(if s[1] > s[0] { 1 } else { 0 }, *y, "{f:?}");
        }
        let mut bytes = Vec::new();
        frozen.write(&mut bytes);
        let (back, rest) = Weights::read(&bytes).unwrap();
        assert!(rest.is_empty());
        assert_eq!(back, frozen);
    }

    #[test]
    fn a_key_of_zero_is_still_found() {
        let w = Weights::build(1, 1.0, vec![(0, vec![5]), (8 << 40 | 8, vec![7])]);
        let mut s = [0.0];
        w.score(&[0], &mut s);
        assert_eq!(s[0], 5.0);
        w.score(&[8 << 40 | 8, 9], &mut s);
        assert_eq!(s[0], 7.0);
    }
}
