//! Word lists: the vocabulary the extractors and comparers match against.
//! Data lives here, in one place, so that extending the tool to a new verb or
//! hedge is a one-line change (and, later, a config option).

/// Verbs (all inflections listed) that introduce reported speech.
pub const SPEECH_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "added", "adds", "insisted", "insists",
    "warned", "warns", "stated", "states", "declared", "declares", "explained", "explains",
    "noted", "notes", "stressed", "stresses", "argued", "argues", "claimed", "claims", "asserted",
    "asserts", "announced", "announces", "wrote", "writes", "asked", "asks", "replied", "replies",
    "responded", "responds", "remarked", "remarks", "continued", "continues", "urged", "urges",
    "acknowledged", "acknowledges", "conceded", "concedes", "admitted", "admits", "maintained",
    "maintains", "underlined", "underlines", "underscored", "underscores", "emphasised",
    "emphasises", "emphasized", "emphasizes", "observed", "observes", "commented", "comments",
    "recalled", "recalls", "vowed", "vows", "pledged", "pledges", "promised", "promises",
    "cautioned", "cautions", "complained", "complains", "concluded", "concludes", "posted",
    "tweeted", "predicted", "predicts", "suggested", "suggests", "countered", "counters",
    "confirmed", "confirms", "denied", "denies", "reiterated", "reiterates", "insist", "warn",
    "added:", "testified", "testifies", "shouted", "told:", "explained:", "insisted:", "quipped",
    "joked", "boasted", "pleaded", "demanded", "demands", "agreed", "agrees", "objected",
    "protested", "mused", "wondered", "estimated", "estimates", "cited", "reported", "reports",
    "tells", "conceded", "fumed", "fumes", "griped", "gripes", "bragged", "brags", "marveled",
    "marvelled", "sighed", "grumbled", "grumbles",
];

/// Titles, roles and honorifics that may precede a name and are not part of it.
pub const TITLE_WORDS: &[&str] = &[
    "mr", "mrs", "ms", "miss", "dr", "prof", "professor", "sir", "dame", "lord", "lady",
    "president", "vice", "prime", "minister", "ministers", "foreign", "defence", "defense",
    "interior", "finance", "health", "education", "justice", "trade", "economy", "energy",
    "secretary", "general", "gen", "lt", "col", "colonel", "maj", "major", "capt", "captain",
    "sgt", "sergeant", "adm", "admiral", "commander", "chief", "executive", "officer", "chairman",
    "chairwoman", "chair", "director", "ambassador", "envoy", "commissioner", "governor", "gov",
    "mayor", "senator", "sen", "rep", "representative", "congressman", "congresswoman", "judge",
    "justice", "king", "queen", "prince", "princess", "pope", "spokesman", "spokeswoman",
    "spokesperson", "deputy", "acting", "former", "state", "chancellor", "premier", "leader",
    "head", "coach", "manager", "ceo", "cfo", "founder", "analyst", "economist", "professor",
    "inspector", "superintendent", "police", "counterpart", "sheikh", "emir", "bishop",
    "archbishop", "rev", "father", "detective", "constable", "attorney", "lawyer", "prosecutor",
    "speaker", "mp", "mep", "councillor", "councilman", "president-elect", "minister-designate",
    "st", "interim", "transitional", "opposition", "party", "union", "army", "military", "public",
    "affairs", "national", "security", "adviser", "advisor", "official", "officials", "authority",
    "authorities", "foreign-minister", "striker", "midfielder", "defender", "goalkeeper", "owner",
    "boss", "whip", "majority", "minority", "sheriff", "historian", "intelligence",
];

/// Words that start a sentence with a capital letter but are not names.
pub const NON_NAME_CAPITALS: &[&str] = &[
    "the", "a", "an", "but", "and", "or", "in", "on", "at", "as", "if", "it", "he", "she", "they",
    "we", "i", "you", "this", "that", "these", "those", "there", "their", "his", "her", "our",
    "its", "for", "from", "with", "by", "after", "before", "when", "while", "during", "since",
    "until", "asked", "speaking", "according", "meanwhile", "however", "earlier", "later", "last",
    "next", "some", "many", "most", "all", "both", "each", "other", "such", "what", "who", "which",
    "where", "why", "how", "no", "not", "yes", "so", "yet", "also", "monday", "tuesday",
    "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "reuters",
    "afp", "ap", "tass", "photo", "file", "pictured", "addressing", "writing", "responding",
    "instead", "still", "then", "now", "today", "tonight", "yesterday", "tomorrow", "here", "one",
    "although", "though", "because", "despite", "unlike", "perhaps", "whether", "once", "even",
    "like", "until", "whereas", "several", "every", "another", "nearly", "almost", "about",
    "reached", "estimates", "just", "only", "few", "half", "everyone", "nobody", "someone",
    "anyone", "everybody", "others", "among", "under", "over", "through", "without", "within",
    "of", "plus", "moments", "telling", "facing", "very", "born", "minutes", "hours", "days",
    "weeks", "months", "years", "speaking", "citing", "noting", "adding", "saying", "calling",
    "two", "three", "several", "officials", "reports", "report", "police", "sources", "witnesses",
    "residents", "analysts", "critics", "following", "amid", "absent", "given", "throughout",
];

