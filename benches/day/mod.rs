//! A seeded day of copy for `claimdiff audit` and `claimdiff batch`: W wire
//! items and S stories, each story a rewrite of one to three wire items
//! (paragraphs reordered and trimmed, quotes cut or reworded, figures
//! changed or rounded, qualifiers dropped, local paragraphs added), plus
//! stories with no wire source. The generator knows every change it
//! planted ([`Truth`]), so an audit is scored against it ([`score`]).
//!
//! All text is invented from small grammars: places and people are made of
//! syllables, sentences of templates; nothing is copied from an article.
//! Story `s` depends only on the seed, W and `s`; wire item `w` only on the
//! seed and `w`.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    pub fn chance(&mut self, pct: u64) -> bool {
        self.next_u64() % 100 < pct
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            let j = self.below(i + 1);
            xs.swap(i, j);
        }
    }
}

/// One generated file.
pub struct Doc {
    pub id: String,
    pub text: String,
}

/// What the audit should report: every story's wire sources and every
/// planted change that is a finding.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Truth {
    /// Story id -> the wire items it was written from (empty: none).
    pub sources: BTreeMap<String, Vec<String>>,
    pub expected: Vec<Expected>,
    /// Planted changes that are not findings (cuts that keep the meaning,
    /// roundings inside their bound, reordering), counted per kind.
    pub traps: BTreeMap<String, usize>,
}

/// One planted change the audit should find.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq)]
pub struct Expected {
    pub story: String,
    /// The wire item it is relative to (`unsupported`: none).
    pub wire: Option<String>,
    pub kind: String,
    /// Occurs in the text or sentence of one of the finding's claims.
    pub contains: String,
}

const ONSETS: &[&str] = &[
    "b", "br", "d", "dr", "f", "g", "gr", "h", "k", "kr", "l", "m", "n", "p", "r", "s", "st", "t", "tr", "v",
    "w", "z", "th", "sk",
];
const VOWELS: &[&str] = &["a", "e", "i", "o", "u", "ai", "ei", "ou", "ae"];
const CODAS: &[&str] = &["", "n", "r", "l", "s", "th", "m", "nd", "rk", "v"];
const PLACE_ENDS: &[&str] = &["wick", "by", "ford", "holm", "stead", "mere", "ton", "vale", "moor", "haven"];
const FIRST: &[&str] = &[
    "Ada", "Bram", "Celis", "Dorran", "Elin", "Fenna", "Galen", "Hessa", "Ivo", "Jory", "Kelda", "Loric",
    "Mira", "Nils", "Oona", "Pell", "Quilla", "Rune", "Sabel", "Tomas", "Ulla", "Vance", "Wren", "Yselle",
];
const MONTHS: &[&str] = &["March", "April", "May", "June", "July", "August"];

fn syllables(rng: &mut Rng, n: usize) -> String {
    let mut s = String::new();
    for _ in 0..n {
        let (onset, vowel): (&&str, &&str) = (rng.pick(ONSETS), rng.pick(VOWELS));
        s.push_str(onset);
        s.push_str(vowel);
    }
    let coda: &&str = rng.pick(CODAS);
    s.push_str(coda);
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => s,
    }
}

fn place(rng: &mut Rng) -> String {
    let n = 1 + rng.below(2);
    let stem = syllables(rng, n);
    format!("{stem}{}", rng.pick(PLACE_ENDS))
}

fn person(rng: &mut Rng) -> String {
    let n = 1 + rng.below(2);
    format!("{} {}", rng.pick(FIRST), syllables(rng, n))
}

/// A topic: what the wire item is about and the words its sentences use.
struct Topic {
    /// What the quotes speak of.
    nouns: &'static [&'static str],
    titles: &'static [&'static str],
    /// Figure templates: `{q}` qualifier, `{n}` number, `{p}` place.
    figures: &'static [&'static str],
    background: &'static [&'static str],
}

