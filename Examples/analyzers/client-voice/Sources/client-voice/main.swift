// A Rehearse analyzer plugin (docs/analyzer-protocol.md): does the answer let the client be heard?
// Interviewers for clinical roles listen for the client's own words and feelings, not only the
// clinician's actions. Features: `quotes` (the client's words, quoted or reported), `feelings`
// (feeling words), and the follow-up `client_view` when a story has neither.
import Foundation

let feelingWords: Set<String> = [
    "afraid", "angry", "anxious", "ashamed", "scared", "frustrated", "hopeless", "hurt", "lonely", "overwhelmed",
    "relieved", "sad", "worried", "embarrassed", "guilty", "numb", "furious", "desperate", "nervous", "terrified",
]
let reportingVerbs = ["she said", "he said", "they said", "she told me", "he told me", "they told me", "she asked", "he asked", "she explained", "he explained"]

/// Words with their positions in Unicode scalars, which is how the protocol counts.
func words(_ text: String) -> [(word: String, start: Int, end: Int)] {
    var result: [(String, Int, Int)] = []
    var current = ""
    var start = 0
    for (index, scalar) in text.unicodeScalars.enumerated() {
        if CharacterSet.letters.contains(scalar) || scalar == "'" {
            if current.isEmpty { start = index }
            current.unicodeScalars.append(scalar)
        } else if !current.isEmpty {
            result.append((current.lowercased(), start, index))
            current = ""
        }
    }
    if !current.isEmpty { result.append((current.lowercased(), start, text.unicodeScalars.count)) }
    return result
}

func analyze(_ answer: String) -> [String: Any] {
    var evidence: [[String: Any]] = []
    let scalars = Array(answer.unicodeScalars)
    var quotes = 0
    // Quoted speech: text between a pair of double quotes (straight or curly).
    var open: Int?
    for (index, scalar) in scalars.enumerated() where scalar == "\"" || scalar == "\u{201C}" || scalar == "\u{201D}" {
        if let start = open {
            quotes += 1
            evidence.append(["feature": "quotes", "start": start, "end": index + 1])
            open = nil
        } else {
            open = index
        }
    }
    let lowered = answer.lowercased()
    for verb in reportingVerbs {
        var searchStart = lowered.startIndex
        while let range = lowered.range(of: verb, range: searchStart..<lowered.endIndex) {
            let start = lowered.unicodeScalars.distance(from: lowered.unicodeScalars.startIndex, to: range.lowerBound.samePosition(in: lowered.unicodeScalars) ?? lowered.unicodeScalars.startIndex)
            quotes += 1
            evidence.append(["feature": "quotes", "start": start, "end": start + verb.unicodeScalars.count])
            searchStart = range.upperBound
        }
    }
    var feelings = 0
    for word in words(answer) where feelingWords.contains(word.word) {
        feelings += 1
        evidence.append(["feature": "feelings", "start": word.start, "end": word.end])
    }
    var response: [String: Any] = ["type": "analysis", "features": ["quotes": quotes, "feelings": feelings], "evidence": evidence]
    if quotes == 0 && feelings == 0 && words(answer).count >= 25 {
        response["followup"] = "client_view"
        response["reason"] = "The story tells what you did, but not what the client said or felt."
    }
    return response
}

func send(_ object: [String: Any]) {
    guard let data = try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]) else { return }
    FileHandle.standardOutput.write(data + Data("\n".utf8))
}

while let line = readLine(strippingNewline: true) {
    guard let message = (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] else {
        FileHandle.standardError.write(Data("client-voice: not a JSON object: \(line.prefix(80))\n".utf8))
        continue
    }
    switch message["type"] as? String {
    case "hello":
        send([
            "type": "hello", "protocol": 1, "name": "voice", "version": "1.0",
            "description": "the client's own words and feelings in the answer",
            "features": [
                ["name": "quotes", "type": "number", "description": "the client's words, quoted or reported"],
                ["name": "feelings", "type": "number", "description": "feeling words"],
            ],
            "followups": ["client_view"],
        ])
    case "analyze":
        var response = analyze(message["answer"] as? String ?? "")
        response["id"] = message["id"]
        send(response)
    default:
        FileHandle.standardError.write(Data("client-voice: unknown message type\n".utf8))
    }
}