/// Words that open an adverbial phrase before a clause's subject ("With
/// ... voters, President X ...", "Asked on Monday whether ..., Roe ...").
pub const ADVERBIAL_OPENERS: &[&str] = &[
    "with", "in", "on", "at", "after", "before", "during", "since", "amid", "despite", "when",
    "while", "as", "asked", "following", "although", "though", "because", "if", "throughout",
    "across", "under", "over", "from", "by", "without", "within", "through", "until", "upon",
    "unlike", "once", "speaking", "responding", "addressing", "writing",
];

/// News agencies, written as one capitalised word: a dateline's credit, no
/// name (see [`NON_NAME_CAPITALS`]), but a source where a speech verb
/// credits one ("..., reported Reuters").
pub const NEWS_AGENCIES: &[&str] = &["reuters", "afp", "ap", "tass", "xinhua", "interfax", "efe", "ansa", "dpa"];

/// Pronouns that may stand for a speaker, resolved to the last named person.
pub const PERSONAL_PRONOUNS: &[&str] = &["he", "she", "they"];

/// Verbs and verb forms that tie a quote to its source (speaker
/// attribution's cues): the speech verbs, their other forms, and verbs of
/// naming that introduce a partial quote (called it "a con").
pub const CUE_VERBS: &[&str] = &[
    "saying", "telling", "adding", "insisting", "warning", "stating", "declaring", "explaining",
    "noting", "stressing", "arguing", "claiming", "asserting", "announcing", "writing", "asking",
    "replying", "responding", "remarking", "urging", "acknowledging", "conceding", "admitting",
    "maintaining", "observing", "commenting", "recalling", "vowing", "pledging", "promising",
    "cautioning", "complaining", "concluding", "tweeting", "tweets", "tweet", "posts", "predicting",
    "suggesting", "countering", "confirming", "denying", "reiterating", "testifying", "shouting",
    "joking", "boasting", "pleading", "demanding", "protesting", "musing", "wondering", "says",
    "sang", "sings", "chanted", "chanting", "read", "reads", "typed", "quoted", "yelled",
    "screamed", "exclaimed", "answered", "answers", "wrote", "added", "recounted", "recounts",
    "reported", "declared", "promised", "threatened", "threatens", "lamented", "laments",
    "conceded", "urged", "questioned", "charged", "charges", "alleged", "alleges", "bemoaned",
    "proclaimed", "proclaims", "retorted", "retorts", "hypothesized", "interjected", "snapped",
    "opined", "offered", "advised", "reminded", "assured", "scoffed", "chided", "cracked",
    "texted", "emailed", "explained", "stressed", "acknowledged", "admitted", "insisted",
    "remembered", "remembers", "chiding", "chides", "bemoaning", "lamenting", "decrying", "pressed", "ask",
];

/// Verbs of thought and intent: a sentence with one reports someone's
/// view, so a short quote in it is attributed ("Ramos believes in a
/// journalism that \"takes sides\"").
pub const THOUGHT_VERBS: &[&str] = &[
    "believes", "believed", "believe", "thinks", "thought", "think", "feels", "felt", "hopes",
    "hoped", "wants", "wanted", "fears", "feared", "expects", "expected", "considers",
    "considered", "vowed", "pledged", "promised", "insisted", "argued", "contended", "contends",
    "maintained", "suggested", "predicted", "proposed", "proposes", "urged", "demanded",
    "accused", "described", "calls", "called", "labeled", "dubbed", "branded", "referred",
];

/// Verbs of naming and judging that introduce a partial quote before it
/// (called it "a con", rated the claim "false"): cues before a quote only.
pub const NAMING_VERBS: &[&str] = &[
    "called", "calls", "call", "calling", "described", "describes", "describe", "describing",
    "labeled", "labelled", "labels", "branded", "brands", "dubbed", "dubs", "termed", "terms",
    "referred", "refers", "deemed", "deems", "dismissed", "dismisses", "accused", "accuses",
    "accusing", "decried", "decries", "blasted", "blasts", "slammed", "slams", "praised",
    "praises", "hailed", "hails", "mocked", "mocks", "ruled", "rules", "rated", "rates",
    "criticized", "criticised", "criticizes", "criticises", "attacked", "attacks", "defended",
    "defends", "likened", "likens", "compared", "compares", "characterized", "characterised",
    "went", "goes", "blamed", "blames", "welcomed", "welcomes", "warned", "dismissed",
    "thanked", "thanks", "thanking", "praising", "blasting", "slamming", "mocking", "labeling",
    "labelling", "branding", "dubbing", "accused", "hailing", "criticizing", "criticising",
    "lauded", "lauds", "exhorted", "exhorts", "touted", "touts", "derided", "derides",
    "denounced", "denounces", "condemned", "condemns", "applauded", "applauds", "ridiculed",
    "lambasted", "excoriated", "assailed", "chastised", "scolded",
];

