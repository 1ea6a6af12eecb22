/// The features a condition may name, with their types and who provides them.
public struct FeatureCatalog: Sendable {
    public struct Entry: Sendable {
        public var descriptor: FeatureDescriptor
        /// Analyzer identifier, or `engine` for the interview's own counters.
        public var provider: String
    }

    public private(set) var entries: [String: Entry] = [:]
    /// Analyzer identifiers in use, for messages.
    public private(set) var providers: [String] = []
    /// Identifiers of analyzers that could be used but are not, so that a condition on one of
    /// their features can say which to add.
    public var available: [String] = []

    public init() {}

    public mutating func add(_ descriptors: [FeatureDescriptor], from provider: String) {
        if !providers.contains(provider) { providers.append(provider) }
        for descriptor in descriptors where entries[descriptor.name] == nil {
            entries[descriptor.name] = Entry(descriptor: descriptor, provider: provider)
        }
    }

    public subscript(name: String) -> Entry? { entries[name] }

    public var names: [String] { entries.keys.sorted() }
}
