//! A seeded generator of synthetic report sets for the benchmarks: `n`
//! reports of one invented event (a dam breach in the fictional Tarrow
//! valley), each about 10 KB, sharing 13 quotes and 12 figures with
//! per-report paraphrase (typography, partial quotes, speech verbs and
//! speaker positions, number forms, hedges of one class, sentence order),
//! filler paragraphs, and a few planted disagreements (a changed figure, a
//! reworded quote, a re-attributed quote). Also the pathological inputs of
//! issue 5. Deterministic per seed: a SplitMix64 generator, no `rand`.
//!
//! Shared by `benches/claimdiff.rs`, `examples/gen_corpus.rs` and the
//! thread-count test (each includes it with `#[path]`). The inputs of issue 13
//! (small vocabulary, near-duplicate quotes, deep and wide HTML, ...) are in
//! `hard.rs`.

pub mod hard;

/// SplitMix64: small, fast, and the same sequence on every platform.
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
    /// A number in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }
    /// True with probability `pct` percent.
    pub fn chance(&mut self, pct: u64) -> bool {
        self.next_u64() % 100 < pct
    }
    pub fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    pub fn shuffle<T>(&mut self, xs: &mut [T]) {
        for i in (1..xs.len()).rev() {
            xs.swap(i, self.below(i + 1));
        }
    }
}

/// One generated report: a file name (sorts in order) and its text.
pub struct Report {
    pub name: String,
    pub text: String,
}

/// (full name, surname, role written before the name, title for "the ...").
const PEOPLE: &[(&str, &str, &str, &str)] = &[
    ("Ilse Varga", "Varga", "regional governor", "governor"),
    ("Tomas Brenner", "Brenner", "chief engineer", "engineer"),
    ("Amara Okonjo", "Okonjo", "emergency services director", "director"),
    ("Pieter Lund", "Lund", "Kelsby mayor", "mayor"),
    ("Sana Idris", "Idris", "Valley Relief Network spokeswoman", "spokeswoman"),
    ("Rafael Quist", "Quist", "hydrologist", "hydrologist"),
];

/// (speaker, first sentence, second sentence, (word, planted rewording)).
const QUOTES: &[(usize, &str, &str, (&str, &str))] = &[
    (
        0,
        "We will rebuild every house the water has taken from these families.",
        "The province will carry the cost of the first repairs.",
        ("carry", "share"),
    ),
    (
        0,
        "Our priority tonight is to reach the villages that are still cut off.",
        "Boats and helicopters are already on their way up the valley.",
        ("helicopters", "lorries"),
    ),
    (
        1,
        "The spillway gates were opened at dawn to relieve the pressure on the wall.",
        "By noon the northern section had given way.",
        ("dawn", "midnight"),
    ),
    (
        1,
        "Inspectors examined the concrete last spring and found small cracks near the base.",
        "Repairs had been scheduled for the summer.",
        ("small", "deep"),
    ),
    (
        2,
        "Our crews have worked through the night in freezing water to pull people from their roofs.",
        "They are exhausted but they will keep going.",
        ("freezing", "rising"),
    ),
    (
        2,
        "The shelters in the school halls are full and we are opening the sports centre.",
        "Families should bring blankets and medicine if they can.",
        ("full", "crowded"),
    ),
    (
        3,
        "Kelsby has never seen a flood like this in living memory.",
        "The old bridge is gone and the market square is under a metre of mud.",
        ("market", "town"),
    ),
    (
        3,
        "I ask everyone to stay away from the riverbank until the engineers give the all clear.",
        "The water may rise again overnight.",
        ("engineers", "police"),
    ),
    (
        4,
        "Donations of clean water and dry clothing are arriving faster than we can sort them.",
        "What we need most now are volunteers with vans.",
        ("vans", "trucks"),
    ),
    (
        4,
        "The farms along the lower valley have lost their whole winter feed.",
        "Many herds will have to be moved to the hills within days.",
        ("whole", "entire"),
    ),
    (
        5,
        "The reservoir held more water than at any point in the last decade.",
        "Three weeks of heavy rain left the wall carrying a load it was never designed for.",
        ("decade", "century"),
    ),
    (
        5,
        "A breach of this size releases its water in a matter of hours.",
        "The people downstream had very little time to leave.",
        ("hours", "minutes"),
    ),
    (
        1,
        "The operator will publish the full inspection records for the dam.",
        "We have nothing to hide from the families or the investigators.",
        ("full", "latest"),
    ),
];

