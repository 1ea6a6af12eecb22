import Synchronization

/// The features of one clause or one answer, as the model reads them: each a key and a value.
///
/// A feature's key is the 64-bit FNV-1a hash of its name ("word:called", "fact:past"), which the
/// extractor computes from a word's bytes without making a String; the names themselves are kept
/// only when asked for (training, and explaining a decision).
package struct FeatureVector: Sendable {
    package private(set) var keys: [UInt64] = []
    package private(set) var values: [Double] = []
    package private(set) var names: [String]?

    package init(naming: Bool = false) {
        names = naming ? [] : nil
        keys.reserveCapacity(48)
        values.reserveCapacity(48)
    }

    package var count: Int { keys.count }

    /// Empties the vector for the next clause, keeping its storage.
    package mutating func removeAll() {
        keys.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        if names != nil { names!.removeAll(keepingCapacity: true) }
    }

    /// Adds a feature whose name is fixed (its key computed once).
    package mutating func add(_ feature: NamedFeature, _ value: Double = 1) {
        keys.append(feature.key)
        values.append(value)
        names?.append(feature.name)
    }

    /// Adds `prefix` + `bytes` (a word's lowercase spelling) as a feature.
    package mutating func add(_ prefix: NamedFeature, bytes: UnsafeBufferPointer<UInt8>, _ value: Double = 1) {
        keys.append(FeatureHash.extend(prefix.key, bytes))
        values.append(value)
        names?.append(prefix.name + String(decoding: bytes, as: UTF8.self))
    }

    /// The features whose names `include` accepts (only for a vector made with names).
    package func keeping(_ include: (String) -> Bool) -> FeatureVector {
        guard let names else { preconditionFailure("only a named vector can be filtered by name") }
        var kept = FeatureVector(naming: true)
        for index in names.indices where include(names[index]) {
            kept.keys.append(keys[index])
            kept.values.append(values[index])
            kept.names?.append(names[index])
        }
        return kept
    }
}

/// A feature name and its key, made once.
///
/// The value is the key alone, and the name is kept aside: a clause's features are read from
/// arrays of these for every clause of every answer, and a copied String is a retain and a
/// release each time (a tenth of the model's time). Only training and explaining read names.
package struct NamedFeature: Sendable {
    package let key: UInt64

    package init(_ name: String) {
        key = FeatureHash.hash(name)
        Self.names.withLock { $0[key] = name }
    }

    package var name: String { Self.names.withLock { $0[key] ?? "" } }

    private static let names = Mutex<[UInt64: String]>([:])
}

/// FNV-1a, 64 bits: the same key for a name hashed whole or in pieces.
package enum FeatureHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    package static func hash(_ name: String) -> UInt64 {
        var name = name
        return name.withUTF8 { extend(offset, $0) }
    }

    static func extend(_ hash: UInt64, _ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash = hash
        for byte in bytes { hash = (hash ^ UInt64(byte)) &* prime }
        return hash
    }
}
