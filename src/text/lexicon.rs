//! Word lists as sets, looked up for every word of every document.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A word list as a set, for the lists consulted for every word of every
/// document, where a scan of a hundred entries per word adds up. Membership
/// is exactly that of the lists it is made of.
pub struct Lexicon {
    set: HashSet<&'static str, BuildHasherDefault<Fx>>,
    /// Bit `n` set when some entry is `n` bytes long (63: longer).
    lengths: u64,
    /// Bit [`Lexicon::head`] set for the first two bytes of each entry.
    heads: [u64; 16],
    /// Per last byte (five bits of it), bit `n` set when an entry of `n`
    /// bytes ends with it.
    tails: [u64; 32],
}

impl Lexicon {
    pub fn new(lists: &[&[&'static str]]) -> Self {
        let set: HashSet<&'static str, BuildHasherDefault<Fx>> =
            lists.iter().flat_map(|l| l.iter().copied()).collect();
        let mut lengths = 0;
        let mut heads = [0; 16];
        let mut tails = [0; 32];
        for w in &set {
            lengths |= 1 << w.len().min(63);
            let h = Self::head(w);
            heads[h / 64] |= 1 << (h % 64);
            tails[Self::tail(w)] |= 1 << w.len().min(63);
        }
        Lexicon { set, lengths, heads, tails }
    }

    /// A word's last byte, five bits of it.
    fn tail(w: &str) -> usize {
        usize::from(w.as_bytes().last().copied().unwrap_or(0) & 31)
    }

    /// A word's first two bytes, five bits each (entries that share them
    /// share the bit: it only rules words out).
    fn head(w: &str) -> usize {
        let b = w.as_bytes();
        let five = |i: usize| usize::from(b.get(i).copied().unwrap_or(0) & 31);
        (five(0) << 5) | five(1)
    }

    /// Whether `word` is in a list. Most words asked are not, and most of
    /// those are told apart by their length, first two bytes or last byte
    /// before hashing.
    pub fn contains(&self, word: &str) -> bool {
        let h = Self::head(word);
        let len = 1 << word.len().min(63);
        self.lengths & len != 0
            && self.heads[h / 64] & (1 << (h % 64)) != 0
            && self.tails[Self::tail(word)] & len != 0
            && self.set.contains(word)
    }
}
