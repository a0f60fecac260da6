//! The run's hashing: a fast seeded hash for its word and offset tables.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A word-at-a-time hash (the Fx hash of rustc, with a final mix), quick on
/// the short keys the run's tables hold: words, offsets. The tables take
/// their keys from untrusted text, so each process starts the hash from a
/// random seed and mixes every bit into the result: words chosen to share a
/// table slot in one run do not in the next. (Nothing iterates these tables:
/// the seed changes no output.)
pub struct Fx(u64);

/// This process's seed for [`Fx`].
pub(super) static FX_SEED: LazyLock<u64> = LazyLock::new(|| {
    use std::hash::BuildHasher;
    std::collections::hash_map::RandomState::new().hash_one(0x5eed_u64)
});

impl Default for Fx {
    fn default() -> Self {
        Fx(*FX_SEED)
    }
}

impl Fx {
    const SEED: u64 = 0x51_7c_c1_b7_27_22_0a_95;

    /// An [`Fx`] from a fixed seed, for a value that must be the same in
    /// every run.
    pub fn fixed() -> Self {
        Fx(0)
    }

    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(Self::SEED);
    }
}

impl Hasher for Fx {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let rest = chunks.remainder();
        if !rest.is_empty() {
            // Byte by byte: a copy of a variable length is a library call.
            let last = rest.iter().rev().fold(0u64, |v, &b| (v << 8) | u64::from(b));
            self.add(last ^ ((rest.len() as u64) << 59));
        }
    }

    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }

    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }

    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }

    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }

    fn finish(&self) -> u64 {
        // The finaliser of MurmurHash3: every bit of the state reaches the
        // low bits a table picks its slot by.
        let mut h = self.0;
        h ^= h >> 33;
        h = h.wrapping_mul(0xff51_afd7_ed55_8ccd);
        h ^= h >> 33;
        h = h.wrapping_mul(0xc4ce_b9fe_1a85_ec53);
        h ^ (h >> 33)
    }
}
