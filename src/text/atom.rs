//! Atoms: each word stored once per thread, and per-word memo tables.

#[allow(clippy::wildcard_imports)]
use super::*;

/// A word held by many claims (a stem, a context word). A run says a small
/// vocabulary thousands of times: each word is stored once (per thread, see
/// [`atom`]) and a claim holds a reference to it. Atoms compare by text.
pub type Atom = Arc<str>;

/// Most entries a per-thread table ([`atom`], [`remembered`]) keeps; past
/// this it starts afresh, so a long run's memory stays bounded.
pub(super) const KEPT_PER_THREAD: usize = 50_000;

/// Longest word the per-thread tables keep (a longer one, a run of letters
/// without spaces, is computed afresh each time it is met).
pub(super) const KEPT_WORD_BYTES: usize = 64;

/// The atom of `s`: the one this thread made before, or a new one.
pub fn atom(s: &str) -> Atom {
    thread_local! {
        static ATOMS: RefCell<HashSet<Atom, BuildHasherDefault<Fx>>> = RefCell::default();
    }
    if s.len() > KEPT_WORD_BYTES {
        return s.into();
    }
    ATOMS.with_borrow_mut(|set| {
        if let Some(a) = set.get(s) {
            return a.clone();
        }
        if set.len() >= KEPT_PER_THREAD {
            set.clear();
        }
        let a: Atom = s.into();
        set.insert(a.clone());
        a
    })
}

/// A hash map and set with [`Fx`] hashing (short keys, no adversary to
/// resist: the keys are the run's own words and offsets).
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fx>>;
pub type FastSet<K> = HashSet<K, BuildHasherDefault<Fx>>;

/// A per-thread table of a function's results by word (see [`remembered`]).
pub(crate) type Memo<T> = HashMap<Box<str>, T, BuildHasherDefault<Fx>>;

/// A per-thread table of results by text (a paragraph, a quote) holding at
/// most a budget of text bytes; past it, it starts afresh, so a long run's
/// memory stays bounded. Reports of one event, and versions of one
/// article, repeat paragraphs and quotes word for word.
pub(crate) struct TextMemo<T> {
    map: Memo<T>,
    bytes: usize,
}

impl<T> Default for TextMemo<T> {
    fn default() -> Self {
        TextMemo { map: Memo::default(), bytes: 0 }
    }
}

impl<T> TextMemo<T> {
    pub(crate) fn get(&self, text: &str) -> Option<&T> {
        self.map.get(text)
    }

    /// Remember `value` for `text`, within `budget` bytes of text in all.
    pub(crate) fn insert(&mut self, text: &str, value: T, budget: usize) {
        if self.bytes + text.len() > budget {
            self.map.clear();
            self.bytes = 0;
        }
        self.bytes += text.len();
        self.map.insert(text.into(), value);
    }
}

/// `f(w)`, remembered per word in `table` (on this thread): reports of one
/// event say the same words again and again.
pub(crate) fn remembered<T: Clone>(
    table: &'static std::thread::LocalKey<RefCell<Memo<T>>>,
    w: &str,
    f: impl FnOnce(&str) -> T,
) -> T {
    if w.len() > KEPT_WORD_BYTES {
        return f(w);
    }
    if let Some(v) = table.with_borrow(|memo| memo.get(w).cloned()) {
        return v;
    }
    let v = f(w);
    table.with_borrow_mut(|memo| {
        if memo.len() >= KEPT_PER_THREAD {
            memo.clear();
        }
        memo.insert(w.into(), v.clone());
    });
    v
}
