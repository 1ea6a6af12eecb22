import InterviewKit

/// Text for the terminal with Rehearse's own colour and emphasis: the styling is kept apart
/// from the text until it is printed, so that what is shown of a file, a plugin or an answer
/// goes through `visibleControls` and only Rehearse's own escape sequences reach the terminal.
struct StyledText {
    fileprivate var pieces: [(text: String, code: String?)]

    init(_ text: String, code: String? = nil) {
        pieces = [(text, code)]
    }

    /// The text as the terminal gets it: each piece made visible, then wrapped in its code.
    var rendered: String {
        pieces.map { piece in
            let text = piece.text.visibleControls
            return piece.code.map { "\u{1B}[\($0)m\(text)\u{1B}[0m" } ?? text
        }.joined()
    }

    static func + (lhs: StyledText, rhs: StyledText) -> StyledText {
        var joined = lhs
        joined.pieces += rhs.pieces
        return joined
    }

    static func + (lhs: StyledText, rhs: String) -> StyledText { lhs + StyledText(rhs) }
}

/// Every line Rehearse prints on standard output goes through here (the executable's own `print`
/// hides the standard library's): text is shown with its control characters made visible.
func print(_ text: String, terminator: String = "\n") {
    Swift.print(text.visibleControls, terminator: terminator)
}

func print(_ text: StyledText, terminator: String = "\n") {
    Swift.print(text.rendered, terminator: terminator)
}