const TOPICS: &[Topic] = &[
    Topic {
        nouns: &["embankments", "pumping stations", "sluice gates", "drainage ditches", "river walls", "flood barriers"],
        titles: &["the chief engineer of the River Authority", "the regional flood commissioner"],
        figures: &[
            "Water flooded {q}{n} homes along the lower banks of {p} overnight, the River Authority said.",
            "Crews had stacked {q}{n} sandbags against the old weir by the time the second surge reached {p}.",
            "The authority has set aside {q}{n} crowns for repairs to the embankments south of {p}.",
            "Emergency shelters in {p} took in {q}{n} residents from the riverside streets.",
            "The river peaked {q}{n} centimetres above its usual winter level at the gauge in {p}.",
            "Engineers counted {q}{n} breaches in the earth banks between {p} and the estuary.",
        ],
        background: &[
            "The embankments along the river were raised after a long series of wet winters.",
            "Farmers on the flood plain have asked for a new pumping station for many seasons.",
            "The valley drains a wide upland basin where heavy rain gathers quickly in the streams.",
            "Local volunteers helped move furniture to upper floors as the water came in.",
        ],
    },
    Topic {
        nouns: &["tram lines", "depot sheds", "signal boxes", "timetables", "ticket halls", "platforms"],
        titles: &["the head of the Transit Board", "the board's operations director"],
        figures: &[
            "Drivers at the depot in {p} voted to stop work over pay, affecting {q}{n} daily journeys.",
            "The board offered a rise worth {q}{n} crowns a month to staff at the {p} depot.",
            "Trams in {p} carried {q}{n} passengers a day before the dispute began.",
            "The union says {q}{n} of its members at the {p} depot backed the stoppage.",
            "Replacement buses in {p} ran on {q}{n} routes during the first morning of the strike.",
            "The dispute has cost traders in central {p} {q}{n} crowns in lost sales, a retail group estimated.",
        ],
        background: &[
            "The depot opened when the tram lines were extended to the northern suburbs.",
            "Talks between the union and the board broke up late in the evening.",
            "Commuters queued at bus stops in the rain as the first replacement services arrived.",
            "The line through the old market square is the busiest in the network.",
        ],
    },
    Topic {
        nouns: &["quays", "breakwaters", "slipways", "fish markets", "moorings", "lighthouses"],
        titles: &["the chair of the Port Commission", "the commission's harbour master"],
        figures: &[
            "Dredgers removed {q}{n} tonnes of silt from the main channel at {p} this season.",
            "The commission approved {q}{n} crowns for a new breakwater at {p}.",
            "Fishing boats at {p} landed {q}{n} tonnes of herring in the first week of the season.",
            "Cargo through the quays at {p} rose to {q}{n} containers a month.",
            "The works at {p} will employ {q}{n} labourers until the new quay is finished.",
            "Ferries from {p} carried {q}{n} vehicles during the holiday weekend.",
        ],
        background: &[
            "The harbour wall was built of granite brought down from the hills by rail.",
            "Gulls wheeled over the fish market as the first boats came in at dawn.",
            "The old customs house on the quay now holds a small maritime museum.",
            "Skippers have long complained that the channel silts up after every storm.",
        ],
    },
    Topic {
        nouns: &["wards", "operating theatres", "clinics", "waiting rooms", "laboratories", "maternity units"],
        titles: &["the chief executive of the Health Trust", "the trust's medical director"],
        figures: &[
            "The new wing at the hospital in {p} will add {q}{n} beds for older patients.",
            "Patients in {p} waited {q}{n} minutes on average in the emergency department last month.",
            "The trust will spend {q}{n} crowns on scanners for the hospital in {p}.",
            "Nurses at the {p} hospital worked {q}{n} hours of overtime over the winter.",
            "The clinic in {p} treated {q}{n} children for breathing problems during the smog.",
            "The trust plans to recruit {q}{n} nurses for the wards in {p}.",
        ],
        background: &[
            "The hospital stands on a hill above the town, beside the old infirmary.",
            "Staff have described the corridors of the main building as cramped and cold.",
            "A charity run by former patients raised money for a garden in the courtyard.",
            "Ambulances from the surrounding villages bring patients to the emergency entrance.",
        ],
    },
    Topic {
        nouns: &["grain silos", "farm roads", "drying sheds", "mills", "irrigation channels", "storage barns"],
        titles: &["the president of the Farmers' Union", "the union's chief economist"],
        figures: &[
            "Farms around {p} brought in {q}{n} tonnes of barley, a union survey found.",
            "Drought cut yields on {q}{n} hectares of wheat east of {p}.",
            "Growers near {p} were paid {q}{n} crowns a tonne for milling wheat.",
            "The mill at {p} took delivery of {q}{n} truckloads of grain in a single week.",
            "Seasonal pickers hired in {p} numbered {q}{n} this summer.",
            "Storage silos at {p} hold {q}{n} tonnes when full.",
        ],
        background: &[
            "Combine harvesters worked through the night to beat the forecast rain.",
            "The dry spring left the upland fields pale and thin by midsummer.",
            "Co-operatives in the district share machinery and drying sheds.",
            "Grain prices at the regional exchange have swung sharply over the season.",
        ],
    },
];

