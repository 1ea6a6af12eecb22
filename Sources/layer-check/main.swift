import Foundation

// The LayerCheck build plugin's tool: `layer-check TARGET STAMP ALLOWED,… SOURCE…`. Prints one
// compiler-style error for every import of a module not in ALLOWED, and exits 1 if there was one;
// otherwise writes STAMP, a Swift file with only a comment, which the target compiles (so that the
// build runs this check whenever a source changes).

let arguments = CommandLine.arguments
guard arguments.count >= 4 else {
    FileHandle.standardError.write(Data("usage: layer-check TARGET STAMP ALLOWED,… SOURCE…\n".utf8))
    exit(64)
}
let target = arguments[1]
let stamp = arguments[2]
let allowed = Set(arguments[3].split(separator: ",").map(String.init))
var problems: [String] = []

/// `text` with block comments (nested, as Swift has them) and multi-line string literals blanked
/// out, every line break kept, so that what is left on a line is code and its line and column
/// are the source's.
func codeOnly(_ text: String) -> String {
    var result = ""
    var depth = 0
    var inString = false
    var index = text.startIndex
    while index < text.endIndex {
        let rest = text[index...]
        if !inString && rest.hasPrefix("/*") {
            depth += 1
            result += "  "
            index = text.index(index, offsetBy: 2)
        } else if depth > 0 && rest.hasPrefix("*/") {
            depth -= 1
            result += "  "
            index = text.index(index, offsetBy: 2)
        } else if depth == 0 && rest.hasPrefix("\"\"\"") {
            inString.toggle()
            result += "   "
            index = text.index(index, offsetBy: 3)
        } else {
            let character = text[index]
            result.append(depth > 0 || inString ? (character.isNewline ? character : " ") : character)
            index = text.index(after: index)
        }
    }
    return result
}

for path in arguments.dropFirst(4) {
    guard let text = try? String(contentsOfFile: path, encoding: .utf8) else {
        problems.append("\(path):1:1: error: layer-check cannot read this file")
        continue
    }
    for (offset, line) in codeOnly(text).split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
        // `import X`, `@_exported import X`, `@testable import X`, `import struct X.Y`, with any
        // white space between the words.
        var words = line.split(whereSeparator: \.isWhitespace)
        while let first = words.first, first.hasPrefix("@") { words.removeFirst() }
        guard words.first == "import", words.count >= 2 else { continue }
        let kinds: Set<Substring> = ["struct", "class", "enum", "protocol", "func", "var", "let", "typealias"]
        let named = kinds.contains(words[1]) && words.count >= 3 ? words[2] : words[1]
        let module = String(named.split(separator: ".").first ?? named)
        guard !allowed.contains(module) else { continue }
        let column = (line.range(of: module).map { line.distance(from: line.startIndex, to: $0.lowerBound) } ?? 0) + 1
        problems.append(
            "\(path):\(offset + 1):\(column): error: \(target) may not import \(module); its layer may import "
                + allowed.sorted().joined(separator: ", ") + " (Plugins/LayerCheck and docs/architecture.md say why)")
    }
}

if !problems.isEmpty {
    FileHandle.standardError.write(Data((problems.joined(separator: "\n") + "\n").utf8))
    exit(1)
}
let contents = "// \(target)'s imports were checked by layer-check: each is a dependency or a module its layer may use.\n"
if (try? String(contentsOfFile: stamp, encoding: .utf8)) != contents {
    do {
        try contents.write(toFile: stamp, atomically: true, encoding: .utf8)
    } catch {
        FileHandle.standardError.write(Data("layer-check: cannot write \(stamp): \(error)\n".utf8))
        exit(73)
    }
}
