//! Word boundaries and content words: what two claims' contexts share.

#[allow(clippy::wildcard_imports)]
use super::*;

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
pub(super) fn is_word(piece: &str) -> bool {
    piece.chars().any(|c| c.is_alphanumeric())
}

/// Word-break classes of ASCII characters (UAX #29).
#[derive(Clone, Copy, PartialEq, Eq)]
pub(super) enum Wb {
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
pub(super) fn wb_char(c: char) -> Option<Wb> {
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
pub(super) fn word_end(classes: &[(usize, Wb)], start: usize) -> Option<usize> {
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

pub(super) fn content_word(w: &str) -> Option<Atom> {
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
