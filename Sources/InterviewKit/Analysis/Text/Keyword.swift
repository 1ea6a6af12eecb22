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
    // Delivery: the words after which "like" is a filler.
    case itS, just, so, um, uh
    // SMART time frames.
    case age, aged, after, am, before, by, couple, few, iM, next, one, over, turn, until, within

    /// The word as the tokenizer spells it: lowercase, plain apostrophes.
    var spelling: String {
        switch self {
        case .didnt: "didn't"
        case .couldnt: "couldn't"
        case .wasnt: "wasn't"
        case .werent: "weren't"
        case .hadnt: "hadn't"
        case .dont: "don't"
        case .doesnt: "doesn't"
        case .cant: "can't"
        case .wont: "won't"
        case .isnt: "isn't"
        case .arent: "aren't"
        case .itS: "it's"
        case .iM: "i'm"
        default: "\(self)"
        }
    }
}