/// A figure: sentence variants with `{}` for the written number, and the
/// number's written forms (the last form of the first list is the one
/// planted as a changed value).
struct Fig {
    forms: &'static [&'static str],
    changed: &'static str,
    sentences: &'static [&'static str],
}

const FIGURES: &[Fig] = &[
    Fig {
        forms: &["4,200", "4200"],
        changed: "4,800",
        sentences: &[
            "Rescue teams evacuated {} residents from the lower valley overnight.",
            "Officials said {} residents had been evacuated from homes along the Orran.",
            "By morning {} residents of the lower valley had been evacuated.",
        ],
    },
    Fig {
        forms: &["17", "seventeen"],
        changed: "19",
        sentences: &[
            "At least {} people were killed when the wall gave way.",
            "The death toll rose to at least {} people on Wednesday.",
            "Police confirmed that at least {} people had died in the flood.",
        ],
    },
    Fig {
        forms: &["38", "thirty-eight"],
        changed: "83",
        sentences: &[
            "Another {} people were injured, several of them seriously.",
            "Hospitals in Marrowdale treated {} injured people.",
            "Doctors said {} people were injured in the surge.",
        ],
    },
    Fig {
        forms: &["1,300", "1300"],
        changed: "1,500",
        sentences: &[
            "The surge damaged {} homes in Kelsby and the villages below it.",
            "Roughly speaking, {} homes were damaged across the lower valley.",
            "Surveyors counted {} damaged homes by the end of the day.",
        ],
    },
    Fig {
        forms: &["€240m", "240 million euros", "EUR 240 million"],
        changed: "€420m",
        sentences: &[
            "The province put the first estimate of the damage at {}.",
            "Early estimates of the damage reached {}, the province said.",
            "The damage has been provisionally estimated at {} by the province.",
        ],
    },
    Fig {
        forms: &["120", "a hundred and twenty"],
        changed: "210",
        sentences: &[
            "The army deployed {} soldiers to help with the rescue.",
            "{} soldiers were sent to the valley to help with the rescue.",
            "The rescue effort was joined by {} soldiers from the garrison.",
        ],
    },
    Fig {
        forms: &["14", "fourteen"],
        changed: "41",
        sentences: &[
            "Floodwater cut off {} villages in the upper valley.",
            "{} villages in the upper valley remain cut off by the water.",
            "Rescuers were still trying to reach {} villages cut off upstream.",
        ],
    },
    Fig {
        forms: &["60%", "60 per cent", "60 percent"],
        changed: "70%",
        sentences: &[
            "Around {} of the farmland in the valley is under water.",
            "About {} of the valley's farmland has been flooded.",
            "Some {} of farmland in the valley lies under water.",
        ],
    },
    Fig {
        forms: &["52", "fifty-two"],
        changed: "25",
        sentences: &[
            "Volunteers brought {} rescue boats from neighbouring districts.",
            "A fleet of {} rescue boats arrived from neighbouring districts.",
            "Neighbouring districts sent {} rescue boats to the valley.",
        ],
    },
    Fig {
        forms: &["9", "nine"],
        changed: "12",
        sentences: &[
            "Search teams are still looking for {} people listed as missing.",
            "{} people are still missing, the search teams said.",
            "The search for {} missing people continued into the night.",
        ],
    },
    Fig {
        forms: &["3,500", "3500"],
        changed: "5,300",
        sentences: &[
            "Relief workers handed out {} blankets in the shelters.",
            "The shelters received {} blankets from relief workers.",
            "{} blankets were handed out by relief workers in the shelters.",
        ],
    },
    Fig {
        forms: &["6", "six"],
        changed: "8",
        sentences: &[
            "The reservoir level dropped by {} metres within three hours of the breach.",
            "Within three hours the reservoir had fallen {} metres.",
            "The breach drained the reservoir by {} metres in three hours.",
        ],
    },
];

const OUTLETS: &[&str] = &[
    "Valley Courier",
    "Marrowdale Post",
    "Orran Herald",
    "Northern Wire",
    "Kelsby Gazette",
    "Evening Ledger",
    "Provincial Times",
    "River Daily",
];
const VERBS_AFTER: &[&str] =
    &["said", "added", "told reporters", "explained", "stressed", "warned", "insisted"];