/// Nouns that head a description of a person who speaks ("the Republican
/// nominee", "one questioner"), beside the titles.
pub const ROLE_NOUNS: &[&str] = &[
    "nominee", "candidate", "host", "anchor", "narrator", "announcer", "moderator", "aide",
    "surrogate", "businessman", "businesswoman", "doctor", "physician", "scholar", "fellow",
    "expert", "critic", "mother", "father", "wife", "husband", "son", "daughter", "sister",
    "brother", "friend", "neighbor", "neighbour", "witness", "victim", "resident", "student",
    "teacher", "veteran", "senator", "congressman", "congresswoman", "lawmaker", "legislator",
    "democrat", "republican", "incumbent", "challenger", "rival", "opponent", "activist",
    "billionaire", "mogul", "star", "actor", "actress", "singer", "author", "columnist",
    "journalist", "reporter", "editor", "historian", "professor", "economist", "strategist",
    "pollster", "consultant", "aide", "staffer", "official", "officials", "spokesman",
    "spokeswoman", "spokesperson", "man", "woman", "source", "sources", "person", "people",
    "family", "relatives", "parents", "attorneys", "lawyers", "ceo", "founder", "chief", "cousin",
    "uncle", "aunt", "niece", "nephew", "grandson", "granddaughter", "partner", "boyfriend",
    "girlfriend", "fiance", "fiancee", "colleague", "supporter", "protester", "organizer",
    "tycoon", "magnate",
];

/// Words that describe a person's affiliation or origin (nationalities,
/// parties): a modifier before a name ("Republican Donald Trump"), never a
/// speaker on their own.
pub const DESCRIPTORS: &[&str] = &[
    "republican", "republicans", "democrat", "democrats", "democratic", "libertarian",
    "conservative", "liberal", "progressive", "socialist", "labour", "tory", "gop", "american", "british", "english", "scottish", "welsh", "irish", "french", "german",
    "italian", "spanish", "portuguese", "dutch", "belgian", "swiss", "austrian", "swedish",
    "norwegian", "danish", "finnish", "icelandic", "polish", "czech", "slovak", "hungarian",
    "romanian", "bulgarian", "greek", "turkish", "russian", "ukrainian", "belarusian", "serbian",
    "croatian", "bosnian", "albanian", "estonian", "latvian", "lithuanian", "georgian",
    "armenian", "azerbaijani", "kazakh", "uzbek", "chinese", "japanese", "korean", "taiwanese",
    "vietnamese", "thai", "malaysian", "indonesian", "filipino", "indian", "pakistani", "afghan",
    "bangladeshi", "iranian", "iraqi", "syrian", "lebanese", "israeli", "palestinian",
    "jordanian", "saudi", "emirati", "qatari", "yemeni", "egyptian", "libyan", "tunisian",
    "algerian", "moroccan", "sudanese", "ethiopian", "eritrean", "somali", "kenyan", "ugandan",
    "tanzanian", "rwandan", "congolese", "nigerian", "ghanaian", "senegalese", "malian",
    "burkinabe", "nigerien", "chadian", "cameroonian", "ivorian", "guinean", "liberian",
    "angolan", "zambian", "zimbabwean", "mozambican", "malawian", "namibian", "botswanan",
    "african", "european", "asian", "arab", "latin", "canadian", "mexican", "cuban", "brazilian",
    "argentine", "argentinian", "chilean", "peruvian", "colombian", "venezuelan", "bolivian",
    "ecuadorian", "australian", "zealander", "western", "eastern", "northern", "southern",
    "hispanic", "latino", "latina", "muslim", "christian", "jewish", "catholic", "evangelical",
];

/// Heads of descriptions that name a body or a document, legitimate sources
/// of a quote on their own ("the report says", "the commission said").
pub const SOURCE_NOUNS: &[&str] = &[
    "report", "statement", "letter", "complaint", "filing", "lawsuit", "suit", "ruling",
    "order", "decision", "memo", "document", "documents", "ad", "advert", "advertisement",
    "clip", "video", "spot", "piece", "article", "story", "study", "survey", "poll", "analysis",
    "website", "site", "post", "tweet", "release", "transcript", "indictment", "affidavit",
    "resolution", "bill", "law", "platform", "newspaper", "paper", "magazine", "network",
    "broadcaster", "agency", "commission", "committee", "campaign", "council", "court",
    "ministry", "department", "government", "administration", "company", "firm", "group",
    "union", "party", "panel", "board", "office", "foundation", "institute", "center", "centre",
    "organization", "organisation", "association", "coalition", "alliance", "authority",
    "authorities", "police", "army", "military", "embassy", "team", "club", "bank", "fund",
    "service", "guidelines", "book", "film", "documentary", "message", "email", "e-mail",
    "note", "notice", "warning", "summary", "conclusion", "findings", "data", "figures", "brief",
    "motion", "petition", "review", "audit", "account", "memoir", "biography", "editorial",
    "column", "passage", "excerpt", "op-ed", "essay", "blog", "caption", "sign", "banner",
    "readout", "communique", "declaration", "proclamation", "guidance", "manual", "script",
    "verdict", "opinion", "dissent", "assessment", "estimate", "forecast",
];

