import Foundation
import InterviewKit

/// Reads labelled corpus files, failing with the file and line of a bad one.
enum CorpusFiles {
    static func read(_ files: [String]) throws -> [LabelledAnswer] {
        var items: [LabelledAnswer] = []
        for file in files {
            items += try LabelledAnswer.parseLines(try String(contentsOfFile: file, encoding: .utf8), file: file)
        }
        return items
    }
}
