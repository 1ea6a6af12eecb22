/// Text from a file, a plugin or an answer, made safe to show a person: characters that a
/// terminal or a text viewer would act on rather than show become visible escapes.
///
/// Escaped: the C0 controls but line feed and tab (so ESC cannot start a CSI or OSC sequence —
/// screen clearing, window titles, clipboard writes, hyperlinks — and a carriage return cannot
/// overwrite a line), DEL, the C1 controls U+0080–U+009F (U+009B is a one-character CSI), and the
/// bidirectional formatting characters (U+202E and its kin reorder what is shown). Everything
/// else, emoji and every script included, is left as it is.
extension String {
    /// `self`, with each such character written `\u{1B}` (its code point in hex).
    public var visibleControls: String {
        guard unicodeScalars.contains(where: Self.mustEscape) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if Self.mustEscape(scalar) {
                result.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// JSON text (as an encoder writes it) with each such character written as a JSON escape,
    /// `\u009B`, so that the same data reaches a tool while none of them reaches a terminal.
    /// Outside strings, JSON text holds only characters that need none.
    public var escapingControlsForJSON: String {
        guard unicodeScalars.contains(where: Self.mustEscape) else { return self }
        var result = String.UnicodeScalarView()
        for scalar in unicodeScalars {
            if Self.mustEscape(scalar) {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                result.append(scalar)
            }
        }
        return String(result)
    }

    /// Text from a file or an answer as Markdown shows it: raw HTML written as entities (a viewer
    /// then shows `<script>` or `<img onerror=…>` as text rather than acting on it), control
    /// characters visible.
    public var markdownEscaped: String {
        visibleControls.replacingAll("&", with: "&amp;").replacingAll("<", with: "&lt;").replacingAll(">", with: "&gt;")
    }

    /// Text from a file or an answer as HTML text or an attribute's value: `&`, `<`, `>` and both
    /// quotes as references, control and bidirectional characters visible.
    public var htmlEscaped: String {
        // By scalar: a combining mark after a quote makes one Character of the two, and the quote
        // must still be escaped.
        var result = String.UnicodeScalarView()
        for scalar in visibleControls.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;".unicodeScalars
            case "<": result += "&lt;".unicodeScalars
            case ">": result += "&gt;".unicodeScalars
            case "\"": result += "&quot;".unicodeScalars
            case "'": result += "&#39;".unicodeScalars
            default: result.append(scalar)
            }
        }
        return String(result)
    }

    /// Text from a file or an answer shown word for word in Markdown: `markdownEscaped`, and what
    /// would make a link, an image, emphasis, code or a table escaped with a backslash, as is the
    /// start of a line that would make a heading or a list; leading white space is written as
    /// no-break spaces, since four spaces would make a code block, where escapes show as typed.
    /// Bare addresses ("https://…", "www.…", "name@host") are broken up invisibly, so that GitHub's
    /// Markdown does not link them either. An answer cannot add a link or load an image.
    public var markdownLiteral: String {
        var result = ""
        var atLineStart = true
        var pendingDigits = ""
        for character in markdownEscaped {
            if atLineStart && pendingDigits.isEmpty && (character == " " || character == "\t") {
                result += character == "\t" ? "&nbsp;&nbsp;&nbsp;&nbsp;" : "&nbsp;"
                continue
            }
            if atLineStart, character.isASCII, character.isNumber {
                pendingDigits.append(character)
                continue
            }
            if atLineStart {
                if !pendingDigits.isEmpty {
                    result += pendingDigits
                    if character == "." || character == ")" { result.append("\\") }
                    pendingDigits = ""
                } else if "#-+=".contains(character) {
                    result.append("\\")
                }
            }
            if "\\`*_[]~|@".contains(character) {
                result.append("\\")
            } else if character == ":" || character == "." {
                let before = String(result.suffix(5)).lowercased()
                if character == ":" ? before.hasSuffix("http") || before.hasSuffix("https") || before.hasSuffix("ftp") : before.hasSuffix("www") {
                    result.append("\\")
                }
            }
            result.append(character)
            atLineStart = character == "\n"
        }
        return result + pendingDigits
    }

    package static func mustEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x061C, 0x200E, 0x200F, 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }
}