/// Words ending in "-er" that name no one ("After ...", "Earlier, ...",
/// "Whether ..."): the "-er" of a role noun (a reporter, a lawmaker) is
/// not theirs.
pub const ER_NON_NOUNS: &[&str] = &[
    "after", "earlier", "later", "whether", "however", "together", "never", "ever", "either",
    "neither", "further", "rather", "other", "another", "over", "under", "former", "latter",
    "whatever", "whenever", "wherever", "whoever", "better", "bigger", "greater", "higher",
    "lower", "longer", "larger", "smaller", "fewer", "faster", "slower", "harder", "easier",
    "stronger", "weaker", "closer", "farther", "sooner", "newer", "older", "younger", "summer",
    "winter", "september", "october", "november", "december",
];

/// Words that open a description of a source ("the minister", "a
/// spokesman", "one questioner").
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "one", "another", "its", "his", "her", "their", "our", "this", "that",
    "some", "several", "two", "three", "many",
];

/// Role words and honorifics that say a person is a woman or a man.
pub const FEMALE_WORDS: &[&str] = &[
    "mrs", "ms", "miss", "madam", "dame", "lady", "queen", "princess", "duchess", "spokeswoman",
    "chairwoman", "congresswoman", "businesswoman", "councilwoman", "wife", "mother", "daughter",
    "sister", "grandmother", "widow", "actress", "woman", "girl", "aunt", "niece", "mom",
];
pub const MALE_WORDS: &[&str] = &[
    "mr", "sir", "lord", "king", "prince", "duke", "spokesman", "chairman", "congressman",
    "businessman", "councilman", "husband", "father", "son", "brother", "grandfather", "widower",
    "actor", "man", "boy", "uncle", "nephew", "dad", "pope", "monsignor",
];

/// Abbreviated titles and their full role word ("Gov. Mike Pence" is the
/// governor).
pub const ROLE_ALIASES: &[(&str, &str)] = &[
    ("gov", "governor"), ("sen", "senator"), ("rep", "representative"), ("gen", "general"),
    ("lt", "lieutenant"), ("col", "colonel"), ("maj", "major"), ("capt", "captain"),
    ("sgt", "sergeant"), ("adm", "admiral"), ("prof", "professor"), ("dr", "doctor"),
    ("congressman", "representative"), ("congresswoman", "representative"),
    ("chairwoman", "chairman"), ("chair", "chairman"), ("spokeswoman", "spokesman"),
    ("spokesperson", "spokesman"), ("ceo", "executive"), ("pres", "president"),
    ("atty", "attorney"), ("lawyer", "attorney"), ("secy", "secretary"), ("mp", "lawmaker"),
    ("legislator", "lawmaker"), ("businesswoman", "businessman"), ("candidate", "nominee"),
];

/// Negation cues: a cut that drops one of these right before the kept words
/// changes the meaning of a partial quote.
pub const NEGATIONS: &[&str] = &[
    "not", "no", "never", "nor", "neither", "cannot", "dont", "doesnt", "didnt", "wont", "wouldnt", "cant",
    "couldnt", "shouldnt", "isnt", "arent", "wasnt", "werent", "hasnt", "havent", "hadnt", "mustnt",
    "nobody", "nothing", "none", "without", "n't",
];

/// Words that open a condition governing the clause they attach to.
pub const CONDITIONS: &[&str] =
    &["unless", "if", "until", "provided", "providing", "except", "only", "once", "when"];

/// Limiting qualifiers: dropping one right before the kept words changes them.
pub const LIMITERS: &[&str] = &[
    "only", "just", "merely", "partly", "partially", "almost", "nearly", "barely", "hardly",
    "scarcely", "largely", "mostly", "possibly", "probably", "perhaps", "may", "might", "could",
];

/// Function words ignored when comparing the context of two claims.
pub const STOPWORDS: &[&str] = &[
    "a", "an", "the", "and", "or", "but", "of", "to", "in", "on", "at", "by", "for", "with",
    "from", "as", "that", "this", "these", "those", "is", "are", "was", "were", "be", "been",
    "being", "has", "have", "had", "it", "its", "he", "she", "they", "them", "his", "her", "their",
    "we", "our", "us", "i", "you", "your", "which", "who", "whom", "whose", "what", "would",
    "will", "shall", "should", "can", "could", "may", "might", "must", "do", "does", "did", "not",
    "no", "said", "says", "say", "told", "also", "than", "then", "there", "here", "into", "over",
    "about", "after", "before", "up", "out", "some", "more", "most", "so", "such", "if", "all",
    "any", "one", "s", "t", "per", "cent", "percent", "mr", "ms", "mrs", "while", "when", "where",
    "since", "until", "against", "between", "around", "least", "nearly", "almost", "roughly",
    "approximately", "at", "under", "up", "just", "only",
];

