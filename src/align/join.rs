//! The greedy join over blocks of equal edges. Alignment joins claims best
//! edge first (score descending, then claim indices ascending), never
//! putting two claims of one source in a group. Claims of one class score
//! alike against everything, so the edges between two classes (or within
//! one) form a block of equal scores: the same quote in 800 reports is one
//! block of 320,000 edges. This walks the blocks in exactly the order the
//! edges would be walked, without listing them, and skips the rows of a
//! block that cannot join anything (see [`join`]); the result is the one
//! the full edge list gives.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashSet};

/// The edges between claims of class `rows` and later claims of class
/// `cols` (claim indices `i < j`, different sources), all scored `score`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Block {
    pub score: u64,
    pub rows: usize,
    pub cols: usize,
}

/// Groups of claims (union-find) with the sources each group holds.
struct Groups<'a> {
    parent: Vec<usize>,
    size: Vec<usize>,
    /// The sources of a root's group; `None` while the group is its root
    /// alone (whose source is `source[root]`).
    sources: Vec<Option<HashSet<usize>>>,
    source: &'a [usize],
}

impl<'a> Groups<'a> {
    fn new(source: &'a [usize]) -> Self {
        let n = source.len();
        Groups { parent: (0..n).collect(), size: vec![1; n], sources: vec![None; n], source }
    }

    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Whether two roots' groups share no source.
    fn disjoint(&self, x: usize, y: usize) -> bool {
        match (&self.sources[x], &self.sources[y]) {
            (None, None) => self.source[x] != self.source[y],
            (Some(s), None) => !s.contains(&self.source[y]),
            (None, Some(s)) => !s.contains(&self.source[x]),
            (Some(a), Some(b)) => {
                let (small, large) = if a.len() <= b.len() { (a, b) } else { (b, a) };
                small.iter().all(|s| !large.contains(s))
            }
        }
    }

    /// Join claims `i` and `j` when they are in different groups that share
    /// no source (the edge's whole effect).
    fn edge(&mut self, i: usize, j: usize) {
        let (x, y) = (self.find(i), self.find(j));
        if x == y || !self.disjoint(x, y) {
            return;
        }
        let (big, small) = if self.size[x] >= self.size[y] { (x, y) } else { (y, x) };
        let mut set = self.sources[big].take().unwrap_or_else(|| HashSet::from([self.source[big]]));
        match self.sources[small].take() {
            Some(s) => set.extend(s),
            None => {
                set.insert(self.source[small]);
            }
        }
        self.sources[big] = Some(set);
        self.parent[small] = big;
        self.size[big] += self.size[small];
    }
}

/// Where the walk of one block stands: row `r` (a claim of the row class),
/// column `c` (a claim of the column class, after it, of another source).
struct Cursor<'a> {
    rows: &'a [usize],
    cols: &'a [usize],
    r: usize,
    c: usize,
    /// Whether `c` is the first column of row `r` (the row is not started).
    fresh: bool,
    /// Rows walked in full so far.
    heads: Vec<usize>,
}

impl Cursor<'_> {
    /// The pair at or after the cursor, moving the cursor onto it.
    fn settle(&mut self, source: &[usize]) -> Option<(usize, usize)> {
        while self.r < self.rows.len() {
            let a = self.rows[self.r];
            if self.fresh {
                self.c = self.cols.partition_point(|&j| j <= a);
            }
            while self.c < self.cols.len() && source[self.cols[self.c]] == source[a] {
                self.c += 1;
            }
            if self.c < self.cols.len() {
                return Some((a, self.cols[self.c]));
            }
            self.r += 1;
            self.fresh = true;
        }
        None
    }
}

