import CLibXML2

/// Collects libxml2's SAX2 events into the arrays of an `XMLDocument`.
///
/// libxml2 hands over names from its dictionary (one pointer per distinct name), attribute values
/// with references decoded (the parser runs with entity substitution, and a file with a DOCTYPE
/// never reaches it, so only the five predefined entities and character references exist), and
/// text in pieces, which are chained to the open element.
///
/// A struct reached through a pointer from the callbacks: as a class's stored properties, every
/// array access paid a run-time exclusivity check (a seventh of the parse).
struct XMLDocumentBuilder {
    private var elements: [XMLDocument.Element] = []
    private var attributes: [XMLDocument.Attribute] = []
    private var texts: [XMLDocument.Text] = []
    private var bytes: [UInt8] = []
    private var strings: [String] = []
    /// Each text once, so that equal names have equal indices (libxml2 may hand over one text at
    /// two addresses).
    private var stringIndices: [String: Int32] = [:]
    private var stringIndex: [UnsafeRawPointer: Int32] = [:]
    /// The last few names looked up, by pointer bits: a scenario has a dozen distinct names.
    private var recent = [(key: UnsafeRawPointer?, index: Int32)](repeating: (nil, -1), count: 64)
    /// The open elements, innermost last, each with its last element child so far (-1 for none).
    private var open: [(element: Int32, lastChild: Int32)] = []
    /// Set when the parser reports a document type declaration.
    private(set) var sawDoctype = false

    init(expectedSize: Int) {
        // Scenario files run about 60 bytes an element, and about half their bytes are text or values.
        elements.reserveCapacity(expectedSize / 48 + 8)
        attributes.reserveCapacity(expectedSize / 48 + 8)
        texts.reserveCapacity(expectedSize / 48 + 8)
        // Values and text are never longer than the source they are read from.
        bytes.reserveCapacity(expectedSize)
    }

    var hasRoot: Bool { !elements.isEmpty }

    func document(sourceMap: XMLSourceMap) -> XMLDocument {
        XMLDocument(
            sourceMap: sourceMap, elements: elements, attributes: attributes, texts: texts, bytes: bytes, strings: strings,
            stringIndices: stringIndices)
    }

    private mutating func intern(_ pointer: UnsafePointer<xmlChar>?) -> Int32 {
        guard let pointer else { return -1 }
        let key = UnsafeRawPointer(pointer)
        // The pointer's bits, mixed (Fibonacci hashing), pick one of 64 slots.
        let slot = Int(truncatingIfNeeded: (UInt64(UInt(bitPattern: key)) &* 0x9E37_79B9_7F4A_7C15) >> 58)
        if recent[slot].key == key { return recent[slot].index }
        let index: Int32
        if let known = stringIndex[key] {
            index = known
        } else {
            let text = String(cString: pointer)
            if let same = stringIndices[text] {
                index = same
            } else {
                index = Int32(strings.count)
                strings.append(text)
                stringIndices[text] = index
            }
            stringIndex[key] = index
        }
        recent[slot] = (key, index)
        return index
    }

    private mutating func append(_ start: UnsafePointer<xmlChar>, count: Int) -> Int32 {
        let offset = Int32(bytes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        return offset
    }

    /// `attributes` holds five pointers an attribute: local name, prefix, URI, value, value end.
    mutating func startElement(
        name: UnsafePointer<xmlChar>?, namespace: UnsafePointer<xmlChar>?, attributeCount: Int,
        attributes pointers: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?, line: Int
    ) {
        let index = Int32(elements.count)
        let firstAttribute = Int32(attributes.count)
        if let pointers {
            for number in 0..<attributeCount {
                let fields = pointers + number * 5
                guard let value = fields[3], let end = fields[4] else { continue }
                let count = end - value
                attributes.append(
                    XMLDocument.Attribute(
                        name: intern(fields[0]), prefix: intern(fields[1]), namespace: intern(fields[2]),
                        valueStart: append(value, count: count), valueCount: Int32(count)))
            }
        }
        elements.append(
            XMLDocument.Element(
                name: intern(name), namespace: intern(namespace), firstAttribute: firstAttribute,
                attributeCount: Int32(attributes.count) - firstAttribute, line: Int32(clamping: line)))
        if let parent = open.last {
            if parent.lastChild >= 0 {
                elements[Int(parent.lastChild)].nextSibling = index
            } else {
                elements[Int(parent.element)].firstChild = index
            }
            open[open.count - 1].lastChild = index
        }
        open.append((index, -1))
    }

    mutating func endElement() {
        _ = open.popLast()
    }

    mutating func characters(_ start: UnsafePointer<xmlChar>, count: Int) {
        guard let current = open.last?.element, count > 0 else { return }
        let offset = append(start, count: count)
        let last = elements[Int(current)].lastText
        // Pieces that follow each other in `bytes` (no child element between them) become one.
        if last >= 0 && texts[Int(last)].start + texts[Int(last)].count == offset {
            texts[Int(last)].count += Int32(count)
            return
        }
        let text = Int32(texts.count)
        texts.append(XMLDocument.Text(start: offset, count: Int32(count)))
        if last >= 0 {
            texts[Int(last)].next = text
        } else {
            elements[Int(current)].firstText = text
        }
        elements[Int(current)].lastText = text
    }

    mutating func doctype() {
        sawDoctype = true
    }

    // MARK: libxml2's handler

    private static func builder(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLDocumentBuilder>? {
        context?.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private?.assumingMemoryBound(to: XMLDocumentBuilder.self)
    }

    /// Installs the callbacks of the builder at `builder` in `context`, in place of the
    /// tree-building ones. The context must not be used to parse once the builder is gone.
    static func install(_ builder: UnsafeMutablePointer<XMLDocumentBuilder>, in context: xmlParserCtxtPtr) {
        context.pointee._private = UnsafeMutableRawPointer(builder)
        guard let handler = context.pointee.sax else { return }
        let characters: charactersSAXFunc = { context, start, count in
            guard let start else { return }
            XMLDocumentBuilder.builder(context)?.pointee.characters(start, count: Int(count))
        }
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { context, name, _, namespace, _, _, attributeCount, _, attributes in
            guard let builder = XMLDocumentBuilder.builder(context), let context else { return }
            let line = context.assumingMemoryBound(to: xmlParserCtxt.self).pointee.input?.pointee.line ?? 0
            builder.pointee.startElement(
                name: name, namespace: namespace, attributeCount: Int(attributeCount), attributes: attributes, line: Int(line))
        }
        sax.endElementNs = { context, _, _, _ in XMLDocumentBuilder.builder(context)?.pointee.endElement() }
        // The same function for both, so libxml2 never sets white space aside as "ignorable".
        sax.characters = characters
        sax.ignorableWhitespace = characters
        // Comments are skipped, but with a handler libxml2 quotes a bad comment in its message.
        sax.comment = { _, _ in }
        sax.internalSubset = { context, _, _, _ in XMLDocumentBuilder.builder(context)?.pointee.doctype() }
        handler.pointee = sax
    }
}