/// Quote grammar: `{S} {M} {V} the {A} {N} {R} {P}, and {S2} {V2} {D} {N2} {T}`,
/// one word or short phrase a slot, so that two quotes of different items
/// share no long run of words. `{V}` is a word a rewrite may swap
/// ([`SWAPS`]), `{N}` a noun of the topic, `{P}` the place.
const Q_SUBJECTS: &[&str] =
    &["we", "crews", "engineers", "officials", "contractors", "volunteers", "inspectors", "planners"];
const Q_MODALS: &[&str] = &["will", "must", "can", "should", "shall", "intend to", "hope to", "plan to"];
const Q_ADJECTIVES: &[&str] = &[
    "old",
    "damaged",
    "northern",
    "eastern",
    "main",
    "busy",
    "historic",
    "western",
    "southern",
    "upper",
    "lower",
    "central",
    "neglected",
    "crowded",
    "fragile",
    "ageing",
    "narrow",
    "outer",
    "inner",
    "worn",
];
const Q_PLACES: &[&str] = &["in", "near", "around", "outside", "beyond", "across", "throughout", "behind"];
const Q_SUBJECTS2: &[&str] = &[
    "residents",
    "our neighbours",
    "every household",
    "traders",
    "local schools",
    "young families",
    "older people",
    "commuters",
    "shopkeepers",
    "farmers",
    "parents",
    "visitors",
];
const Q_VERBS2: &[&str] = &[
    "will see",
    "can expect",
    "should notice",
    "deserve",
    "have asked for",
    "are waiting for",
    "will welcome",
    "need",
    "were promised",
    "have earned",
    "will judge us by",
    "count on",
];
const Q_DETERMINERS: &[&str] = &["real", "steady", "lasting", "visible", "clear", "early", "honest", "quick"];
const Q_NOUNS2: &[&str] = &[
    "improvements",
    "changes",
    "progress",
    "results",
    "relief",
    "benefits",
    "savings",
    "answers",
    "support",
    "commitments",
    "gains",
    "security",
    "investment",
    "attention",
    "effort",
    "care",
];
const Q_TIMES: &[&str] = &[
    "by midsummer",
    "within weeks",
    "before the harvest",
    "this winter",
    "next spring",
    "by the end of the season",
    "before the holidays",
    "over the coming months",
    "from this autumn",
    "in good time",
    "long before the rains",
    "by the new year",
];
/// A word a quote holds and the word a careless rewrite puts there instead.
const SWAPS: &[(&str, &str)] = &[
    ("repair", "restore"),
    ("protect", "defend"),
    ("rebuild", "renew"),
    ("improve", "upgrade"),
    ("secure", "safeguard"),
    ("expand", "enlarge"),
];
const QUALIFIERS: &[&str] = &["at least ", "more than ", "nearly ", "up to "];
const LOCAL_QUOTES: &[&str] = &[
    "My customers talk about little else, and most of them are worried about the coming months",
    "We have seen neighbours help each other in ways I never expected to see on this street",
    "The young people here want to stay, but they need a reason to believe in the place",
    "I have lived on this road for most of my life and it has changed beyond recognition",
];
const LOCAL_TRADES: &[&str] = &["a bakery", "a hardware shop", "the corner cafe", "a bicycle repair shop"];
const LOCAL_FIGURES: &[&str] = &[
    "A food bank in {p} handed out {n} parcels to families last month, its volunteers said.",
    "The youth club in {p} has signed up {n} new members since the spring, its organisers said.",
    "A neighbourhood fund in {p} has collected {n} crowns in small donations, according to its treasurer.",
];

