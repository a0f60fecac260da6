//! Text normalisation shared by the stages: the cleaned display form of a span
//! (whitespace folded, line-break hyphenation rejoined), the folded comparison
//! form (case, diacritics, typographic quotes and dashes), and word tokens.

use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, LazyLock};

use unicode_normalization::{char::is_combining_mark, UnicodeNormalization};
use unicode_segmentation::UnicodeSegmentation;

/// The display form of `s`: each run of whitespace shown as one space, a word
/// hyphenated across a line break rejoined, a byte-order mark dropped.
///
/// The hyphen is kept (`conflict-` + `ridden` -> `conflict-ridden`) unless the
/// joined word occurs elsewhere in the document (`known`), which shows the
/// hyphen was only a line-break split.
///
/// ```
/// use claimdiff::text::clean;
/// assert_eq!(clean("a  deal to\nsend  troops", None), "a deal to send troops");
/// assert_eq!(clean("war-\n  torn", None), "war-torn");
/// ```
pub fn clean(s: &str, known: Option<&HashSet<String>>) -> String {
    clean_with(s, |w| known.is_some_and(|k| k.contains(w)))
}

/// [`clean`] with the known words as a predicate, so a caller can build the
/// word set only when a line-break hyphen asks for it.
pub(crate) fn clean_with(s: &str, known: impl Fn(&str) -> bool) -> String {
    if already_clean(s) {
        return s.to_string();
    }
    let mut out = String::with_capacity(s.len());
    let mut pending_space = false;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        if c == '\u{feff}' || c == '\u{ad}' {
            continue;
        }
        if c.is_whitespace() {
            pending_space = !out.is_empty();
            continue;
        }
        if c == '-' && !pending_space && out.chars().last().is_some_and(char::is_alphabetic) {
            if let Some(skip) = line_break_after(&s[i + 1..]) {
                let rest = &s[i + 1 + skip..];
                if rest.chars().next().is_some_and(char::is_lowercase) {
                    let left: String = word_suffix(&out);
                    let right: String = rest.chars().take_while(|c| c.is_alphabetic()).collect();
                    let joined = format!("{left}{right}").to_lowercase();
                    if !known(&joined) {
                        out.push('-');
                    }
                    while chars.peek().is_some_and(|(j, _)| *j < i + 1 + skip) {
                        chars.next();
                    }
                    continue;
                }
            }
        }
        if pending_space {
            out.push(' ');
            pending_space = false;
        }
        out.push(c);
    }
    out
}

/// If `s` starts with optional spaces, a line break and optional spaces,
/// the byte length of that run.
/// Whether [`clean`] leaves `s` as it is: no whitespace but single inner
/// spaces, no byte-order mark or soft hyphen (and so no line break for a
/// hyphen to be joined across). Most claims' text is one line.
fn already_clean(s: &str) -> bool {
    let bytes = s.as_bytes();
    if bytes.first() == Some(&b' ') || bytes.last() == Some(&b' ') {
        return false;
    }
    // Printable ASCII (most claim text) only needs its spaces single: two
    // passes without early exits, which the compiler vectorises.
    let printable = bytes.iter().fold(true, |ok, b| ok & (b' '..=b'~').contains(b));
    if printable {
        let next = bytes.get(1..).unwrap_or_default();
        return !bytes.iter().zip(next).fold(false, |twice, (a, b)| twice | (*a == b' ' && *b == b' '));
    }
    let mut prev_space = false;
    for (i, &b) in bytes.iter().enumerate() {
        if b.is_ascii() {
            if b == b' ' {
                if prev_space {
                    return false;
                }
                prev_space = true;
                continue;
            }
            if b.is_ascii_whitespace() || b == 0x0b {
                return false;
            }
        } else if b >= 0xC0 {
            let c = s[i..].chars().next().expect("a lead byte starts a char");
            if c.is_whitespace() || c == '\u{feff}' || c == '\u{ad}' {
                return false;
            }
        }
        prev_space = false;
    }
    true
}

fn line_break_after(s: &str) -> Option<usize> {
    let ws: usize = s.chars().take_while(|c| c.is_whitespace()).map(char::len_utf8).sum();
    s[..ws].contains('\n').then_some(ws)
}

