/// Finds analyzers by identifier, the way the command line names them.
public struct AnalyzerRegistry: Sendable {
    public let available: [any Analyzer]

    public init(_ available: [any Analyzer]) {
        self.available = available
    }

    public var identifiers: [String] { available.map(\.identifier) }

    public func analyzer(_ identifier: String) -> (any Analyzer)? {
        available.first { $0.identifier == identifier }
    }

    /// The analyzers named, in that order; an unknown name is an error that lists the known ones.
    public func resolve(_ identifiers: [String]) throws(UnknownAnalyzer) -> AnalyzerSet {
        var chosen: [any Analyzer] = []
        for identifier in identifiers where !chosen.contains(where: { $0.identifier == identifier }) {
            guard let analyzer = analyzer(identifier) else {
                throw UnknownAnalyzer(name: identifier, known: self.identifiers)
            }
            chosen.append(analyzer)
        }
        return AnalyzerSet(chosen)
    }
}

public struct UnknownAnalyzer: Error, Sendable, CustomStringConvertible {
    public var name: String
    public var known: [String]

    public var description: String {
        "unknown analyzer '\(name)'; available: \(known.joined(separator: ", ")).\(didYouMean(name, known))"
    }
}
