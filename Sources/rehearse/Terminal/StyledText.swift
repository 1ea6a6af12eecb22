import InterviewKit

/// Text for the terminal with Rehearse's own colour and emphasis: the styling is kept apart
/// from the text until it is printed, so that what is shown of a file, a plugin or an answer
/// goes through `visibleControls` and only Rehearse's own escape sequences reach the terminal.
struct StyledText {
    fileprivate var pieces: [(text: String, code: String?)]

    init(_ text: String, code: String? = nil) {
        pieces = [(text, code)]
    }

    /// The text as the terminal gets it: each piece made visible, then wrapped in its code; lines
    /// broken at spaces to fit `width` columns, when given.
    func rendered(width: Int? = nil) -> String {
        // The breaks are found in the text as shown.
        let visible = pieces.map { $0.text.visibleControls }
        let shown = width.map { LineWrapping.wrap(visible, width: $0) } ?? visible
        return zip(shown, pieces).map { text, piece in piece.code.map { "\u{1B}[\($0)m\(text)\u{1B}[0m" } ?? text }.joined()
    }

    var rendered: String { rendered() }

    static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var joined = lhs
        joined.pieces += rhs.pieces
        return joined
    }

    static func + (lhs: StyledText, rhs: String) -> StyledText { lhs + StyledText(rhs) }
}

/// Every line Rehearse prints on standard output goes through here (the executable's own `print`
/// hides the standard library's): text is shown with its control characters made visible.
/// With `wrapping`, on a terminal, lines are broken at spaces to fit it: the interview does so
/// (`TerminalInterview`); reports, JSON and listings keep their lines whole.
func print(_ text: String, terminator: String = "\n", wrapping: Bool = false) {
    let visible = text.visibleControls
    let width = wrapping ? LineWrapping.terminalWidth : nil
    Swift.print(width.map { LineWrapping.wrap(visible, width: $0) } ?? visible, terminator: terminator)
}

func print(_ text: StyledText, terminator: String = "\n", wrapping: Bool = false) {
    Swift.print(text.rendered(width: wrapping ? LineWrapping.terminalWidth : nil), terminator: terminator)
}
