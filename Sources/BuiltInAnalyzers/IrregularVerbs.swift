/// English irregular verbs, each base form with its past and past participle (the closed class),
/// and the short regular verbs whose forms the suffix-stripper cannot relate ("use", "used",
/// "using"): so that a cue written in one form matches the others ("tell them everything" matches
/// "told them everything"; "make a report" matches "made a report").
///
/// Left out are verbs whose forms are more often another word in an interview answer: "mean"
/// ("meant" is not the means of suicide), "lie" and "lay", "wind", "bear", "rise", "grind",
/// "light", "saw", "spit", "found" (to found is regular), "stick" and "strike" as nouns aside.
enum IrregularVerbs {
    /// Each line: the base form, then its other forms.
    private static let table = """
        arise arose arisen; awake awoke awoken; be was were been is are am being; beat beaten; become became; begin began begun;
        bend bent; bet; bid; bind bound; bite bit bitten; bleed bled; blow blew blown; break broke broken;
        breed bred; bring brought; broadcast; build built; burn burnt; burst; buy bought; cast; catch caught;
        choose chose chosen; cling clung; come came; cost; creep crept; cut; deal dealt; dig dug; do did done doing does;
        draw drew drawn; dream dreamt; drink drank drunk; drive drove driven; eat ate eaten; fall fell fallen;
        feed fed; feel felt; fight fought; find found; flee fled; fling flung; fly flew flown; forbid forbade forbidden;
        forget forgot forgotten; forgive forgave forgiven; freeze froze frozen; get got gotten; give gave given;
        go went gone going goes; grow grew grown; hang hung; have had has having; hear heard; hide hid hidden; hit; hold held; hurt;
        keep kept; kneel knelt; know knew known; lead led; lean leant; leap leapt; learn learnt; leave left;
        lend lent; let; lose lost; make made; meet met; mislead misled; mistake mistook mistaken; overcome overcame;
        oversee oversaw overseen; overtake overtook overtaken; pay paid; put; quit; read; redo redid redone;
        rewrite rewrote rewritten; ride rode ridden; ring rang rung; run ran; say said saying says; see saw seen seeing sees; seek sought;
        sell sold; send sent; set; shake shook shaken; shine shone; shoot shot; show showed shown; shrink shrank shrunk;
        shut; sing sang sung; sink sank sunk; sit sat; sleep slept; slide slid; speak spoke spoken; speed sped;
        spend spent; spill spilt; spin spun; split; spread; spring sprang sprung; stand stood; steal stole stolen;
        sting stung; stink stank stunk; stride strode stridden; strive strove striven; swear swore sworn;
        sweep swept; swim swam swum; swing swung; take took taken; teach taught; tear tore torn; tell told;
        think thought; throw threw thrown; thrust; tread trod trodden; undergo underwent undergone;
        understand understood; undertake undertook undertaken; undo undid undone; uphold upheld; wake woke woken;
        wear wore worn; weave wove woven; weep wept; win won; withdraw withdrew withdrawn; withhold withheld;
        wring wrung; write wrote written; use used using uses; die died dying dies; tie tied tying ties
        """

    /// The verbs, each as its base form and its other forms.
    static let verbs: [(base: String, forms: [String])] = table.split(separator: ";").map { entry in
        let words = entry.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(String.init)
        return (words[0], Array(words.dropFirst()))
    }
}