/// Walk the edges of `blocks` best first (score descending, then claim `i`,
/// then claim `j`), joining as the full edge list would, and return the
/// groups of more than one claim, each sorted. `members[k]` lists the
/// claims of class `k` in ascending order; `source[i]` is claim `i`'s source.
///
/// A row of a block can be skipped whole when its claim is already in the
/// group of an earlier row of the same block: that row met every column
/// first, and either joined it (so the pair is in one group now) or was
/// refused for a shared source (which groups never lose).
pub fn join(source: &[usize], members: &[Vec<usize>], blocks: &[Block]) -> Vec<Vec<usize>> {
    let mut groups = Groups::new(source);
    let mut order: Vec<&Block> = blocks.iter().collect();
    order.sort_by_key(|b| Reverse(b.score));
    for run in order.chunk_by(|a, b| a.score == b.score) {
        let mut cursors: Vec<Cursor> = run
            .iter()
            .map(|b| Cursor {
                rows: &members[b.rows],
                cols: &members[b.cols],
                r: 0,
                c: 0,
                fresh: true,
                heads: Vec::new(),
            })
            .collect();
        let mut heap: BinaryHeap<Reverse<(usize, usize, usize)>> = BinaryHeap::new();
        for (k, cur) in cursors.iter_mut().enumerate() {
            if let Some((i, j)) = cur.settle(source) {
                heap.push(Reverse((i, j, k)));
            }
        }
        while let Some(Reverse((i, j, k))) = heap.pop() {
            let cur = &mut cursors[k];
            if cur.fresh {
                let root = groups.find(i);
                if cur.heads.iter().any(|&h| groups.find(h) == root) {
                    cur.r += 1;
                } else {
                    cur.heads.push(i);
                    cur.fresh = false;
                    groups.edge(i, j);
                    cur.c += 1;
                }
            } else {
                groups.edge(i, j);
                cur.c += 1;
            }
            if let Some((i, j)) = cur.settle(source) {
                heap.push(Reverse((i, j, k)));
            }
        }
    }
    let mut by_root: Vec<Vec<usize>> = vec![Vec::new(); source.len()];
    for i in 0..source.len() {
        let r = groups.find(i);
        by_root[r].push(i);
    }
    by_root.into_iter().filter(|g| g.len() > 1).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The plain greedy join over a listed, sorted edge list.
    fn reference(source: &[usize], members: &[Vec<usize>], blocks: &[Block]) -> Vec<Vec<usize>> {
        let mut edges: Vec<(u64, usize, usize)> = Vec::new();
        for b in blocks {
            for &i in &members[b.rows] {
                for &j in &members[b.cols] {
                    if i < j && source[i] != source[j] {
                        edges.push((b.score, i, j));
                    }
                }
            }
        }
        edges.sort_by(|x, y| y.0.cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let mut group: Vec<usize> = (0..source.len()).collect();
        let mut sets: Vec<HashSet<usize>> = source.iter().map(|&s| HashSet::from([s])).collect();
        let mut list: Vec<Vec<usize>> = (0..source.len()).map(|i| vec![i]).collect();
        for (_, i, j) in edges {
            let (gi, gj) = (group[i], group[j]);
            if gi == gj || !sets[gi].is_disjoint(&sets[gj]) {
                continue;
            }
            let moved = std::mem::take(&mut list[gj]);
            for &m in &moved {
                group[m] = gi;
            }
            list[gi].extend(moved);
            let s = std::mem::take(&mut sets[gj]);
            sets[gi].extend(s);
        }
        let mut out: Vec<Vec<usize>> = list.into_iter().filter(|g| g.len() > 1).collect();
        for g in &mut out {
            g.sort_unstable();
        }
        out.sort();
        out
    }

    /// xorshift64*, enough for shuffling test inputs.
    fn rng(seed: u64) -> impl FnMut(usize) -> usize {
        let mut x = seed.wrapping_mul(0x9e37_79b9_7f4a_7c15) | 1;
        move |n| {
            x ^= x >> 12;
            x ^= x << 25;
            x ^= x >> 27;
            (x.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n
        }
    }

    #[test]
    fn block_walk_matches_the_listed_edges() {
        for seed in 1..400 {
            let mut r = rng(seed);
            let n = 2 + r(40);
            let sources = 1 + r(8);
            let source: Vec<usize> = (0..n).map(|_| r(sources)).collect();
            let classes = 1 + r(6);
            let mut members: Vec<Vec<usize>> = vec![Vec::new(); classes];
            for i in 0..n {
                members[r(classes)].push(i);
            }
            let mut blocks = Vec::new();
            for a in 0..classes {
                for b in 0..classes {
                    if r(3) > 0 {
                        // Few distinct scores, so blocks tie and interleave.
                        blocks.push(Block { score: r(4) as u64, rows: a, cols: b });
                    }
                }
            }
            let mut got = join(&source, &members, &blocks);
            got.sort();
            assert_eq!(got, reference(&source, &members, &blocks), "seed {seed}");
        }
    }
}
