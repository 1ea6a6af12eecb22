import ArgumentParser
import FoundationEssentials
import Glibc
import InterviewKit

/// Which sessions `history` and `progress` look at.
struct HistoryFilterOptions: ParsableArguments {
    @Option(help: ArgumentHelp("Only this scenario's sessions (its id, e.g. quick-start).", valueName: "id"))
    var scenario: String?

    @Option(help: ArgumentHelp("Only sessions that asked this question (its id).", valueName: "id"))
    var question: String?

    @Option(help: ArgumentHelp("Only sessions with a question that looks for this competency, or an answer that showed it (its id).", valueName: "id"))
    var competency: String?

    @Option(help: ArgumentHelp("Only sessions on or after this day (YYYY-MM-DD, local time).", valueName: "date"))
    var since: String?

    @Option(help: ArgumentHelp("Only sessions before this day (YYYY-MM-DD, local time).", valueName: "date"))
    var until: String?

    func validate() throws {
        for (name, value) in [("--since", since), ("--until", until)] {
            if let value, Self.day(value) == nil { throw ValidationError("\(name) takes a day as YYYY-MM-DD, e.g. 2026-11-30, not '\(value)'") }
        }
    }

    var filter: HistoryFilter {
        HistoryFilter(scenario: scenario, question: question, competency: competency, since: since.flatMap(Self.day), until: until.flatMap(Self.day))
    }

    /// The start of a day in local time, from "YYYY-MM-DD".
    static func day(_ text: String) -> Date? {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
            let year = Int32(parts[0]), let month = Int32(parts[1]), let day = Int32(parts[2]), (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var time = tm()
        time.tm_year = year - 1900
        time.tm_mon = month - 1
        time.tm_mday = day
        time.tm_isdst = -1
        let seconds = mktime(&time)
        // mktime moves an impossible day (31 April) on to the next month: refuse it instead.
        guard seconds != -1, time.tm_mday == day, time.tm_mon == month - 1 else { return nil }
        return Date(timeIntervalSince1970: Double(seconds))
    }
}