/// One paragraph of a wire item, with the claims a rewrite can change.
#[derive(Clone)]
enum Para {
    Lead { dateline: String, figure: Figure },
    Quote(Quote),
    Figure(Figure),
    Background(String),
    Credit(String),
}

#[derive(Clone)]
struct Figure {
    template: String,
    qualifier: String,
    n: u64,
}

#[derive(Clone)]
struct Quote {
    words: String,
    speaker: String,
    title: String,
    swap: (&'static str, &'static str),
}

fn number(n: u64) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

impl Figure {
    fn text(&self) -> String {
        self.with(&self.qualifier, self.n)
    }
    fn with(&self, qualifier: &str, n: u64) -> String {
        self.template.replace("{q}", qualifier).replace("{n}", &number(n))
    }
}

impl Quote {
    fn paragraph(&self, words: &str) -> String {
        format!("\"{words},\" said {}, {}.", self.speaker, self.title)
    }
    /// The words of the quote from its verb to the comma: a cut that keeps
    /// the verb and its object and leaves out the closing clause.
    fn cut(&self) -> String {
        let head = self.words.split(", and").next().unwrap_or(&self.words);
        let from = head.find(self.swap.0).unwrap_or(0);
        head[from..].to_string()
    }
}

/// A wire item: its paragraphs (the text is [`wire_text`]).
struct Wire {
    id: String,
    topic: usize,
    paras: Vec<Para>,
}

fn wire_id(i: usize) -> String {
    format!("w{i:04}")
}

fn story_id(i: usize) -> String {
    format!("s{i:05}")
}

/// Wire item `i` of the day.
fn wire(seed: u64, i: usize) -> Wire {
    let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x2545_f491_4f6c_dd1d) ^ 0x77);
    let topic = rng.pick(TOPICS);
    let p = place(&mut rng);
    let month = rng.pick(MONTHS);
    let day = 1 + rng.below(28);
    let mut used = BTreeSet::new();
    let mut fig = |rng: &mut Rng, template: &str| {
        let mut n;
        loop {
            n = match rng.below(3) {
                0 => 20 + rng.below(80) as u64,
                1 => 120 + rng.below(880) as u64,
                _ => 1_100 + rng.below(48_000) as u64,
            };
            if n % 10 != 0 && used.insert(n) {
                break;
            }
        }
        let qualifier = if rng.chance(35) { rng.pick(QUALIFIERS).to_string() } else { String::new() };
        Figure { template: template.replace("{p}", &p), qualifier, n }
    };
    let mut templates: Vec<&str> = topic.figures.to_vec();
    rng.shuffle(&mut templates);
    let lead = fig(&mut rng, templates[0]);
    let mut paras =
        vec![Para::Lead { dateline: format!("{}, {month} {day} (Wire) -", p.to_uppercase()), figure: lead }];
    let speakers: Vec<(String, String)> =
        topic.titles.iter().map(|t| (person(&mut rng), t.to_string())).collect();
    let mut body = Vec::new();
    for q in 0..4 {
        let swap = *rng.pick(SWAPS);
        let words = format!(
            "{} {} {} the {} {} {} {p}, and {} {} {} {} {}",
            rng.pick(Q_SUBJECTS),
            rng.pick(Q_MODALS),
            swap.0,
            rng.pick(Q_ADJECTIVES),
            rng.pick(topic.nouns),
            rng.pick(Q_PLACES),
            rng.pick(Q_SUBJECTS2),
            rng.pick(Q_VERBS2),
            rng.pick(Q_DETERMINERS),
            rng.pick(Q_NOUNS2),
            rng.pick(Q_TIMES),
        );
        let mut c = words.chars();
        let words = c.next().map(|f| f.to_uppercase().collect::<String>() + c.as_str()).unwrap_or_default();
        let (speaker, title) = speakers[q % speakers.len()].clone();
        body.push(Para::Quote(Quote { words, speaker, title, swap }));
    }
    for t in &templates[1..5] {
        body.push(Para::Figure(fig(&mut rng, t)));
    }
    for b in topic.background {
        body.push(Para::Background(b.to_string()));
    }
    rng.shuffle(&mut body);
    paras.extend(body);
    paras.push(Para::Credit(format!("(Reporting by {}; Editing by {})", person(&mut rng), person(&mut rng))));
    Wire { id: wire_id(i), topic: TOPICS.iter().position(|t| std::ptr::eq(t, topic)).unwrap_or(0), paras }
}

