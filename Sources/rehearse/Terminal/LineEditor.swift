#if canImport(Glibc)
import Glibc
#endif
import CLibEdit
import InterviewKit
import Synchronization

/// libedit on a terminal: arrow keys, history, Tab completion of commands.
final class LineEditor: LineSource {
    private let editor: OpaquePointer
    private let history: OpaquePointer
    private var prompt: UnsafeMutablePointer<CChar>?

    /// Words Tab completes, such as the colon commands.
    nonisolated(unsafe) static var completions: [String] = []

    init?() {
        // libedit decodes the prompt and what is typed with the C library's locale; in the default
        // "C" locale anything beyond ASCII (an accent, a curly quote) fails to decode.
        if setlocale(LC_CTYPE, "") == nil || !LineEditor.localeIsUTF8 {
            _ = setlocale(LC_CTYPE, "C.UTF-8")
        }
        guard LineEditor.localeIsUTF8 else { return nil }
        guard let history = rehearse_history_init() else { return nil }
        guard let editor = rehearse_el_init(CommandLine.arguments.first ?? "rehearse") else {
            history_end(history)
            return nil
        }
        self.editor = editor
        self.history = history
        rehearse_el_configure(editor, history)
        rehearse_el_set_getc(editor) { editor, character in
            guard let character else { return -1 }
            switch Paste.nextCharacter() {
            case .character(let scalar):
                character.pointee = wchar_t(bitPattern: scalar.value)
                return 1
            case .end:
                return 0
            case .interrupted:
                // libedit clears its line when the read fails: what was typed is taken now.
                if let editor, let info = el_line(editor) {
                    let typed = text(at: info.pointee.buffer, length: info.pointee.lastchar - info.pointee.buffer)
                    LineEditor.interruptedLine.withLock { $0 = typed.isEmpty ? nil : typed }
                }
                errno = EINTR
                return -1
            }
        }
        rehearse_el_bind_tab(editor) { editor, _ in
            guard let editor, let info = el_line(editor) else { return UInt8(CC_ERROR) }
            let typed = text(at: info.pointee.buffer, length: info.pointee.cursor - info.pointee.buffer)
            guard typed.hasPrefix(":"), !typed.contains(" ") else { return UInt8(CC_ERROR) }
            let matches = LineEditor.completions.filter { $0.hasPrefix(typed) }
            guard let first = matches.first else { return UInt8(CC_ERROR) }
            var common = first
            for match in matches.dropFirst() {
                while !match.hasPrefix(common) { common.removeLast() }
            }
            if common.count > typed.count {
                el_insertstr(editor, String(common.dropFirst(typed.count)) + (matches.count == 1 ? " " : ""))
                return UInt8(CC_REFRESH)
            }
            print("\n" + matches.joined(separator: "  "))
            return UInt8(CC_REDISPLAY)
        }
    }

    static var localeIsUTF8: Bool {
        guard let codeset = nl_langinfo(nl_item(CODESET)) else { return false }
        let name = String(cString: codeset).uppercased()
        return name == "UTF-8" || name == "UTF8"
    }

    deinit {
        Paste.disable()
        el_end(editor)
        history_end(history)
        free(prompt)
    }

    func read(prompt text: String) -> LineInput {
        // Ctrl-C pressed while the program was busy (not reading) counts now.
        if Interrupts.take() { return .interrupt }
        // The terminal marks what is pasted (bracketed paste), so a paste stays one block.
        Paste.enable()
        free(prompt)
        prompt = strdup(text)
        rehearse_el_set_prompt_text(editor, prompt)
        var count: Int32 = 0
        guard let line = el_gets(editor, &count) else {
            // A read cut short by Ctrl-C returns nothing, like end of input; the flag tells them
            // apart. What was typed of the line is still in the editor's buffer: it is kept.
            return Interrupts.take() ? .interrupt(partial: typedSoFar) : .end
        }
        var text = String(cString: line)
        if text.hasSuffix("\n") { text.removeLast() }
        // A Ctrl-C just after Enter is left for the next read: the line was read, and it is
        // taken as any line is (an answer's line kept, a command run, a paste checked and shown).
        if let pasted = Paste.takeBlock() { return .paste(text + pasted) }
        return .line(text)
    }

    /// The line being edited when Ctrl-C cut the read short, taken once.
    private var typedSoFar: String? { LineEditor.interruptedLine.withLock { line in defer { line = nil }; return line } }

    /// Set by the character reader, which runs inside libedit's read, when a signal interrupts it.
    private static let interruptedLine = Mutex<String?>(nil)

    func remember(_ entry: String) {
        rehearse_history_add(history, entry)
    }
}