/// Words that end the noun phrase naming the thing a figure counts.
pub const UNIT_STOPS: &[&str] = &[
    "of", "from", "to", "in", "on", "at", "by", "for", "with", "and", "or", "but", "that", "which", "who",
    "were", "was", "are", "is", "be", "been", "have", "has", "had", "will", "would", "could", "should",
    "can", "may", "might", "as", "than", "since", "after", "before", "into", "over", "under", "per", "a",
    "an", "the", "this", "these", "those", "said", "says", "told", "while", "when", "if", "across", "during",
    "against", "between", "amid", "among", "because", "last", "this", "each", "every", "more", "less",
    "fewer", "apiece", "each", "out", "up", "down", "away", "there", "here", "so", "too", "also", "it",
    "they", "he", "she", "we", "you", "i", "their", "his", "her", "its", "our",
];

/// Words that, before a number, make it an identifier rather than a count.
pub const IDENTIFIER_WORDS: &[&str] = &[
    "article", "resolution", "section", "chapter", "flight", "route", "number", "no", "page",
    "room", "highway", "line", "platform", "gate", "model", "phase", "stage", "grade", "level",
    "category", "paragraph", "clause", "item", "bill", "act", "decree", "order", "case", "channel",
    "district", "ward", "block", "building", "unit", "version", "episode", "season", "round",
    "week", "day", "year", "years", "aged", "age", "no.", "vol", "volume", "part", "rule",
    "amendment", "exhibit", "table", "figure", "fig", "step", "term", "match", "game", "road",
    "street", "avenue", "apartment", "tower",
];

/// Words before a four-digit number that mark it as a year.
pub const YEAR_CUES: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "before", "after", "of", "year", "early", "late",
    "mid", "spring", "summer", "autumn", "fall", "winter", "the", "during", "between", "and", "to",
    "through", "throughout", "circa", "around", "election", "fiscal", "budget", "season", "class",
    "cup", "olympics", "games", "vintage", "born", "founded", "established",
];

/// Month names and abbreviations (numbers beside them are dates, not figures).
pub const MONTHS: &[&str] = &[
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec",
];

/// Figure qualifiers, longest first, with the class each belongs to.
pub const QUALIFIERS_BEFORE: &[(&str, crate::value::Qualifier)] = {
    use crate::value::Qualifier::{Approximate as A, Lower as L, Upper as U};
    &[
        ("no more than", U), ("no fewer than", L), ("not more than", U), ("not less than", L),
        ("in excess of", L), ("upwards of", L), ("as many as", U), ("as much as", U),
        ("as few as", L), ("as little as", L), ("more than", L), ("greater than", L),
        ("higher than", L), ("at least", L), ("a minimum of", L), ("fewer than", U),
        ("less than", U), ("lower than", U), ("at most", U), ("a maximum of", U), ("up to", U),
        ("just under", U), ("just over", L), ("close to", U), ("nearly", U), ("almost", U),
        ("under", U), ("below", U), ("over", L), ("above", L), ("exceeding", L), ("beyond", L),
        ("some", A), ("about", A), ("around", A), ("roughly", A), ("approximately", A),
        ("approx", A), ("an estimated", A), ("estimated", A), ("circa", A), ("nearly-", U),
        ("well over", L), ("well above", L), ("just shy of", U), ("an approximate", A),
        ("a reported", A), ("about some", A), ("somewhere around", A),
        // Verbs of passing a mark bound a figure like "over" and "nearly".
        ("tops", L), ("topped", L), ("top", L), ("passes", L), ("passed", L), ("pass", L),
        ("exceeds", L), ("exceeded", L), ("exceed", L), ("surpasses", L), ("surpassed", L),
        ("nears", U), ("neared", U), ("approaches", U), ("approaching", U),
    ]
};

/// Qualifiers written after the number ("100 or more").
pub const QUALIFIERS_AFTER: &[(&str, crate::value::Qualifier)] = {
    use crate::value::Qualifier::{Approximate as A, Lower as L, Upper as U};
    &[
        ("or more", L), ("or over", L), ("and over", L), ("and more", L), ("plus", L),
        ("or above", L), ("or so", A), ("or fewer", U), ("or less", U), ("or under", U),
        ("at least", L), ("at most", U),
    ]
};

/// Currency symbols and codes, mapped to a canonical code.
pub const CURRENCIES: &[(&str, &str)] = &[
    ("us$", "USD"), ("$", "USD"), ("€", "EUR"), ("£", "GBP"), ("¥", "JPY"), ("₦", "NGN"),
    ("₹", "INR"), ("₽", "RUB"), ("usd", "USD"), ("eur", "EUR"), ("gbp", "GBP"), ("jpy", "JPY"),
    ("cfa", "XOF"), ("xof", "XOF"), ("chf", "CHF"), ("cny", "CNY"), ("rub", "RUB"), ("inr", "INR"),
    ("ngn", "NGN"), ("zar", "ZAR"), ("kes", "KES"), ("dollars", "USD"), ("dollar", "USD"),
    ("euros", "EUR"), ("euro", "EUR"), ("pounds", "GBP"), ("pound", "GBP"), ("yen", "JPY"),
    ("rupees", "INR"), ("roubles", "RUB"), ("rubles", "RUB"), ("francs", "XOF"), ("naira", "NGN"),
    ("rand", "ZAR"), ("shillings", "KES"), ("yuan", "CNY"),
];

