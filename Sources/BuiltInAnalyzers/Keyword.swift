/// The words the rules name one at a time ("had" before "to", "was" before "able to").
///
/// The vocabulary gives these words the first ids, in this order, so a token's id is its keyword's
/// raw value and a rule compares two integers instead of two Strings.
enum Keyword: Int32, CaseIterable, Sendable {
    // Clause reading: subjects, auxiliaries and what follows them.
    case a, able, aimed, always, and, `as`, asked, assigned, at, began, because, brought, can, charged, chose
    case continued, could, decided, did, does, each, everybody, everyone, expected, felt, `for`, got, had, has, have
    case heard, helped, her, him, hired, hoped, `if`, `in`, intended, `is`, kept, made, managed, needed, never, new, not
    case noticed, offered, on, once, planned, realised, realized, responsible, saw, since, started, supposed, tasked, the
    case them, this, to, tried, used, wanted, was, went, were, what, who, worked, would
    case didnt, couldnt, wasnt, werent, hadnt, dont, doesnt, cant, wont, isnt, arent
    // Delivery: "like", and the words after which it is a filler.
    case like, itS, just, so, um, uh
    // SMART time frames.
    case age, aged, after, am, before, by, couple, few, iM, next, one, over, turn, until, within, first, or, least, than, under

    /// The word as the tokenizer spells it: lowercase, plain apostrophes.
    package var spelling: String { Self.spellings[Int(rawValue)] }

    /// In the order of the cases (a test checks each against its case's name).
    private static let spellings: [String] = [
        "a", "able", "aimed", "always", "and", "as", "asked", "assigned", "at", "began", "because", "brought", "can",
        "charged", "chose", "continued", "could", "decided", "did", "does", "each", "everybody", "everyone",
        "expected", "felt", "for", "got", "had", "has", "have", "heard", "helped", "her", "him", "hired", "hoped",
        "if", "in", "intended", "is", "kept", "made", "managed", "needed", "never", "new", "not", "noticed",
        "offered", "on", "once", "planned", "realised", "realized", "responsible", "saw", "since", "started",
        "supposed", "tasked", "the", "them", "this", "to", "tried", "used", "wanted", "was", "went", "were", "what",
        "who", "worked", "would", "didn't", "couldn't", "wasn't", "weren't", "hadn't", "don't", "doesn't", "can't",
        "won't", "isn't", "aren't", "like", "it's", "just", "so", "um", "uh", "age", "aged", "after", "am", "before", "by",
        "couple", "few", "i'm", "next", "one", "over", "turn", "until", "within", "first", "or", "least", "than", "under",
    ]
}