const VERBS_BEFORE: &[&str] = &["said", "told reporters", "added", "stressed"];
const FILLER_SUBJECTS: &[&str] = &[
    "The valley",
    "The old mill road",
    "The river Orran",
    "The district council",
    "A local farmer",
    "The railway line",
    "The hill villages",
    "The regional hospital",
    "The cattle market",
    "The stone bridge at Hollin",
    "The school in Ashby",
    "The weather service",
    "The ferry crossing",
    "The forest track",
    "The reservoir",
];
const FILLER_VERBS: &[&str] = &[
    "has long depended on",
    "was rebuilt after",
    "draws visitors to",
    "lies just below",
    "was closed because of",
    "stands beside",
    "has suffered from",
    "was mentioned in",
    "recovered slowly from",
    "looks out over",
    "was extended towards",
    "once supplied",
];
const FILLER_OBJECTS: &[&str] = &[
    "the spring markets",
    "a dry summer",
    "the northern slopes",
    "the timber trade",
    "the lake shore",
    "an earlier flood",
    "the mountain pass",
    "the cheese cooperatives",
    "the wool merchants",
    "the pilgrim route",
    "the power station",
    "the county fair",
    "the orchards",
    "the quarry",
    "the winter pastures",
    "the railway sidings",
];
const FILLER_TAILS: &[&str] = &[
    "for generations",
    "in recent years",
    "according to local historians",
    "during the last century",
    "for most of the year",
    "since the war",
    "in the autumn",
    "as residents recall",
    "long before the dam was built",
    "well into the evening",
];
const SYNONYMS: &[(&str, &str)] = &[
    ("residents", "inhabitants"),
    ("valley", "vale"),
    ("rescue", "relief"),
    ("homes", "houses"),
    ("Officials", "Authorities"),
    ("damage", "destruction"),
    ("said", "reported"),
];

fn quote_mark(rng: &mut Rng) -> (&'static str, &'static str) {
    if rng.chance(50) {
        ("\u{201c}", "\u{201d}")
    } else {
        ("\"", "\"")
    }
}

/// One quote paragraph: the words (partial or full, reworded when planted)
/// with the speaker beside a speech verb in one of several positions.
fn quote_paragraph(rng: &mut Rng, q: usize, reword: bool, reattribute: bool) -> String {
    let (speaker, a, b, (from, to)) = QUOTES[q];
    let speaker = if reattribute { (speaker + 1) % PEOPLE.len() } else { speaker };
    let (full, surname, role, _) = PEOPLE[speaker];
    let words = match rng.below(5) {
        0 => a.to_string(),
        1 => b.to_string(),
        _ => format!("{a} {b}"),
    };
    let words = if reword { words.replacen(from, to, 1) } else { words };
    let (open, close) = quote_mark(rng);
    let body = words.trim_end_matches('.');
    let verb = rng.pick(VERBS_AFTER);
    match rng.below(4) {
        0 => format!("{open}{body},{close} {full}, the {role}, {verb}."),
        1 => format!("{open}{body},{close} {verb} {full}."),
        2 => {
            let v = rng.pick(VERBS_BEFORE);
            format!("{surname} {v}: {open}{words}{close}")
        }
        _ => format!("{role_cap} {full} {verb}: {open}{words}{close}", role_cap = capitalise(role)),
    }
}

fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    c.next().map_or_else(String::new, |f| f.to_uppercase().chain(c).collect())
}

fn figure_paragraph(rng: &mut Rng, f: usize, changed: bool) -> String {
    let fig = &FIGURES[f];
    let form = if changed { fig.changed } else { *rng.pick(fig.forms) };
    let sentence = rng.pick(fig.sentences).replacen("{}", form, 1);
    let mut out = capitalise(&sentence);
    if rng.chance(30) {
        let (a, b) = *rng.pick(SYNONYMS);
        out = out.replacen(a, b, 1);
    }
    out
}

fn filler_sentence(rng: &mut Rng) -> String {
    format!(
        "{} {} {} {}.",
        rng.pick(FILLER_SUBJECTS),
        rng.pick(FILLER_VERBS),
        rng.pick(FILLER_OBJECTS),
        rng.pick(FILLER_TAILS)
    )
}