/// Scale words and suffixes with their multipliers.
pub const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3), ("k", 1e3), ("million", 1e6), ("mln", 1e6), ("mn", 1e6), ("m", 1e6),
    ("billion", 1e9), ("bln", 1e9), ("bn", 1e9), ("b", 1e9), ("trillion", 1e12), ("tn", 1e12),
    ("hundred", 1e2), ("crore", 1e7), ("lakh", 1e5),
];

/// Nouns that count the same thing and so may align with each other.
pub const UNIT_SYNONYMS: &[(&str, &str)] = &[
    ("person", "people"), ("individual", "people"), ("persons", "people"), ("civilian", "people"),
    ("resident", "people"), ("soldier", "troop"), ("troop", "troop"), ("fighter", "fighter"),
    ("mercenary", "fighter"), ("combatant", "fighter"), ("child", "child"), ("children", "child"),
    ("kid", "child"), ("men", "man"), ("women", "woman"), ("pc", "percent"),
    ("percentage", "percent"), ("other", "people"),
];

/// Words that say what happened to the people a figure counts. A figure of
/// people (or of nothing named) takes the nearest cue as what it counts, so
/// "12 killed" and "30 wounded" never align, and "a toll of 23" and
/// "killed 23 people" do.
pub const EVENT_CUES: &[(&str, &str)] = &[
    ("killed", "dead"), ("dead", "dead"), ("died", "dead"), ("deaths", "dead"), ("death", "dead"),
    ("toll", "dead"), ("fatalities", "dead"), ("lives", "dead"), ("bodies", "dead"),
    ("perished", "dead"), ("drowned", "dead"), ("injured", "injured"), ("wounded", "injured"),
    ("hurt", "injured"), ("injuries", "injured"), ("hospitalised", "injured"),
    ("hospitalized", "injured"), ("missing", "missing"), ("arrested", "arrested"),
    ("detained", "arrested"), ("arrests", "arrested"), ("evacuated", "displaced"),
    ("displaced", "displaced"), ("homeless", "displaced"), ("fled", "displaced"),
    ("rescued", "rescued"), ("infected", "infected"), ("cases", "infected"),
];

/// Plural nouns without a final s.
pub const IRREGULAR_PLURALS: &[&str] = &[
    "people", "men", "women", "children", "police", "staff", "cattle", "sheep", "fish",
    "personnel", "aircraft", "crew", "livestock", "deer", "feet", "teeth", "mice", "geese",
];

pub fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Negation cues (the `n't` of contractions is matched by suffix).
pub const NEGATION_CUES: &[&str] = &[
    "not", "no", "never", "none", "nobody", "nothing", "neither", "nor", "cannot", "unable",
];

/// Forms of "be" and its like, after which "without" says what is lacking.
pub const COPULAS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "remain", "remains", "remained", "left", "went",
    "go", "goes", "gone", "stay", "stays", "stayed",
];

/// Nouns after a denial verb that make it deny a statement ("denied the
/// allegations"), not refuse a thing ("rejected a subpoena", "deny
/// service").
pub const DENIED_STATEMENTS: &[&str] = &[
    "claim", "claims", "allegation", "allegations", "accusation", "accusations", "charge", "charges",
    "report", "reports", "suggestion", "suggestions", "rumour", "rumours", "rumor", "rumors",
    "assertion", "assertions", "story", "stories", "account", "accounts",
];

/// Verbs that deny what follows them.
pub const DENIAL_VERBS: &[&str] = &[
    "deny", "denies", "denied", "denying", "reject", "rejects", "rejected", "rejecting",
    "dismiss", "dismisses", "dismissed", "refute", "refutes", "refuted", "disputed", "disputes",
    "rebuffed", "rebuts", "rebutted",
];

/// Verbs that deny when followed by "to" ("declined to comment").
pub const REFUSAL_VERBS: &[&str] = &[
    "declined", "declines", "refused", "refuses", "failed", "fails",
];

/// Verbs that affirm what follows them.
pub const AFFIRM_VERBS: &[&str] = &[
    "confirm", "confirms", "confirmed", "acknowledge", "acknowledges", "acknowledged", "admit",
    "admits", "admitted", "signed", "signs", "agreed", "agrees", "conceded", "concedes",
];

/// Words that open a clause of their own within a sentence.
pub const CLAUSE_OPENERS: &[&str] = &[
    "but", "while", "although", "though", "whereas", "however", "because",
];

/// Words opening a clause that states no fact (a condition or a question).
pub const HYPOTHETICAL_OPENERS: &[&str] = &[
    "if", "unless", "whether", "should", "would", "could", "might", "lest",
];