/// Bracketed paste: the terminal wraps what is pasted in ESC [200~ … ESC [201~. The pasted text
/// is taken whole, blank lines and all, and handed back as one block; libedit sees only the Enter
/// that returns the line it was pasted into. Typed text goes to libedit as before.
private enum Paste {
    private static let start: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "0", "~"]
    private static let end: [Unicode.Scalar] = ["\u{1B}", "[", "2", "0", "1", "~"]
    /// Characters read ahead while looking for a paste's start, to hand to libedit in order; and
    /// the block pasted, until the line is read.
    /// What one paste may hold, in characters: the limit for one answer, plus one, so that it is
    /// refused as too long rather than cut.
    private static let maximumPaste = InputLimits.answerBytes + 1
    private static let state = Mutex<(ahead: [Unicode.Scalar], block: String?, enabled: Bool)>(([], nil, false))

    static func enable() {
        let wasEnabled = state.withLock { state in defer { state.enabled = true }; return state.enabled }
        if !wasEnabled && isatty(STDOUT_FILENO) == 1 { writeOut("\u{1B}[?2004h") }
    }

    static func disable() {
        let wasEnabled = state.withLock { state in defer { state.enabled = false }; return state.enabled }
        if wasEnabled && isatty(STDOUT_FILENO) == 1 { writeOut("\u{1B}[?2004l") }
    }

    private static func writeOut(_ text: String) {
        var bytes = Array(text.utf8)
        _ = Glibc.write(STDOUT_FILENO, &bytes, bytes.count)
    }

    /// The pasted text with its line breaks as "\n": terminals send a pasted line break as a carriage return.
    private static func lines(_ scalars: [Unicode.Scalar]) -> String {
        var text = String.UnicodeScalarView()
        var previous: Unicode.Scalar?
        for scalar in scalars {
            if scalar == "\n" && previous == "\r" {
                previous = scalar
                continue
            }
            text.append(scalar == "\r" ? "\n" : scalar)
            previous = scalar
        }
        return String(text)
    }

    static func takeBlock() -> String? { state.withLock { state in defer { state.block = nil }; return state.block } }

    /// The next character for libedit: one read ahead first, else one from the terminal; a whole
    /// paste becomes one Enter, its text kept for `takeBlock`.
    static func nextCharacter() -> CharacterRead {
        if let queued = state.withLock({ state -> Unicode.Scalar? in state.ahead.isEmpty ? nil : state.ahead.removeFirst() }) {
            return .character(queued)
        }
        let first = readCharacter()
        guard case .character("\u{1B}") = first else { return first }
        // An escape: a paste's start, or a key (an arrow is ESC [ A) to hand on as read.
        var read: [Unicode.Scalar] = ["\u{1B}"]
        while read.count < start.count {
            guard case .character(let next) = readCharacter() else { break }
            read.append(next)
            if read != Array(start.prefix(read.count)) { break }
        }
        guard read == start else {
            state.withLock { $0.ahead += read.dropFirst() }
            return .character("\u{1B}")
        }
        var pasted: [Unicode.Scalar] = []
        while true {
            switch readCharacter() {
            case .character(let scalar):
                // A paste over the limit for one answer is read to its end but not kept beyond it;
                // the session then says the answer is too long.
                if pasted.count < maximumPaste { pasted.append(scalar) } else { pasted.replaceSubrange((pasted.count - end.count)..., with: pasted.suffix(end.count - 1) + [scalar]) }
                if pasted.count >= end.count && Array(pasted.suffix(end.count)) == end {
                    pasted.removeLast(end.count)
                    let text = lines(pasted)
                    state.withLock { $0.block = text }
                    return .character("\n")
                }
            case .end, .interrupted:
                // Cut short: what was pasted so far is kept, as a block.
                let text = lines(pasted)
                state.withLock { $0.block = text }
                return .character("\n")
            }
        }
    }
}

private enum CharacterRead {
    case character(Unicode.Scalar)
    case end
    case interrupted
}

/// One character typed at the terminal, decoded from UTF-8; returns early when a signal arrives.
private func readCharacter() -> CharacterRead {
    func byte() -> UInt8?? {
        while true {
            guard Interrupts.waitForInput(on: STDIN_FILENO) else { return .some(nil) }
            var value: UInt8 = 0
            let count = Glibc.read(STDIN_FILENO, &value, 1)
            if count == 1 { return value }
            if count < 0, errno == EINTR || errno == EAGAIN { continue }
            return nil
        }
    }
    guard let first = byte() else { return .end }
    guard let lead = first else { return .interrupted }
    let length = lead < 0x80 ? 1 : lead >> 5 == 0b110 ? 2 : lead >> 4 == 0b1110 ? 3 : lead >> 3 == 0b11110 ? 4 : 0
    guard length > 0 else { return .character("\u{FFFD}") }
    var bytes = [lead]
    while bytes.count < length {
        guard let next = byte() else { return .end }
        guard let continuation = next else { return .interrupted }
        guard continuation & 0xC0 == 0x80 else { return .character("\u{FFFD}") }
        bytes.append(continuation)
    }
    var decoder = UTF8()
    var iterator = bytes.makeIterator()
    if case .scalarValue(let scalar) = decoder.decode(&iterator) { return .character(scalar) }
    return .character("\u{FFFD}")
}

/// The first `length` bytes at `start`, as UTF-8 text.
private func text(at start: UnsafePointer<CChar>, length: Int) -> String {
    let buffer = UnsafeBufferPointer(start: start, count: max(0, length))
    return String(decoding: buffer.map { UInt8(bitPattern: $0) }, as: UTF8.self)
}