fn wire_text(w: &Wire) -> String {
    let mut out = String::new();
    for p in &w.paras {
        let para = match p {
            Para::Lead { dateline, figure } => format!("{dateline} {}", figure.text()),
            Para::Quote(q) => q.paragraph(&q.words),
            Para::Figure(f) => f.text(),
            Para::Background(s) | Para::Credit(s) => s.clone(),
        };
        out.push_str(&para);
        out.push_str("\n\n");
    }
    out
}

/// Every wire item of the day.
pub fn wires(seed: u64, w: usize) -> Vec<Doc> {
    (0..w)
        .map(|i| {
            let item = wire(seed, i);
            Doc { id: item.id.clone(), text: wire_text(&item) }
        })
        .collect()
}

/// The first words of a quote: what identifies it in a finding.
fn quote_key(words: &str) -> String {
    words.split(' ').take(6).collect::<Vec<_>>().join(" ")
}

/// Rewrite one wire item's paragraphs for story `story`, planting changes.
fn rewrite(rng: &mut Rng, w: &Wire, story: &str, truth: &mut Truth) -> Vec<String> {
    let mut out = Vec::new();
    let mut body = Vec::new();
    let mut claims = 0usize;
    let expect = |truth: &mut Truth, kind: &str, contains: String| {
        truth.expected.push(Expected {
            story: story.into(),
            wire: Some(w.id.clone()),
            kind: kind.into(),
            contains,
        });
    };
    let trap = |truth: &mut Truth, kind: &str| *truth.traps.entry(kind.to_string()).or_default() += 1;
    for p in &w.paras {
        match p {
            Para::Lead { dateline, figure } => out.push(format!("{dateline} {}", figure.text())),
            Para::Background(s) if rng.chance(60) => body.push(s.clone()),
            Para::Background(_) | Para::Credit(_) => {}
            // Trimmed: a claim paragraph left out (two kept at least).
            Para::Quote(q) if claims >= 2 && rng.chance(20) => expect(truth, "omission", quote_key(&q.words)),
            Para::Figure(f) if claims >= 2 && rng.chance(20) => expect(truth, "omission", number(f.n)),
            Para::Quote(q) => {
                claims += 1;
                body.push(match rng.below(10) {
                    0 | 1 => {
                        let words = q.words.replacen(q.swap.0, q.swap.1, 1);
                        expect(truth, "quote-wording", q.swap.1.to_string());
                        q.paragraph(&words)
                    }
                    2 | 3 => {
                        trap(truth, "quote-cut");
                        format!("{}, {}, said the aim was to \"{}\".", q.speaker, q.title, q.cut())
                    }
                    _ => q.paragraph(&q.words),
                });
            }
            Para::Figure(f) => {
                claims += 1;
                body.push(match rng.below(10) {
                    0 | 1 => {
                        // A slip of the keyboard: two digits swapped, or a digit off.
                        let s = f.n.to_string();
                        let mut d: Vec<char> = s.chars().collect();
                        let k = rng.below(d.len() - 1);
                        if d[k] != d[k + 1] && !(k == 0 && d[k + 1] == '0') {
                            d.swap(k, k + 1);
                        } else {
                            d[k + 1] = if d[k + 1] == '9' { '1' } else { char::from(d[k + 1] as u8 + 1) };
                        }
                        let m: u64 = d.iter().collect::<String>().parse().expect("digits");
                        expect(truth, "figure-value", number(m));
                        f.with(&f.qualifier, m)
                    }
                    2 if !f.qualifier.is_empty() => {
                        expect(truth, "figure-qualifier", number(f.n));
                        f.with("", f.n)
                    }
                    3 if f.qualifier.is_empty() && f.n >= 200 => {
                        // Rounded down under "more than": inside its bound, not a finding.
                        trap(truth, "figure-rounded");
                        let unit = if f.n >= 10_000 {
                            1000
                        } else if f.n >= 1000 {
                            100
                        } else {
                            10
                        };
                        f.with("more than ", f.n / unit * unit)
                    }
                    _ => f.text(),
                });
            }
        }
    }
    if body.len() > 2 {
        trap(truth, "reordered");
        let mut head = body.split_off(body.len() / 2);
        head.append(&mut body);
        body = head;
    }
    out.extend(body);
    out
}