/// Weekday names, Monday first.
/// Words that, before a cue in the same sentence, make a clause a plan, a
/// possibility or a condition rather than an assertion ("would not",
/// "may not", "is set to", "plans to"): not a polarity claim.
pub const NON_ASSERTIVE: &[&str] = &[
    "if", "unless", "whether", "should", "would", "could", "might", "may", "will", "shall", "lest",
    "won't", "wouldn't", "couldn't", "shouldn't", "mightn't", "won’t", "wouldn’t", "couldn’t",
    "shouldn’t", "plans", "plan", "planned", "planning", "expected", "intends", "intend", "hopes",
    "hope", "wants", "want", "set", "likely", "unlikely", "possible", "would've", "would’ve",
    "could've", "could’ve", "might've", "might’ve", "should've", "should’ve", "urge", "possibly", "perhaps", "maybe",
    "threatened", "threatens", "vowed", "vows", "pledged", "pledges", "promised", "promises", "urged",
    "urges", "asked", "asks", "called", "calls", "proposed", "proposes", "seeks", "sought",
];

/// Words that open a new clause inside a sentence: a claim's frame (its
/// holder, its anchors) is read within its own clause.
pub const FRAME_BOUNDARIES: &[&str] = &[
    "that", "which", "who", "whom", "whose", "where", "when", "while", "after", "before", "because",
    "but", "although", "though", "whereas", "since", "including", "and", "or",
];

/// Capitalised words that are not a holder's name: titles, honorifics and
/// name suffixes ("Former Rep. Jesse Jackson Jr.": the holder is Jackson).
pub const NOT_HOLDER_HEADS: &[&str] = &[
    "jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "dr", "rep", "sen", "gov", "gen", "former",
    "the", "a", "an", "in", "on", "at", "by", "for", "of", "to", "as", "with", "from", "it", "he",
    "she", "they", "we", "i", "this", "that", "these", "those", "his", "her", "its", "their", "our",
    "after", "before", "when", "while", "but", "and", "or", "so", "yet", "if", "some", "all", "both",
    "about", "nearly", "almost", "around", "more", "less", "over", "under", "up", "just", "only",
    "last", "next", "this", "early", "late", "since", "until", "during", "according",
];

/// Conjunctions that join clauses: a quote cut to "X and Z" from "X. Y
/// and Z" left out a separate sentence.
pub const COORDINATORS: &[&str] = &["and", "but", "or", "so"];

/// Bodies and groups that give figures of their own ("police said", "the
/// organisers claimed"): two figures from different ones are different
/// estimates, not a disagreement.
pub const CLAIMANT_NOUNS: &[&str] = &[
    "police", "organisers", "organizers", "organiser", "organizer", "officials", "official",
    "authorities", "government", "ministry", "company", "union", "unions", "hospital", "army",
    "military", "rebels", "witnesses", "residents", "activists", "campaigners", "prosecutors",
    "investigators", "researchers", "analysts", "economists", "opposition", "protesters",
    "protestors", "management", "employers", "spokesman", "spokeswoman", "spokesperson",
    "critics", "supporters", "agency", "observers", "monitors", "doctors", "firefighters",
];

/// Claimant nouns that name one kind of source: officials speak for the
/// authorities, the government, a ministry (each maps to the first word).
pub const CLAIMANT_CLASSES: &[(&str, &[&str])] = &[
    ("official", &["official", "officials", "authorities", "government", "ministry", "agency", "spokesman", "spokeswoman", "spokesperson"]),
    ("organiser", &["organisers", "organizers", "organiser", "organizer", "campaigners", "activists", "protesters", "protestors"]),
    ("union", &["union", "unions"]),
    ("employer", &["company", "management", "employers"]),
];

/// Prepositions: a name after one is not its clause's subject.
pub const PREPOSITIONS: &[&str] = &[
    "in", "at", "of", "from", "near", "for", "with", "by", "to", "on", "into", "across", "outside",
    "inside", "against", "about", "over", "under", "between", "among", "toward", "towards", "via",
];

/// Auxiliary verbs: after a name, they make it the clause's subject.
pub const AUXILIARIES: &[&str] = &[
    "is", "are", "was", "were", "has", "have", "had", "will", "would", "can", "could", "may", "might",
    "shall", "should", "did", "does", "do", "must", "won't", "didn't", "hasn't", "haven't", "wasn't",
    "weren't", "isn't", "aren't", "won’t", "didn’t", "hasn’t", "haven’t", "wasn’t", "weren’t",
    "isn’t", "aren’t", "also", "said", "says", "told",
];

/// Words next to a date that say when in the day, not what happened
/// ("Thursday night", "late Friday"): skipped when looking for the event.
pub const TIME_OF_DAY: &[&str] = &[
    "night", "morning", "afternoon", "evening", "late", "early", "last", "next", "this", "overnight",
    "midday", "noon", "tonight", "today", "yesterday", "tomorrow",
];

pub const WEEKDAYS: &[&str] = &[
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
];

/// Prepositions that tie a year to an event ("since 2013", "in 2017").
pub const YEAR_PREPOSITIONS: &[&str] = &[
    "in", "since", "until", "till", "by", "from", "during", "before", "after",
];

