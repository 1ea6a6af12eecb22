import InterviewCore
/// A parsed XML document, held as flat arrays in document order.
///
/// Built from libxml2's SAX2 events (`XMLDocumentBuilder`), so libxml2 builds no tree of its own:
/// no node is allocated, walked or freed one by one. `XMLElement` and `XMLElement.Attribute` are
/// views into it; positions come from the source map, only for the elements that need one.
final class XMLDocument {
    struct Element {
        /// Indices into `strings`; -1 for none.
        var name: Int32
        var namespace: Int32
        /// Element children as a chain: the first, then each one's next sibling; -1 ends it.
        var firstChild: Int32 = -1
        var nextSibling: Int32 = -1
        var firstAttribute: Int32
        var attributeCount: Int32
        /// The element's own text, as a chain of pieces of `bytes`; -1 for none.
        var firstText: Int32 = -1
        var lastText: Int32 = -1
        /// libxml2's line for the element, used when the source map cannot place it.
        var line: Int32
    }

    struct Attribute {
        var name: Int32
        var prefix: Int32
        var namespace: Int32
        /// The value (references decoded), in `bytes`.
        var valueStart: Int32
        var valueCount: Int32
    }

    struct Text {
        var start: Int32
        var count: Int32
        var next: Int32 = -1
    }

    let sourceMap: XMLSourceMap
    let elements: [Element]
    let attributes: [Attribute]
    let texts: [Text]
    /// Attribute values and text, one after another.
    let bytes: [UInt8]
    /// Names, prefixes and namespace URIs, each once: two are equal exactly when their indices are.
    let strings: [String]
    private let stringIndices: [String: Int32]

    var file: String { sourceMap.file }
    /// Element 0 is the root: the builder refuses a document without one.
    var root: XMLElement { XMLElement(document: self, index: 0) }

    init(
        sourceMap: XMLSourceMap, elements: [Element], attributes: [Attribute], texts: [Text], bytes: [UInt8], strings: [String],
        stringIndices: [String: Int32]
    ) {
        self.sourceMap = sourceMap
        self.elements = elements
        self.attributes = attributes
        self.texts = texts
        self.bytes = bytes
        self.strings = strings
        self.stringIndices = stringIndices
    }

    /// The index of `text` in `strings`; -1 when the document uses no such name, prefix or URI.
    /// Matching names by index is comparing two integers.
    func index(ofString text: String) -> Int32 { stringIndices[text] ?? -1 }

    func string(_ index: Int32) -> String? { index >= 0 ? strings[Int(index)] : nil }

    /// Where the start tag of element `index` begins, when the source map and the parser agree on it.
    /// Elements are numbered in document order, as the source map lists start tags.
    func startTagOffset(of index: Int32) -> Int? {
        guard Int(index) < sourceMap.startTags.count else { return nil }
        let offset = Int(sourceMap.startTags[Int(index)])
        // They disagree only if the scanner was confused; then the parser's line is used.
        return sourceMap.tag(at: offset, isNamed: strings[Int(elements[Int(index)].name)]) ? offset : nil
    }

    func location(of index: Int32) -> SourceLocation {
        // libxml2's line is where the start tag ends: nearly always the line it starts on too.
        if let offset = startTagOffset(of: index) {
            return sourceMap.location(ofByte: offset, lineHint: Int(elements[Int(index)].line))
        }
        return SourceLocation(file: file, line: Int(elements[Int(index)].line), column: 1)
    }
}
