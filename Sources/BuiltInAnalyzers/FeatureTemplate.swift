import InterviewCore

/// An analyzer's feature names, each with its position among the declared features, made once;
/// for each answer, `mapValues` turns it into the features: it keeps the dictionary's layout, so
/// no name is hashed again (hashing a dozen long names into a new dictionary cost as much as
/// reading the answer's clauses).
struct FeatureTemplate: Sendable {
    private let positions: [String: Int]

    init(_ descriptors: [FeatureDescriptor]) {
        var positions: [String: Int] = [:]
        for (position, descriptor) in descriptors.enumerated() where positions[descriptor.name] == nil {
            positions[descriptor.name] = position
        }
        self.positions = positions
    }

    /// The features with `values` in the order of the descriptors (one value for each).
    func features(_ values: [FeatureValue]) -> [String: FeatureValue] {
        positions.mapValues { values[$0] }
    }
}