/// Words that end an organisation's (or a place's) name, not a person's.
pub const ORG_WORDS: &[&str] = &[
    "agency", "council", "ministry", "union", "party", "bank", "company", "group", "corporation",
    "inc", "ltd", "plc", "authority", "commission", "committee", "association", "federation",
    "office", "department", "university", "court", "police", "army", "forces", "government",
    "parliament", "assembly", "institute", "foundation", "service", "services", "board",
    "league", "front", "movement", "organisation", "organization", "news", "times", "post",
    "press", "airlines", "airport", "hospital", "school", "club", "fc", "city", "county",
    "state", "republic", "kingdom", "province", "region", "district", "port", "bureau", "trust",
    "network", "alliance", "coalition", "centre", "center", "fund", "programme", "program",
    "exchange", "reserve", "treasury", "house", "hall", "street", "square", "river", "valley",
    "mountains", "island", "islands", "sea", "ocean", "lake", "bay", "road", "bridge",
    "constitution", "capitol", "mall", "month", "address", "college", "congress", "senate",
];

/// Verbs that only report speech: not what a clause is about.
pub const REPORTING_VERBS: &[&str] = &[
    "said", "says", "say", "saying", "told", "tells", "added", "adds", "stated", "states",
    "explained", "noted", "according", "reported", "announced", "spokesman", "spokeswoman",
];

/// Verbs that carry little meaning of their own ("did not use tear gas" is
/// about tear gas): left out of what a clause is about.
pub const LIGHT_VERBS: &[&str] = &[
    "use", "used", "uses", "using", "make", "makes", "made", "making", "take", "takes", "took",
    "taken", "taking", "have", "has", "had", "having", "give", "gives", "gave", "given", "get",
    "gets", "got", "do", "does", "did", "done", "put", "puts",
];

/// Words for one event, mapped to one stem ("came into force" and "took
/// effect" both date the same start).
pub const EVENT_SYNONYMS: &[(&str, &str)] = &[
    ("force", "effect"), ("start", "begin"), ("starte", "begin"), ("launch", "begin"),
    ("commen", "begin"), ("detain", "arrest"), ("killed", "die"), ("kill", "die"), ("death", "die"),
    ("dead", "die"), ("talk", "meet"), ("meetin", "meet"), ("inaugu", "open"), ("sack", "dismis"),
    ("fire", "dismis"), ("resign", "quit"), ("elect", "vote"), ("ballot", "vote"),
];

/// Words a config file adds to the lists above (speech verbs, hedges). They
/// apply process-wide: a run's options set them before extraction.
#[derive(Debug, Clone, Default)]
pub struct Extra {
    pub speech_verbs: Vec<String>,
    pub hedges: Vec<String>,
}

static EXTRA: std::sync::RwLock<Option<Extra>> = std::sync::RwLock::new(None);
/// Whether [`EXTRA`] holds any word (asked before taking its lock: the
/// lists are asked for every word near every quote, and most runs add none).
static HAS_EXTRA: std::sync::atomic::AtomicBool = std::sync::atomic::AtomicBool::new(false);
static SPEECH: std::sync::LazyLock<crate::text::Lexicon> =
    std::sync::LazyLock::new(|| crate::text::Lexicon::new(&[SPEECH_VERBS]));

/// Replace the configured extra words (lower-cased).
pub fn set_extra(speech_verbs: &[String], hedges: &[String]) {
    let lower = |v: &[String]| v.iter().map(|w| crate::text::fold(w.trim())).filter(|w| !w.is_empty()).collect();
    let extra = Extra { speech_verbs: lower(speech_verbs), hedges: lower(hedges) };
    let empty = extra.speech_verbs.is_empty() && extra.hedges.is_empty();
    if let Ok(mut g) = EXTRA.write() {
        *g = (!empty).then_some(extra);
        HAS_EXTRA.store(!empty, std::sync::atomic::Ordering::Release);
    }
}

fn has_extra() -> bool {
    HAS_EXTRA.load(std::sync::atomic::Ordering::Acquire)
}

/// Whether `w` (lower case) is a speech verb, built in or configured.
pub fn is_speech_verb(w: &str) -> bool {
    SPEECH.contains(w)
        || (has_extra()
            && EXTRA.read().ok().and_then(|g| g.as_ref().map(|e| e.speech_verbs.iter().any(|v| v == w))).unwrap_or(false))
}

/// Whether a word as written (surrounding punctuation and case aside) is
/// a speech verb: "said," and "Said" are.
pub fn is_speech_verb_written(w: &str) -> bool {
    let w = w.trim_matches(|c: char| !c.is_alphanumeric());
    if w.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        is_speech_verb(w)
    } else {
        is_speech_verb(&w.to_lowercase())
    }
}

/// Configured extra hedges (lower case), each meaning "approximately".
pub fn extra_hedges() -> Vec<String> {
    if !has_extra() {
        return Vec::new();
    }
    EXTRA.read().ok().and_then(|g| g.as_ref().map(|e| e.hedges.clone())).unwrap_or_default()
}
