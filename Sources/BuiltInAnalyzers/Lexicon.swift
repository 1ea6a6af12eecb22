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

    /// Irregular past forms of verbs that describe doing something.
    package static let irregularActionPast: Set<String> = [
        "did", "went", "made", "took", "got", "gave", "told", "said", "found", "brought", "began", "wrote", "spoke", "ran",
        "led", "set", "put", "sent", "spent", "held", "chose", "drove", "taught", "built", "paid", "let", "sought", "broke",
        "threw", "sat", "met", "kept", "left", "stood", "caught", "came", "rang", "bought", "fed", "shared", "drew", "stuck",
        "dealt", "sought", "withdrew", "overcame", "undertook", "rewrote", "forgave", "understood", "reached",
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

    package static let numberWords: Set<String> = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve", "fifteen", "twenty",
        "thirty", "forty", "fifty", "hundred", "half", "twice", "dozen", "percent", "doubled", "tripled", "halved", "zero",
        "once", "weekly", "monthly", "first",
    ]

    /// Month and season names, for dates.
    package static let months: Set<String> = [
        "january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november",
        "december", "spring", "summer", "fall", "autumn", "winter", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
        "sept", "oct", "nov", "dec", "quarter",
    ]
}
