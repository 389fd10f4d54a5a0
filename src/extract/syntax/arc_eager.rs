//! The arc-eager transition system (Nivre 2003) that the parser walks: a stack, a buffer and the arcs made
//! so far, changed by four moves, with the dynamic oracle of Goldberg and Nivre (2012), which says from
//! any configuration, even a wrong one, which moves still lose no reachable gold arc.
//!
//! Words are numbered from 1; 0 is the root, at the bottom of the stack. A sentence has one root word:
//! the root takes one right-arc. Words left without a head at the end go to the root word (`finish`).

/// A move.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer's front onto the stack.
    Shift = 0,
    /// Pop the stack's top, which has its head.
    Reduce = 1,
    /// The buffer's front becomes the head of the stack's top, which is popped.
    Left = 2,
    /// The stack's top becomes the head of the buffer's front, which is pushed.
    Right = 3,
}

pub const MOVES: [Move; 4] = [Move::Shift, Move::Reduce, Move::Left, Move::Right];

pub const NONE: u32 = u32::MAX;

/// A parser configuration.
#[derive(Debug, Clone)]
pub struct State {
    /// Words in the sentence (the root not counted).
    pub n: u32,
    pub stack: Vec<u32>,
    /// The buffer's front; the buffer is `front..=n`.
    pub front: u32,
    /// Each node's head (`NONE` while it has none); index 0 is the root.
    pub heads: Vec<u32>,
    /// Leftmost and second leftmost dependents.
    pub left: Vec<[u32; 2]>,
    /// Rightmost and second rightmost dependents.
    pub right: Vec<[u32; 2]>,
    pub left_count: Vec<u8>,
    pub right_count: Vec<u8>,
}

impl State {
    pub fn new(n: usize) -> State {
        let n1 = n + 1;
        State {
            n: n as u32,
            stack: vec![0],
            front: 1,
            heads: vec![NONE; n1],
            left: vec![[NONE; 2]; n1],
            right: vec![[NONE; 2]; n1],
            left_count: vec![0; n1],
            right_count: vec![0; n1],
        }
    }

    pub fn done(&self) -> bool {
        self.front > self.n
    }

    pub fn s0(&self) -> u32 {
        *self.stack.last().expect("the root never leaves the stack")
    }

    pub fn valid(&self, m: Move) -> bool {
        let s0 = self.s0();
        let buffer = !self.done();
        match m {
            Move::Shift => buffer,
            Move::Reduce => s0 != 0 && self.heads[s0 as usize] != NONE,
            Move::Left => buffer && s0 != 0 && self.heads[s0 as usize] == NONE,
            Move::Right => buffer && (s0 != 0 || self.right_count[0] == 0),
        }
    }

    fn attach(&mut self, head: u32, dep: u32) {
        self.heads[dep as usize] = head;
        let h = head as usize;
        if dep < head {
            let l = &mut self.left[h];
            if l[0] == NONE || dep < l[0] {
                *l = [dep, l[0]];
            } else if l[1] == NONE || dep < l[1] {
                l[1] = dep;
            }
            self.left_count[h] = self.left_count[h].saturating_add(1);
        } else {
            let r = &mut self.right[h];
            if r[0] == NONE || dep > r[0] {
                *r = [dep, r[0]];
            } else if r[1] == NONE || dep > r[1] {
                r[1] = dep;
            }
            self.right_count[h] = self.right_count[h].saturating_add(1);
        }
    }

    pub fn apply(&mut self, m: Move) {
        let b = self.front;
        match m {
            Move::Shift => {
                self.stack.push(b);
                self.front += 1;
            }
            Move::Reduce => {
                self.stack.pop();
            }
            Move::Left => {
                let s = self.stack.pop().expect("Left needs a word on the stack");
                self.attach(b, s);
            }
            Move::Right => {
                self.attach(self.s0(), b);
                self.stack.push(b);
                self.front += 1;
            }
        }
    }

    /// The heads once the buffer is empty: every word still without one goes to the root word (or, when
    /// none was found, the first such word becomes it). Index 0 of the result is word 1's head.
    pub fn finish(mut self) -> Vec<u32> {
        let mut root = self.right[0][0];
        for w in 1..=self.n {
            if self.heads[w as usize] == NONE {
                if root == NONE {
                    root = w;
                    self.heads[w as usize] = 0;
                } else {
                    self.heads[w as usize] = root;
                }
            }
        }
        self.heads.split_off(1)
    }