fn word_suffix(s: &str) -> String {
    let mut w: Vec<char> = s.chars().rev().take_while(|c| c.is_alphabetic()).collect();
    w.reverse();
    w.into_iter().collect()
}

/// Lower-case words of a document, for [`clean`]'s hyphenation decision.
pub fn word_set(text: &str) -> HashSet<String> {
    text.unicode_words().map(str::to_lowercase).collect()
}

/// The comparison form: lower case, diacritics removed, typographic quotes,
/// apostrophes and dashes folded to plain ones.
///
/// ```
/// use claimdiff::text::fold;
/// assert_eq!(fold("Korvin’s “deal” — ok"), "korvin's \"deal\" - ok");
/// ```
pub fn fold(s: &str) -> String {
    if s.is_ascii() {
        // NFKD, combining marks and the typographic table leave ASCII alone
        // except for case and the backtick.
        let lower = s.to_ascii_lowercase();
        return if lower.contains('`') { lower.replace('`', "'") } else { lower };
    }
    let mut out = String::with_capacity(s.len());
    for c in s.nfkd().filter(|c| !is_combining_mark(*c)).flat_map(char::to_lowercase) {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
            '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
            '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
            '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
            c => c,
        };
        // Letters NFKD does not decompose.
        match c {
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ł' => out.push('l'),
            'đ' | 'ð' => out.push('d'),
            'ı' => out.push('i'),
            'þ' => out.push_str("th"),
            c => out.push(c),
        }
    }
    out
}

/// What separates a token from the one before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Break {
    None,
    /// a comma, colon or dash
    Clause,
    /// a full stop, question or exclamation mark, semicolon
    Sentence,
    /// a marked elision (`...`, `…`, `[...]`) or a bracketed editorial insertion
    Gap,
}

/// A word of a quote: as written, and in comparison form. Both are one
/// [`Atom`] (a run holds every word of every quote of every source, and
/// the sources quote the same words), the comparison form shared with the
/// written one when they are equal.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Token {
    /// The written form, then the comparison form unless `same`.
    buf: Atom,
    /// Length of the written form in `buf`.
    text_len: u32,
    /// Whether the comparison form is the written one (it can also be
    /// empty: a piece of combining marks only).
    same: bool,
    pub brk: Break,
}

impl Token {
    pub fn new(text: &str, norm: &str, brk: Break) -> Self {
        let same = text == norm;
        let buf = if same { atom(text) } else { atom(&[text, norm].concat()) };
        let text_len = u32::try_from(text.len()).expect("a word under 4 GB");
        Token { buf, text_len, same, brk }
    }
    /// The word as written.
    pub fn text(&self) -> &str {
        &self.buf[..self.text_len as usize]
    }
    /// The comparison form (see [`tokens`]).
    pub fn norm(&self) -> &str {
        if self.same {
            self.text()
        } else {
            &self.buf[self.text_len as usize..]
        }
    }
}

