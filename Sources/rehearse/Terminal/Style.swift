import FoundationEssentials
import Glibc

/// Colour and emphasis, only on a terminal and never when NO_COLOR is set.
struct Style {
    let enabled: Bool

    static func detect() -> Style {
        let noColor = ProcessInfo.processInfo.environment["NO_COLOR"].map { !$0.isEmpty } ?? false
        return Style(enabled: isatty(STDOUT_FILENO) == 1 && !noColor)
    }

    private func wrap(_ text: String, _ code: String) -> StyledText { StyledText(text, code: enabled ? code : nil) }

    func interviewer(_ text: String) -> StyledText { wrap("Interviewer:", "1;36") + " " + text }
    func heading(_ text: String) -> StyledText { wrap(text, "1") }
    func dim(_ text: String) -> StyledText { wrap(text, "2") }
    func good(_ text: String) -> StyledText { wrap(text, "32") }
    func missing(_ text: String) -> StyledText { wrap(text, "33") }
}
