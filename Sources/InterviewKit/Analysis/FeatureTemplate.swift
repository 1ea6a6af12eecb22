/// An analyzer's feature dictionary made once with every declared name in it, then copied and
/// filled in place for each answer: hashing a dozen long names into a new dictionary cost as much
/// as reading the answer's clauses.
struct FeatureTemplate: Sendable {
    private let template: [String: FeatureValue]
    private let indices: [Dictionary<String, FeatureValue>.Index]

    init(_ descriptors: [FeatureDescriptor]) {
        var template: [String: FeatureValue] = [:]
        for descriptor in descriptors { template[descriptor.name] = .bool(false) }
        self.template = template
        indices = descriptors.map { template.index(forKey: $0.name) ?? template.startIndex }
    }

    var count: Int { indices.count }

    /// The features with `values` in the order of the descriptors.
    func features(_ values: [FeatureValue]) -> [String: FeatureValue] {
        var features = template
        // The copy keeps the template's layout, so the template's indices find the same entries.
        for (index, value) in zip(indices, values) { features.values[index] = value }
        return features
    }
}