/// Words of `s` with the punctuation that separates them.
///
/// ```
/// use claimdiff::text::{tokens, Break};
/// let t = tokens("We act, [the army] … now 20 per cent.");
/// let norms: Vec<_> = t.iter().map(|t| t.norm()).collect();
/// assert_eq!(norms, ["we", "act", "now", "20", "percent"]);
/// assert_eq!(t[2].brk, Break::Gap);
/// ```
pub fn tokens(s: &str) -> Vec<Token> {
    // About one word per six bytes of a quote.
    let mut out: Vec<Token> = Vec::with_capacity(s.len() / 6 + 1);
    // The comparison form of the current word, built in one buffer.
    let mut norm = String::new();
    let mut brk = Break::None;
    let mut depth = 0usize;
    let mut dots = 0usize;
    for (_, piece) in word_bounds(s) {
        // Brackets, and parentheses inside a quote, hold the editor's words.
        if piece == "[" || piece == "(" {
            depth += 1;
            brk = Break::Gap;
            continue;
        }
        if piece == "]" || piece == ")" {
            depth = depth.saturating_sub(1);
            continue;
        }
        if depth > 0 {
            continue;
        }
        if piece == "." {
            dots += 1;
            if dots >= 2 {
                brk = Break::Gap;
            } else if brk != Break::Gap {
                brk = Break::Sentence;
            }
            continue;
        }
        if !piece.trim().is_empty() {
            dots = 0;
        }
        match piece {
            "…" => brk = Break::Gap,
            "!" | "?" | ";" if brk != Break::Gap => brk = Break::Sentence,
            "," | ":" | "—" | "–" | "―" if brk == Break::None => brk = Break::Clause,
            "&" => push(&mut out, "&", "and", &mut brk),
            "%" => push(&mut out, "%", "percent", &mut brk),
            "$" | "€" | "£" | "¥" => push(&mut out, piece, &fold(piece), &mut brk),
            _ if piece.chars().any(char::is_alphanumeric) => {
                norm.clear();
                if piece.is_ascii() {
                    // `fold` of ASCII is lower case.
                    norm.extend(
                        piece
                            .bytes()
                            .filter(u8::is_ascii_alphanumeric)
                            .map(|b| char::from(b.to_ascii_lowercase())),
                    );
                } else {
                    norm.extend(fold(piece).chars().filter(|c| c.is_alphanumeric()));
                }
                if norm == "cent" && out.last().is_some_and(|t| t.norm() == "per") {
                    let last = out.last_mut().expect("checked");
                    *last = Token::new(&format!("{} cent", last.text()), "percent", last.brk);
                    continue;
                }
                push(&mut out, piece, &norm, &mut brk);
            }
            _ => {}
        }
    }
    out.shrink_to_fit();
    out
}

fn push(out: &mut Vec<Token>, text: &str, norm: &str, brk: &mut Break) {
    out.push(Token::new(text, norm, *brk));
    *brk = Break::None;
}

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

/// A word-at-a-time hash (the Fx hash of rustc, with a final mix), quick on
/// the short keys the run's tables hold: words, offsets. The tables take
/// their keys from untrusted text, so each process starts the hash from a
/// random seed and mixes every bit into the result: words chosen to share a
/// table slot in one run do not in the next. (Nothing iterates these tables:
/// the seed changes no output.)
pub struct Fx(u64);

