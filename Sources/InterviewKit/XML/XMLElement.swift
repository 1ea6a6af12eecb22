/// An element of a parsed XML document, copied out of libxml2's tree so that no C memory outlives parsing.
struct XMLElement: Sendable {
    struct Attribute: Sendable {
        var name: String
        /// Namespace URI of a prefixed attribute; nil for plain attributes.
        var namespace: String?
        var value: String
        var nameLocation: SourceLocation
        /// Maps offsets in `value` (Unicode scalars) to source positions.
        var valueMap: XMLSourceMap.AttributeValue?

        /// The source location of the scalar at `offset` inside the value (clamped to the value).
        func location(ofValueOffset offset: Int) -> SourceLocation {
            valueMap?.location(ofScalar: offset) ?? nameLocation
        }

        /// Where the value starts in the source.
        var valueLocation: SourceLocation { location(ofValueOffset: 0) }
    }

    var name: String
    var namespace: String?
    var attributes: [Attribute]
    var children: [XMLElement]
    /// The element's own text, its direct text and CDATA children joined.
    var text: String
    var location: SourceLocation

    func attribute(_ name: String) -> Attribute? {
        attributes.first { $0.name == name && $0.namespace == nil }
    }
}