/// Local paragraphs a story adds (what the wire never said).
fn local(rng: &mut Rng, story: &str, truth: &mut Truth, town: &str) -> Vec<String> {
    let mut out = Vec::new();
    let unsupported = |truth: &mut Truth, contains: String| {
        truth.expected.push(Expected {
            story: story.into(),
            wire: None,
            kind: "unsupported".into(),
            contains,
        });
    };
    if rng.chance(60) {
        let q = rng.pick(LOCAL_QUOTES);
        out.push(format!("\"{q},\" said {}, who runs {} in {town}.", person(rng), rng.pick(LOCAL_TRADES)));
        unsupported(truth, quote_key(q));
    }
    if rng.chance(50) {
        let n = 30 + rng.below(900) as u64;
        let n = if n.is_multiple_of(10) { n + 3 } else { n };
        out.push(rng.pick(LOCAL_FIGURES).replace("{p}", town).replace("{n}", &number(n)));
        unsupported(truth, number(n));
    }
    out
}

/// The stories of the day (written from `w` wire items) and the truth.
pub fn stories(seed: u64, w: usize, s: usize) -> (Vec<Doc>, Truth) {
    let mut truth = Truth::default();
    let mut docs = Vec::with_capacity(s);
    for i in 0..s {
        let id = story_id(i);
        let mut rng = Rng::new(seed ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15) ^ 0x5151);
        let town = place(&mut rng);
        let mut paras = vec![format!("News from around the region, {}", person(&mut rng))];
        let mut sources = Vec::new();
        if rng.chance(12) {
            // No wire source: the story is the paper's own.
            let (mut t, mut unused) = (Truth::default(), Vec::new());
            for _ in 0..3 {
                unused.extend(local(&mut rng, &id, &mut t, &town));
            }
            paras.push(format!("{}, the council in {town} met late into the evening.", town.to_uppercase()));
            paras.extend(unused);
            paras.push(format!("Residents of {town} are invited to a public meeting at the town hall."));
        } else {
            let k = match rng.below(10) {
                0..=5 => 1,
                6..=8 => 2,
                _ => 3,
            };
            // Items of different topics (a round-up): two items of one
            // topic are different events told in the same stock phrases.
            let mut picked = BTreeMap::new();
            for _ in 0..50 {
                if picked.len() == k.min(w) {
                    break;
                }
                let j = rng.below(w);
                let item = wire(seed, j);
                if !picked.values().any(|p: &Wire| p.topic == item.topic) {
                    picked.insert(j, item);
                }
            }
            for item in picked.values() {
                paras.extend(rewrite(&mut rng, item, &id, &mut truth));
                sources.push(item.id.clone());
            }
            paras.extend(local(&mut rng, &id, &mut truth, &town));
        }
        truth.sources.insert(id.clone(), sources);
        let mut text = paras.join("\n\n");
        text.push('\n');
        docs.push(Doc { id, text });
    }
    (docs, truth)
}

/// Precision and recall of one kind (or of matching).
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Pr {
    pub expected: usize,
    pub reported: usize,
    pub met: usize,
    pub precision: f64,
    pub recall: f64,
}

impl Pr {
    fn new(expected: usize, reported: usize, met_expected: usize, met_reported: usize) -> Self {
        let ratio = |a: usize, b: usize| if b == 0 { 1.0 } else { a as f64 / b as f64 };
        Pr {
            expected,
            reported,
            met: met_expected,
            precision: ratio(met_reported, reported),
            recall: ratio(met_expected, expected),
        }
    }
}

/// The audit scored: matching, and findings per kind.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Score {
    pub matching: Pr,
    pub kinds: BTreeMap<String, Pr>,
}

fn folded(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ").to_lowercase()
}