    /// How many gold arcs `m` makes unreachable. `gold[w]` is word w's gold head (index 0 unused), and the
    /// gold tree must be projective.
    pub fn cost(&self, m: Move, gold: &[u32]) -> u32 {
        let s0 = self.s0();
        let b = self.front;
        let n = self.n;
        let in_buffer = |k: u32| k >= b && k <= n;
        let headless = |k: u32| self.heads[k as usize] == NONE;
        // Gold dependents of `h` in the buffer from `from` on.
        let deps_in_buffer = |h: u32, from: u32| (from..=n).filter(|&k| gold[k as usize] == h).count() as u32;
        // Gold dependents of `h` on the stack still without a head.
        let deps_on_stack = |h: u32| self.stack.iter().filter(|&&k| k != 0 && headless(k) && gold[k as usize] == h).count() as u32;
        match m {
            Move::Left => {
                let g = gold[s0 as usize];
                (g != b && in_buffer(g)) as u32 + deps_in_buffer(s0, b)
            }
            Move::Right => {
                let g = gold[b as usize];
                let head_lost = g != s0 && (self.stack.contains(&g) || g > b && g <= n);
                head_lost as u32 + deps_on_stack(b)
            }
            Move::Reduce => deps_in_buffer(s0, b),
            Move::Shift => {
                let g = gold[b as usize];
                self.stack.contains(&g) as u32 + deps_on_stack(b)
            }
        }
    }
}

/// The gold heads made projective by lifting each crossing arc to its head's head until none crosses
/// (the parser can only build projective trees; the few crossing arcs in the treebanks are lost either
/// way). `heads[i]` is word i+1's head; the result is indexed the same way.
pub fn projectivize(heads: &[u32]) -> Vec<u32> {
    let mut h: Vec<u32> = std::iter::once(0).chain(heads.iter().copied()).collect();
    let dominates = |h: &[u32], a: u32, mut k: u32| {
        let mut steps = 0;
        while k != 0 && k != a && steps <= h.len() {
            k = h[k as usize];
            steps += 1;
        }
        k == a
    };
    loop {
        let mut changed = false;
        for d in 1..h.len() as u32 {
            let head = h[d as usize];
            let (lo, hi) = (d.min(head), d.max(head));
            if (lo + 1..hi).any(|k| !dominates(&h, head, k)) && head != 0 {
                h[d as usize] = h[head as usize];
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    h.split_off(1)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows zero-cost moves only (preferring the first) and returns the heads built.
    fn oracle_parse(gold_heads: &[u32]) -> Vec<u32> {
        let gold: Vec<u32> = std::iter::once(0).chain(gold_heads.iter().copied()).collect();
        let mut s = State::new(gold_heads.len());
        while !s.done() {
            let m = MOVES.into_iter().find(|&m| s.valid(m) && s.cost(m, &gold) == 0).expect("a zero-cost move");
            s.apply(m);
        }
        s.finish()
    }

    #[test]
    fn the_oracle_rebuilds_projective_trees() {
        // "The envoy met the minister in Cairo ." (heads of words 1..8)
        let tree = [2, 3, 0, 5, 3, 7, 3, 3];
        assert_eq!(oracle_parse(&tree), tree);
        // A single word, and a left-branching chain.
        assert_eq!(oracle_parse(&[0]), [0]);
        assert_eq!(oracle_parse(&[2, 3, 4, 0]), [2, 3, 4, 0]);
    }

    #[test]
    fn after_a_wrong_move_the_oracle_keeps_every_arc_still_reachable() {
        let tree = [2, 3, 0, 5, 3, 7, 3, 3];
        let gold: Vec<u32> = std::iter::once(0).chain(tree).collect();
        let mut s = State::new(tree.len());
        // Shift twice: word 1's head (2) is then below it on the stack: one arc lost, no more.
        s.apply(Move::Shift);
        assert_eq!(s.cost(Move::Shift, &gold), 1);
        s.apply(Move::Shift);
        while !s.done() {
            let m = MOVES.into_iter().find(|&m| s.valid(m) && s.cost(m, &gold) == 0).unwrap();
            s.apply(m);
        }
        let heads = s.finish();
        let wrong = heads.iter().zip(tree).filter(|(a, b)| **a != *b).count();
        assert_eq!(wrong, 1, "{heads:?}");
    }

    #[test]
    fn crossing_arcs_are_lifted() {
        // Word 1 hangs on word 3 across word 2, whose head is 4 (outside the arc): lifted to 3's head.
        let p = projectivize(&[3, 4, 4, 0]);
        assert_eq!(p, [4, 4, 4, 0]);
        assert_eq!(projectivize(&[2, 3, 0]), [2, 3, 0]);
    }
}