/// This process's seed for [`Fx`].
static FX_SEED: LazyLock<u64> = LazyLock::new(|| {
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

/// [`crate::words::STOPWORDS`] as a set.
pub static STOPWORDS: LazyLock<Lexicon> = LazyLock::new(|| Lexicon::new(&[crate::words::STOPWORDS]));

/// Content words of `s` (folded, stopwords and numbers dropped, plural `s`
/// trimmed), for comparing the context two claims share.
pub fn content_words(s: &str) -> Vec<Atom> {
    word_bounds(s).filter(|(_, w)| is_word(w)).filter_map(|(_, w)| content_word(w)).collect()
}

/// [`content_words`] with the byte offset of each in `s`.
pub(crate) fn content_word_indices(s: &str) -> Vec<(usize, Atom)> {
    word_bounds(s).filter(|(_, w)| is_word(w)).filter_map(|(i, w)| Some((i, content_word(w)?))).collect()
}

/// The pieces of `s` between Unicode word boundaries (UAX #29), with their
/// offsets: `split_word_bounds`, with text of ASCII and news typography
/// (curly quotes, dashes, ellipses) split by hand, since the general
/// algorithm costs several times more. The tests hold the two to the same
/// pieces.
pub(crate) fn word_bounds(s: &str) -> impl Iterator<Item = (usize, &str)> {
    // Sized once for a quote-sized text: collecting into an `Option` knows
    // no length and grew the list a doubling at a time.
    let mut classes: Vec<(usize, Wb)> = Vec::with_capacity(s.len().min(4096));
    let mut general = None;
    for (i, c) in s.char_indices() {
        let Some(class) = wb_char(c) else {
            general = Some(s.split_word_bound_indices());
            classes = Vec::new();
            break;
        };
        classes.push((i, class));
    }
    let mut at = 0;
    std::iter::from_fn(move || {
        if let Some(g) = general.as_mut() {
            return g.next();
        }
        let start = at;
        at = word_end(&classes, start)?;
        let from = classes[start].0;
        let to = classes.get(at).map_or(s.len(), |c| c.0);
        Some((from, &s[from..to]))
    })
}

/// Whether a piece of [`word_bounds`] is a word (`unicode_words` keeps those
/// with a letter or a digit).
fn is_word(piece: &str) -> bool {
    piece.chars().any(|c| c.is_alphanumeric())
}

/// Word-break classes of ASCII characters (UAX #29).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Wb {
    Cr,
    Lf,
    Newline,
    Space,
    Letter,
    Numeric,
    MidLetter,
    MidNum,
    MidNumLet,
    SingleQuote,
    ExtendNumLet,
    Other,
}

/// The word-break class of an ASCII character or of the typography news
/// copy uses; `None` for any other character (the general algorithm then
/// splits the text).
fn wb_char(c: char) -> Option<Wb> {
    Some(match c {
        '\r' => Wb::Cr,
        '\n' => Wb::Lf,
        '\u{b}' | '\u{c}' => Wb::Newline,
        ' ' => Wb::Space,
        'a'..='z' | 'A'..='Z' => Wb::Letter,
        '0'..='9' => Wb::Numeric,
        ':' => Wb::MidLetter,
        ',' | ';' => Wb::MidNum,
        '.' | '‘' | '’' => Wb::MidNumLet,
        '\'' => Wb::SingleQuote,
        '_' => Wb::ExtendNumLet,
        '“' | '”' | '—' | '–' | '…' => Wb::Other,
        c if c.is_ascii() => Wb::Other,
        _ => return None,
    })
}

/// The end (an index into `classes`) of the word-bound piece starting at
/// `classes[start]` (`None` at the end): the first position where UAX #29
/// allows a break.
fn word_end(classes: &[(usize, Wb)], start: usize) -> Option<usize> {
    if start >= classes.len() {
        return None;
    }
    let class = |i: usize| classes.get(i).map(|c| c.1);
    let mid_letter = |c: Wb| matches!(c, Wb::MidLetter | Wb::MidNumLet | Wb::SingleQuote);
    let mid_num = |c: Wb| matches!(c, Wb::MidNum | Wb::MidNumLet | Wb::SingleQuote);
    let mut i = start + 1;
    while i < classes.len() {
        let (prev, cur) = (classes[i - 1].1, classes[i].1);
        let before = if i >= start + 2 { class(i - 2) } else { None };
        let after = class(i + 1);
        let joined = match (prev, cur) {
            (Wb::Cr, Wb::Lf) => true,
            (Wb::Cr | Wb::Lf | Wb::Newline, _) | (_, Wb::Cr | Wb::Lf | Wb::Newline) => false,
            (Wb::Space, Wb::Space) => true,
            (Wb::Letter | Wb::Numeric, Wb::Letter | Wb::Numeric) => true,
            (Wb::Letter, m) if mid_letter(m) => after == Some(Wb::Letter),
            (m, Wb::Letter) if mid_letter(m) && before == Some(Wb::Letter) => true,
            (Wb::Numeric, m) if mid_num(m) => after == Some(Wb::Numeric),
            (m, Wb::Numeric) if mid_num(m) && before == Some(Wb::Numeric) => true,
            (Wb::Letter | Wb::Numeric | Wb::ExtendNumLet, Wb::ExtendNumLet) => true,
            (Wb::ExtendNumLet, Wb::Letter | Wb::Numeric) => true,
            _ => false,
        };
        if !joined {
            break;
        }
        i += 1;
    }
    Some(i)
}

fn content_word(w: &str) -> Option<Atom> {
    thread_local! {
        static CONTENT: RefCell<Memo<Option<Atom>>> = RefCell::default();
    }
    remembered(&CONTENT, w, |w| {
        let w = fold(w);
        let keep = w.chars().count() > 2
            && !w.chars().all(|c| c.is_ascii_digit() || c == ',')
            && !STOPWORDS.contains(&w);
        keep.then(|| atom(&lemma(&w)))
    })
}

/// Whether ASCII word boundaries are the Unicode ones in `s`: each of its
/// non-ASCII characters is punctuation, a space or a currency sign (curly
/// quotes, dashes, `…`, `€`), never a word character.
pub fn ascii_boundaries_suffice(s: &str) -> bool {
    s.chars().all(|c| {
        c.is_ascii()
            || (!c.is_alphanumeric()
                && matches!(c, '\u{a0}'..='\u{bf}' | '\u{2000}'..='\u{206f}' | '\u{20a0}'..='\u{20cf}')
                && !matches!(c, '\u{200c}' | '\u{200d}' | '\u{203f}' | '\u{2040}' | '\u{2054}'))
    })
}

/// A word held by many claims (a stem, a context word). A run says a small
/// vocabulary thousands of times: each word is stored once (per thread, see
/// [`atom`]) and a claim holds a reference to it. Atoms compare by text.
pub type Atom = Arc<str>;

/// Most entries a per-thread table ([`atom`], [`remembered`]) keeps; past
/// this it starts afresh, so a long run's memory stays bounded.
const KEPT_PER_THREAD: usize = 50_000;

/// Longest word the per-thread tables keep (a longer one, a run of letters
/// without spaces, is computed afresh each time it is met).
const KEPT_WORD_BYTES: usize = 64;

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

/// A crude singular: enough to make "fighters" and "fighter" one key.
///
/// ```
/// use claimdiff::text::lemma;
/// assert_eq!(lemma("fighters"), "fighter");
/// assert_eq!(lemma("casualties"), "casualty");
/// assert_eq!(lemma("news"), "news");
/// ```
pub fn lemma(w: &str) -> String {
    let w = w.trim_end_matches("'s").trim_end_matches('\'');
    if w.len() > 4 && w.ends_with("ies") {
        return format!("{}y", &w[..w.len() - 3]);
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && w != "news" {
        return w[..w.len() - 1].to_string();
    }
    w.to_string()
}

/// Replace control characters (ANSI escapes among them) with visible
/// `\u{..}` escapes, so source text cannot act on a terminal or a CI log.
///
/// ```
/// use claimdiff::text::neutralize;
/// assert_eq!(neutralize("a\u{1b}[31mb"), "a\\u{1b}[31mb");
/// ```
pub fn neutralize(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if c.is_control()
            || matches!(c, '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
        {
            out.push_str(&format!("\\u{{{:x}}}", c as u32));
        } else {
            out.push(c);
        }
    }
    out
}

/// The first `n` characters of `s`.
pub(crate) fn first_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// The last `n` characters of `s`.
pub(crate) fn last_chars(s: &str, n: usize) -> &str {
    match n.checked_sub(1).and_then(|k| s.char_indices().rev().nth(k)) {
        Some((i, _)) => &s[i..],
        None => s,
    }
}

/// Extra characters folded beyond what a check reads, so that a character
/// folding to whitespace cannot starve it.
const FOLD_MARGIN: usize = 16;

/// `fold(s)` as far as a check of its last `min` bytes (after trailing
/// whitespace) and the character before them needs: the fold of a tail of
/// `s`, or of all of it. [`fold`] works character by character, so it can
/// be cut before any ASCII character (a figure in a 50,000-number sentence
/// would otherwise fold the whole sentence before it).
pub(crate) fn fold_tail(s: &str, min: usize) -> String {
    let body = s.trim_end();
    let mut seen = 0;
    let mut cut = 0;
    for (i, c) in body.char_indices().rev() {
        seen += 1;
        if seen > min + FOLD_MARGIN && c.is_ascii() {
            cut = i;
            break;
        }
    }
    if cut > 0 {
        let f = fold(&s[cut..]);
        if f.trim_end().len() > min {
            return f;
        }
    }
    fold(s)
}

/// `fold(s)` as far as a check of its first `min` bytes (after leading
/// whitespace) and the character after them needs (see [`fold_tail`]).
pub(crate) fn fold_head(s: &str, min: usize) -> String {
    let lead = s.len() - s.trim_start().len();
    let mut seen = 0;
    let cut = s[lead..].char_indices().map(|(i, c)| (lead + i, c)).find(|&(_, c)| {
        seen += 1;
        seen > min + FOLD_MARGIN + 1 && c.is_ascii()
    });
    if let Some((cut, _)) = cut {
        let f = fold(&s[..cut]);
        if f.trim_start().len() > min {
            return f;
        }
    }
    fold(s)
}

/// Test that `ascii`, a pattern with ASCII word boundaries, captures exactly
/// what `unicode` does on every generated text where
/// [`ascii_boundaries_suffice`] (and that most texts qualify).
#[cfg(test)]
pub(crate) fn assert_ascii_variant_agrees(
    ascii: &regex::Regex,
    unicode: &regex::Regex,
    pieces: &[&str],
    len: usize,
) {
    let spans = |re: &regex::Regex, s: &str| -> Vec<Vec<Option<(usize, usize)>>> {
        re.captures_iter(s).map(|c| c.iter().map(|m| m.map(|m| (m.start(), m.end()))).collect()).collect()
    };
    let mut checked = 0;
    for s in test_texts(pieces, 20_000, len) {
        if ascii_boundaries_suffice(&s) {
            checked += 1;
            assert_eq!(spans(ascii, &s), spans(unicode, &s), "{s:?}");
        }
    }
    assert!(checked > 10_000, "{checked}");
}

/// Pseudo-random texts for tests that hold a fast path to the general one:
/// `count` strings of `len` pieces each, drawn from `pieces` (xorshift,
/// fixed seed: the same strings every run).
#[cfg(test)]
pub(crate) fn test_texts(pieces: &[&str], count: usize, len: usize) -> Vec<String> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    (0..count).map(|_| (0..len).map(|_| pieces[(next() % pieces.len() as u64) as usize]).collect()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A lexicon holds exactly its lists' words: every entry, and no probe
    /// that is not one (near misses by length, first bytes and last byte).
    #[test]
    fn lexicon_membership_is_the_lists() {
        use crate::words::{NON_NAME_CAPITALS, TITLE_WORDS};
        let lex = Lexicon::new(&[TITLE_WORDS, NON_NAME_CAPITALS]);
        let listed = |w: &str| TITLE_WORDS.contains(&w) || NON_NAME_CAPITALS.contains(&w);
        let mut probes: Vec<String> = vec![String::new(), "é".into(), "x".repeat(70)];
        for w in TITLE_WORDS.iter().chain(NON_NAME_CAPITALS) {
            probes.push((*w).to_string());
            probes.push(format!("{w}s"));
            probes.push(w[..w.len() - 1].to_string());
            probes.push(w[1..].to_string());
            probes.push(w.to_uppercase());
            probes.push(format!("{w}\u{e9}"));
        }
        probes.extend(test_texts(&["a", "m", "in", "ster", "e", "é", "’", "the"], 3000, 3));
        let mut hits = 0;
        for p in &probes {
            assert_eq!(lex.contains(p), listed(p), "{p:?}");
            hits += usize::from(listed(p));
        }
        assert!(hits >= TITLE_WORDS.len(), "{hits}");
    }

    /// A piece of combining marks only folds to an empty comparison form,
    /// which a token keeps (it is not its written form).
    #[test]
    fn empty_comparison_form_stays_empty() {
        let t = tokens("abc \u{93f}def");
        assert!(t.iter().any(|t| t.norm().is_empty() && !t.text().is_empty()), "{t:?}");
        let t = Token::new(" \u{64e}", "", Break::None);
        assert_eq!((t.text(), t.norm()), (" \u{64e}", ""));
    }

    /// What [`already_clean`] passes, the full cleaning leaves as it is.
    #[test]
    fn already_clean_text_is_what_clean_leaves_alone() {
        let alphabet: Vec<char> = "ab -\n\t\u{a0}\u{feff}\u{ad}’\u{2009}é".chars().collect();
        let mut stack = vec![String::new()];
        let mut passed = 0;
        while let Some(s) = stack.pop() {
            if already_clean(&s) {
                passed += 1;
                assert_eq!(clean(&s, None), s, "{s:?}");
            }
            if s.chars().count() < 5 {
                for c in &alphabet {
                    stack.push(format!("{s}{c}"));
                }
            }
        }
        assert!(passed > 1_000, "{passed}");
    }

    /// [`word_bounds`] splits ASCII text exactly as `split_word_bounds`:
    /// every string of up to four characters over an alphabet with a
    /// character of each word-break class (and one the fast path leaves to
    /// the general algorithm), and long pseudo-random ones.
    #[test]
    fn ascii_word_bounds_match_the_general_algorithm() {
        let alphabet: Vec<char> = "aZ7:.,;'_ \r\n\u{b}\t-\"(‘’“”—–…é".chars().collect();
        let check = |s: &str| {
            let ours: Vec<(usize, &str)> = word_bounds(s).collect();
            let theirs: Vec<(usize, &str)> = s.split_word_bound_indices().collect();
            assert_eq!(ours, theirs, "{s:?}");
        };
        let mut stack = vec![String::new()];
        while let Some(s) = stack.pop() {
            check(&s);
            if s.chars().count() < 4 {
                for c in &alphabet {
                    stack.push(format!("{s}{c}"));
                }
            }
        }
        let chars: Vec<String> = alphabet.iter().map(char::to_string).collect();
        let pieces: Vec<&str> = chars.iter().map(String::as_str).collect();
        for s in test_texts(&pieces, 5_000, 40) {
            check(&s);
        }
    }

    #[test]
    fn clean_drops_hyphen_when_the_joined_word_is_known() {
        let known: HashSet<String> = ["negotiations".to_string()].into();
        assert_eq!(clean("nego-\ntiations began", Some(&known)), "negotiations began");
    }

    /// The straightforward form of [`fold`] the fast paths must agree with.
    fn fold_reference(s: &str) -> String {
        s.nfkd()
            .filter(|c| !is_combining_mark(*c))
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                '\u{2018}' | '\u{2019}' | '\u{201a}' | '\u{201b}' | '\u{2032}' | '`' | '\u{b4}' => '\'',
                '\u{201c}' | '\u{201d}' | '\u{201e}' | '\u{201f}' | '\u{ab}' | '\u{bb}' | '\u{2033}' => '"',
                '\u{2010}'..='\u{2015}' | '\u{2212}' => '-',
                '\u{a0}' | '\u{202f}' | '\u{2009}' => ' ',
                c => c,
            })
            .flat_map(|c| match c {
                'ø' => vec!['o'],
                'æ' => vec!['a', 'e'],
                'œ' => vec!['o', 'e'],
                'ß' => vec!['s', 's'],
                'ł' => vec!['l'],
                'đ' | 'ð' => vec!['d'],
                'ı' => vec!['i'],
                'þ' => vec!['t', 'h'],
                _ => vec![c],
            })
            .collect()
    }

    #[test]
    fn fold_fast_paths_match_the_reference() {
        let samples = [
            "Plain ASCII, with `backticks` and UPPER case 1,000!",
            "Korvin’s “deal” — ok",
            "ØRSTED Æsir Œuvre Straße Łódź Đorđe ıI Þór",
            "ﬁ ½ Ａ \u{a0}\u{202f}\u{2009}\u{2212}\u{2010}\u{b4}\u{2033}",
            "e\u{301} İstanbul ΣΑΣ",
            "",
        ];
        for s in samples {
            assert_eq!(fold(s), fold_reference(s), "{s:?}");
        }
        let all: String = (0u32..0x3000).filter_map(char::from_u32).collect();
        assert_eq!(fold(&all), fold_reference(&all));
    }

    #[test]
    fn partial_folds_agree_with_the_whole() {
        let unit = "Ab\u{a8} \u{301}É ß\u{37a}  x,\u{a0}Σ ";
        for n in 0..60 {
            let s: String = unit.chars().cycle().skip(n % 7).take(n * 3).collect();
            for min in [0, 3, 9] {
                let (whole, tail, head) = (fold(&s), fold_tail(&s, min), fold_head(&s, min));
                assert!(whole.ends_with(&tail) && (tail == whole || tail.trim_end().len() > min), "{s:?}");
                assert!(
                    whole.starts_with(&head) && (head == whole || head.trim_start().len() > min),
                    "{s:?}"
                );
            }
        }
        assert_eq!(last_chars("abcdef", 2), "ef");
        assert_eq!(first_chars("aé€d", 3), "aé€");
        assert_eq!(last_chars("ab", 5), "ab");
    }

    #[test]
    fn tokens_fold_typography() {
        let a: Vec<_> = tokens("“Don’t go,” al-Qaeda").iter().map(|t| t.norm().to_string()).collect();
        let b: Vec<_> = tokens("\"Don't go,\" al Qaeda").iter().map(|t| t.norm().to_string()).collect();
        assert_eq!(a, b);
    }

    #[test]
    fn sentence_breaks_are_recorded() {
        let t = tokens("We stay. We fight, now");
        assert_eq!(t[2].brk, Break::Sentence);
        assert_eq!(t[4].brk, Break::Clause);
    }
}