/// Score an audit (`claimdiff audit --format json`) against the truth. A
/// finding meets an expectation when its kind is equal, it belongs to the
/// story, its sources hold the wire item (when the expectation names
/// one) and some claim's text or sentence holds `contains`. Each finding
/// meets one expectation at most. Findings of kinds never planted count
/// as false alarms of their kind.
pub fn score(truth: &Truth, audit: &serde_json::Value) -> Score {
    let empty = Vec::new();
    let stories = audit["stories"].as_array().unwrap_or(&empty);
    let (mut true_pairs, mut reported_pairs, mut met_pairs) = (0, 0, 0);
    for srcs in truth.sources.values() {
        true_pairs += srcs.len();
    }
    let mut reported: BTreeMap<String, usize> = BTreeMap::new();
    let mut met_reported: BTreeMap<String, usize> = BTreeMap::new();
    let mut met_expected: BTreeMap<String, usize> = BTreeMap::new();
    let mut expected: BTreeMap<String, usize> = BTreeMap::new();
    for e in &truth.expected {
        *expected.entry(e.kind.clone()).or_default() += 1;
    }
    let mut by_story: BTreeMap<&str, Vec<&Expected>> = BTreeMap::new();
    for e in &truth.expected {
        by_story.entry(e.story.as_str()).or_default().push(e);
    }
    for s in stories {
        let id = s["id"].as_str().unwrap_or("");
        let want = truth.sources.get(id).unwrap_or(empty_vec());
        let got: Vec<&str> =
            s["matches"].as_array().unwrap_or(&empty).iter().filter_map(|m| m["wire"].as_str()).collect();
        reported_pairs += got.len();
        met_pairs += got.iter().filter(|g| want.iter().any(|w| w == *g)).count();
        let mut open: Vec<&Expected> = by_story.get(id).cloned().unwrap_or_default();
        for f in s["findings"].as_array().unwrap_or(&empty) {
            let kind = f["kind"].as_str().unwrap_or("").to_string();
            *reported.entry(kind.clone()).or_default() += 1;
            let sources: Vec<&str> =
                f["sources"].as_array().unwrap_or(&empty).iter().filter_map(|v| v.as_str()).collect();
            let texts: Vec<String> = f["claims"]
                .as_array()
                .unwrap_or(&empty)
                .iter()
                .flat_map(|c| [c["text"].as_str().unwrap_or(""), c["sentence"].as_str().unwrap_or("")])
                .map(folded)
                .collect();
            let hit = open.iter().position(|e| {
                e.kind == kind
                    && e.wire.as_ref().is_none_or(|w| sources.contains(&w.as_str()))
                    && texts.iter().any(|t| t.contains(&folded(&e.contains)))
            });
            if let Some(i) = hit {
                let e = open.remove(i);
                *met_reported.entry(kind).or_default() += 1;
                *met_expected.entry(e.kind.clone()).or_default() += 1;
            }
        }
    }
    let mut kinds = BTreeMap::new();
    let all: BTreeSet<&String> = expected.keys().chain(reported.keys()).collect();
    for k in all {
        let get = |m: &BTreeMap<String, usize>| m.get(k).copied().unwrap_or(0);
        kinds.insert(
            k.clone(),
            Pr::new(get(&expected), get(&reported), get(&met_expected), get(&met_reported)),
        );
    }
    Score { matching: Pr::new(true_pairs, reported_pairs, met_pairs, met_pairs), kinds }
}

fn empty_vec() -> &'static Vec<String> {
    static EMPTY: Vec<String> = Vec::new();
    &EMPTY
}

/// The score as a table, one line per kind.
pub fn render(score: &Score) -> String {
    let mut out = format!(
        "{:<18} {:>8} {:>8} {:>6} {:>9} {:>7}\n",
        "", "expected", "reported", "met", "precision", "recall"
    );
    let mut line = |name: &str, p: &Pr| {
        out.push_str(&format!(
            "{name:<18} {:>8} {:>8} {:>6} {:>9.3} {:>7.3}\n",
            p.expected, p.reported, p.met, p.precision, p.recall
        ));
    };
    line("matching", &score.matching);
    for (k, p) in &score.kinds {
        line(k, p);
    }
    out
}