fn filler_paragraph(rng: &mut Rng) -> String {
    let n = 4 + rng.below(4);
    (0..n).map(|_| filler_sentence(rng)).collect::<Vec<_>>().join(" ")
}

/// Which planted disagreement report `r` carries, if any: every 7th report
/// changes a figure, every 11th rewords a quote, every 13th re-attributes one.
fn planted(r: usize) -> (Option<usize>, Option<usize>, Option<usize>) {
    let fig = (r % 7 == 3).then_some(r / 7 % FIGURES.len());
    let reword = (r % 11 == 5).then_some(r / 11 % QUOTES.len());
    let reattr = (r % 13 == 8).then_some(r / 13 % QUOTES.len());
    (fig, reword, reattr)
}

/// A report of about 10 KB.
fn report(seed: u64, r: usize) -> String {
    let mut rng = Rng::new(seed ^ (r as u64).wrapping_mul(0x2545_f491_4f6c_dd1d));
    let (fig, reword, reattr) = planted(r);
    let mut paras: Vec<String> = Vec::new();
    for q in 0..QUOTES.len() {
        if rng.chance(88) || reword == Some(q) || reattr == Some(q) {
            paras.push(quote_paragraph(&mut rng, q, reword == Some(q), reattr == Some(q)));
        }
    }
    for f in 0..FIGURES.len() {
        if rng.chance(88) || fig == Some(f) {
            paras.push(figure_paragraph(&mut rng, f, fig == Some(f)));
        }
    }
    rng.shuffle(&mut paras);
    let mut body: Vec<String> = Vec::new();
    let outlet = rng.pick(OUTLETS);
    body.push(format!("KELSBY, March 14 ({outlet}) - The Tarrow dam gave way on Tuesday night, sending a wall of water down the Orran valley."));
    let mut filler_left = 9;
    for p in paras {
        body.push(p);
        if filler_left > 0 && rng.chance(45) {
            body.push(filler_paragraph(&mut rng));
            filler_left -= 1;
        }
    }
    while body.iter().map(String::len).sum::<usize>() < 9_500 {
        body.push(filler_paragraph(&mut rng));
    }
    let mut text = body.join("\n\n");
    text.push('\n');
    text
}

/// `n` reports of the event, named `r0000.txt`, `r0001.txt`, ...
pub fn reports(seed: u64, n: usize) -> Vec<Report> {
    (0..n).map(|r| Report { name: format!("r{r:04}.txt"), text: report(seed, r) }).collect()
}

/// The pathological inputs of issue 5, as (name, files): a 10 MB file with
/// no line breaks, 100,000 quote marks, a paragraph of 50,000 numbers, and
/// 1,000 sources of one line each. Each set has a second, ordinary source so
/// `check` has something to compare against.
pub fn pathological(seed: u64) -> Vec<(&'static str, Vec<Report>)> {
    let mut rng = Rng::new(seed);
    let base = || Report { name: "base.txt".into(), text: report(seed, 0) };
    let mut long = String::with_capacity(10_500_000);
    while long.len() < 10_000_000 {
        long.push_str(&filler_sentence(&mut rng));
        long.push(' ');
        if rng.chance(5) {
            let q = rng.below(QUOTES.len());
            long.push_str(&quote_paragraph(&mut rng, q, false, false));
            long.push(' ');
        }
    }
    let mut marks = String::with_capacity(600_000);
    for i in 0..100_000 {
        marks.push_str(if i % 3 == 0 { "\" " } else { "word \"" });
    }
    let numbers: Vec<String> = (0..50_000).map(|_| format!("{}", rng.below(1_000_000))).collect();
    let numbers = format!("Counts were {} people.\n", numbers.join(", "));
    let lines: Vec<Report> = (0..1000)
        .map(|i| {
            let text = format!("{}\n", figure_paragraph(&mut rng, i % FIGURES.len(), false));
            Report { name: format!("l{i:04}.txt"), text }
        })
        .collect();
    vec![
        ("no-line-breaks", vec![base(), Report { name: "long.txt".into(), text: long }]),
        ("quote-marks", vec![base(), Report { name: "marks.txt".into(), text: marks }]),
        ("numbers", vec![base(), Report { name: "numbers.txt".into(), text: numbers }]),
        ("one-line-sources", lines),
    ]
}
