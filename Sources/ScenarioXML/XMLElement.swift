import InterviewCore
/// An element of a parsed XML document: a view into its `XMLDocument`, which it keeps alive.
/// Reading a property makes the value it returns; nothing else is copied.
struct XMLElement {
    let document: XMLDocument
    /// The element's number in document order.
    let index: Int32

    private var record: XMLDocument.Element { document.elements[Int(index)] }

    /// The local name (without a prefix).
    var name: String { document.strings[Int(record.name)] }

    /// The namespace URI; nil for an element in no namespace.
    var namespace: String? { document.string(record.namespace) }

    /// Where the start tag begins.
    var location: SourceLocation { document.location(of: index) }

    /// The element children, in order.
    var children: Children { Children(document: document, cursor: record.firstChild) }

    var attributes: Attributes {
        let record = self.record
        return Attributes(element: self, indices: record.firstAttribute..<record.firstAttribute + record.attributeCount)
    }

    /// The local name as an index into the document's strings (see `XMLDocument.index(ofString:)`).
    var nameIndex: Int32 { record.name }

    /// The namespace URI as an index into the document's strings; -1 for none.
    var namespaceIndex: Int32 { record.namespace }

    /// The attribute in no namespace whose name is the document's string `nameIndex`.
    func attribute(nameIndex: Int32) -> Attribute? {
        guard nameIndex >= 0 else { return nil }
        let record = self.record
        for index in record.firstAttribute..<record.firstAttribute + record.attributeCount {
            let attribute = document.attributes[Int(index)]
            if attribute.name == nameIndex && attribute.namespace < 0 { return Attribute(element: self, index: index) }
        }
        return nil
    }

    /// Calls `body` with each piece of the element's own text (text and CDATA, as they came).
    private func forEachText(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var text = record.firstText
        document.bytes.withUnsafeBufferPointer { bytes in
            while text >= 0 {
                let piece = document.texts[Int(text)]
                body(UnsafeBufferPointer(rebasing: bytes[Int(piece.start)..<Int(piece.start + piece.count)]))
                text = piece.next
            }
        }
    }

    /// The element's own text (its text pieces joined), white space folded and trimmed, as
    /// `String.foldingWhitespace` gives it.
    var foldedText: String {
        // Almost always one piece, folded where it lies; several are joined first, since a run of
        // white space can span two of them.
        var only: UnsafeBufferPointer<UInt8>?
        var joined: [UInt8] = []
        var pieces = 0
        forEachText { bytes in
            pieces += 1
            if pieces == 1 {
                only = bytes
            } else {
                if pieces == 2, let only { joined.append(contentsOf: only) }
                joined.append(contentsOf: bytes)
            }
        }
        guard pieces > 1 else { return only.map(WhitespaceFolding.fold) ?? "" }
        return joined.withUnsafeBufferPointer(WhitespaceFolding.fold)
    }

    /// Whether the element's own text holds anything but white space.
    var hasText: Bool {
        var found = false
        forEachText { bytes in
            if !found && !WhitespaceFolding.isBlank(bytes) { found = true }
        }
        return found
    }

    struct Children: Sequence, IteratorProtocol {
        let document: XMLDocument
        var cursor: Int32

        mutating func next() -> XMLElement? {
            guard cursor >= 0 else { return nil }
            let element = XMLElement(document: document, index: cursor)
            cursor = document.elements[Int(cursor)].nextSibling
            return element
        }

        var first: XMLElement? { cursor >= 0 ? XMLElement(document: document, index: cursor) : nil }

        var isEmpty: Bool { cursor < 0 }

        /// The number of elements left.
        var count: Int {
            var count = 0
            var cursor = self.cursor
            while cursor >= 0 {
                count += 1
                cursor = document.elements[Int(cursor)].nextSibling
            }
            return count
        }
    }

    struct Attributes: Sequence, IteratorProtocol {
        let element: XMLElement
        var indices: Range<Int32>

        mutating func next() -> Attribute? {
            indices.popFirst().map { Attribute(element: element, index: $0) }
        }
    }

    /// An attribute of an element: a view, like the element.
    struct Attribute {
        let element: XMLElement
        let index: Int32

        private var record: XMLDocument.Attribute { element.document.attributes[Int(index)] }

        var name: String { element.document.strings[Int(record.name)] }

        /// The local name as an index into the document's strings.
        var nameIndex: Int32 { record.name }

        /// Whether the attribute has a prefix bound to a namespace.
        var hasNamespace: Bool { record.namespace >= 0 }

        /// Namespace URI of a prefixed attribute; nil for plain attributes.
        var namespace: String? { element.document.string(record.namespace) }

        /// The value with references decoded.
        var value: String { withValueBytes { String(decoding: $0, as: UTF8.self) } }

        /// Calls `body` with the value's UTF-8 bytes, references decoded.
        func withValueBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
            let record = self.record
            return element.document.bytes.withUnsafeBufferPointer {
                body(UnsafeBufferPointer(rebasing: $0[Int(record.valueStart)..<Int(record.valueStart + record.valueCount)]))
            }
        }

        /// The name as written, with its prefix.
        private var qualifiedName: String {
            guard let prefix = element.document.string(record.prefix) else { return name }
            return prefix + ":" + name
        }

        /// Where the attribute is written, when its element's start tag was found in the source.
        private var written: (name: SourceLocation, value: XMLSourceMap.AttributeValue)? {
            element.document.startTagOffset(of: element.index).flatMap {
                element.document.sourceMap.attribute(qualifiedName, inTagAt: $0)
            }
        }

        var nameLocation: SourceLocation { written?.name ?? element.location }

        /// The source location of the scalar at `offset` inside the value (clamped to the value).
        func location(ofValueOffset offset: Int) -> SourceLocation {
            guard let written else { return element.location }
            return written.value.location(ofScalar: offset)
        }

        /// Where the value starts in the source.
        var valueLocation: SourceLocation { location(ofValueOffset: 0) }
    }
}
