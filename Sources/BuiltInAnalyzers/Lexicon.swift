/// Word lists the rule-based analyzers share. Lowercase; apostrophes plain.
enum Lexicon {
    package static let firstSingular: Set<String> = ["i", "i'm", "i've", "i'd", "i'll", "me", "my", "myself", "mine"]
    package static let firstPlural: Set<String> = ["we", "we're", "we've", "we'd", "we'll", "us", "our", "ourselves", "ours"]
    /// Subjects whose actions are the group's rather than the speaker's.
    package static let groupSubjects: Set<String> = ["we", "we've", "we'd", "team", "staff", "everyone", "everybody", "unit", "department"]
    package static let thirdPersonSubjects: Set<String> = [
        "she", "he", "they", "client", "patient", "clients", "patients", "family", "mother", "father", "mom", "dad", "son",
        "daughter", "parents", "wife", "husband", "partner", "participant", "member", "resident", "youth", "teen", "kid",
        "colleague", "coworker", "supervisor", "nurse", "psychiatrist", "doctor", "manager", "peer", "it", "things", "nobody",
        "someone", "person", "guy", "woman", "man", "boy", "girl", "everything", "symptoms", "score", "scores", "attendance",
        "she's", "he's", "they've", "she'd", "he'd", "everyone", "everybody", "members", "residents", "kids", "children",
        "group", "eviction", "case", "application", "charges",
    ]

    /// Adverbs that may stand between a subject and its verb.
    package static let adverbs: Set<String> = [
        "then", "also", "just", "really", "actually", "finally", "immediately", "first", "quickly", "eventually", "personally",
        "myself", "still", "even", "later", "gently", "slowly", "carefully", "calmly", "basically", "kind", "sort", "of",
        "honestly", "ultimately", "instead", "both", "all", "again", "directly", "right", "away", "specifically", "initially",
        "simply", "quietly", "openly", "together", "soon", "literally", "like", "um", "uh", "definitely", "probably", "think",
        "guess", "maybe", "already", "only", "therefore", "naturally", "privately", "promptly",
    ]

    package static let modals: Set<String> = ["would", "will", "could", "might", "should", "can", "may", "must", "shall", "'d", "'ll", "gonna", "wanna"]
    package static let negations: Set<String> = ["not", "never", "didn't", "don't", "doesn't", "wasn't", "weren't", "couldn't", "wouldn't", "won't", "haven't", "hadn't", "no", "nobody", "nothing", "neither", "nor", "can't", "cannot", "isn't", "aren't"]

    /// The irregular simple-past forms of English verbs that describe doing something: the whole
    /// closed class, with the common prefixed forms ("overcame", "rewrote"). Left out: the forms of
    /// states and thoughts (`statePast`: "felt", "knew", "saw") and forms that are more often
    /// another word ("ground", "wound", "bore", "lay", "rose", "lit", "spat"). Forms that are also
    /// base forms ("put", "set", "read") are past here too; "shared" is listed because `notPast`
    /// keeps the adjective.
    package static let irregularActionPast: Set<String> = [
        "arose", "awoke", "beat", "began", "bent", "bet", "bid", "bit", "bled", "blew", "broke", "bred", "brought",
        "built", "burnt", "burst", "bought", "cast", "caught", "chose", "clung", "came", "crept", "cut", "dealt",
        "dug", "did", "drew", "drank", "drove", "ate", "fed", "fought", "found", "fled", "flung", "flew",
        "forbade", "forgave", "forgot", "froze", "got", "gave", "went", "grew", "hung", "hid", "hit", "held", "hurt",
        "kept", "knelt", "laid", "led", "leant", "leapt", "lent", "let", "lost", "made", "met", "mistook",
        "misled", "paid", "put", "quit", "read", "rode", "rang", "ran", "said", "sought", "sold", "sent", "set",
        "shook", "shone", "shot", "shrank", "shut", "sang", "sank", "sat", "slept", "slid", "slung", "slit",
        "spoke", "sped", "spent", "spilt", "spun", "split", "spread", "sprang", "stood", "stole", "stuck",
        "stung", "stank", "strode", "struck", "strung", "strove", "swore", "swept", "swam", "swung", "took", "taught",
        "tore", "told", "threw", "thrust", "trod", "understood", "woke", "wore", "wove", "wept", "won", "wrung", "wrote",
        "withdrew", "withheld", "upheld", "overcame", "overtook", "oversaw", "undertook", "underwent", "undid", "outdid",
        "redid", "remade", "rewrote", "retold", "rebuilt", "reran", "resold", "forwent", "foresaw", "broadcast",
        "left", "shared",
    ]
    /// Past forms that describe a state or a thought, not an action.
    package static let statePast: Set<String> = [
        "was", "were", "had", "felt", "thought", "knew", "wanted", "hoped", "liked", "loved", "believed", "seemed", "needed",
        "realized", "realised", "noticed", "remembered", "wondered", "worried", "feared", "assumed", "expected", "appeared",
        "looked", "sounded", "became", "supposed", "happened", "meant", "guessed", "figured", "saw", "heard", "got",
        "decided", "tended", "preferred", "enjoyed", "struggled", "learned", "learnt", "managed", "seen", "been",
    ]
    /// Words ending in -ed that are not past tenses.
    package static let notPast: Set<String> = ["need", "bed", "red", "seed", "feed", "indeed", "speed", "shed", "med", "meds", "shared", "ted", "fred", "ned", "sacred", "hundred", "naked", "wicked", "kindred", "embed", "biased"]

    /// Past forms that open a task ("I needed to…", "I had to…").
    package static let taskVerbs: Set<String> = ["needed", "had", "wanted", "decided", "tried", "aimed", "planned", "hoped", "intended"]

    package static let habitual: Set<String> = ["always", "usually", "typically", "generally", "normally", "often", "tend", "whenever", "regularly", "routinely", "constantly", "frequently", "sometimes", "mostly"]
    package static let hedges: Set<String> = ["maybe", "perhaps", "probably", "possibly", "somewhat", "guess", "suppose", "hopefully", "arguably", "apparently"]
    package static let fillers: Set<String> = ["um", "uh", "erm", "er", "hmm", "uhm", "umm", "uhh", "basically", "literally", "anyway", "anyways", "whatever"]

    /// The cardinal numbers in words from two up (the whole class: "one" is left out, it is mostly
    /// "one client"), and words of amount and frequency.
    package static let numberWords: Set<String> = [
        "zero", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "thirteen",
        "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty", "thirty", "forty", "fifty", "sixty",
        "seventy", "eighty", "ninety", "hundred", "thousand", "million", "billion",
        "half", "twice", "dozen", "percent", "doubled", "tripled", "halved", "once", "weekly", "monthly", "first",
    ]

    /// Month and season names, for dates.
    package static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "spring", "summer", "fall", "autumn", "winter", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "quarter",
    ]
}
