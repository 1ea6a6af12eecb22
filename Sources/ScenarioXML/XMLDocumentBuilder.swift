import InterviewCore
import CLibXML2

/// Collects libxml2's SAX2 events into the arrays of an `XMLDocument`.
///
/// libxml2 hands over names from its dictionary (one pointer per distinct name), attribute values
/// with references decoded, and text in pieces, which are chained to the open element.
///
/// The builder is also where a document type declaration is refused: its `internalSubset`,
/// `externalSubset` and `entityDecl` callbacks stop the parser on the spot, before libxml2 reads a
/// single declaration, so no entity is ever declared, expanded or loaded. `getEntity` finds none
/// either, and the builder (not the parser context) is the SAX user data, which turns off
/// libxml2's fall-back entity lookups for SAX users that pass the context itself.
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
    /// How far into the input the parser had read when it reported a document type declaration
    /// (and was stopped); nil while it has reported none.
    private(set) var doctypeOffset: Int?
    /// Set when the document would outgrow the 32-bit offsets (the parser is stopped then).
    private(set) var tooLarge = false
    /// The parser this builder is installed in.
    private let context: xmlParserCtxtPtr

    init(expectedSize: Int, context: xmlParserCtxtPtr) {
        self.context = context
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

    /// Offsets are 32 bits; input is limited to 8 MiB and nothing expands, but should that ever
    /// change, the parse stops with an error rather than trapping.
    private mutating func fits(_ count: Int) -> Bool {
        guard bytes.count + count < Int(Int32.max) else {
            tooLarge = true
            xmlStopParser(context)
            return false
        }
        return true
    }

    private mutating func append(_ start: UnsafePointer<xmlChar>, count: Int) -> Int32 {
        let offset = Int32(bytes.count)
        bytes.append(contentsOf: UnsafeBufferPointer(start: start, count: count))
        return offset
    }

    /// Appends an attribute value. Without entity substitution, libxml2 hands over a decoded `&`
    /// (from `&amp;`, `&#38;` or `&#x26;`) as the five bytes `&#38;` and decodes every other
    /// reference itself; a raw `&` cannot occur in a value, so each `&#38;` is exactly one `&`.
    private mutating func appendValue(_ start: UnsafePointer<xmlChar>, count: Int) -> (start: Int32, count: Int32) {
        let value = UnsafeBufferPointer(start: start, count: count)
        guard value.contains(UInt8(ascii: "&")) else { return (append(start, count: count), Int32(count)) }
        let offset = Int32(bytes.count)
        let escaped: [UInt8] = Array("&#38;".utf8)
        var i = 0
        while i < count {
            bytes.append(value[i])
            if value[i] == UInt8(ascii: "&") && i + escaped.count <= count && value[i..<i + escaped.count].elementsEqual(escaped) {
                i += escaped.count
            } else {
                i += 1
            }
        }
        return (offset, Int32(bytes.count) - offset)
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
                guard let value = fields[3], let end = fields[4], fits(end - value) else { continue }
                let stored = appendValue(value, count: end - value)
                attributes.append(
                    XMLDocument.Attribute(
                        name: intern(fields[0]), prefix: intern(fields[1]), namespace: intern(fields[2]),
                        valueStart: stored.start, valueCount: stored.count))
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
        guard let current = open.last?.element, count > 0, fits(count) else { return }
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

    /// Stops the parser at a document type declaration, before any of it is processed, and notes
    /// how far into the input the parser had read.
    mutating func refuseDoctype() {
        if doctypeOffset == nil {
            let input = context.pointee.input?.pointee
            let read = input.map { input in
                (input.base.flatMap { base in input.cur.map { $0 - base } } ?? 0) + Int(input.consumed)
            }
            doctypeOffset = read ?? 0
        }
        xmlStopParser(context)
    }

    // MARK: libxml2's handler

    private static func builder(_ userData: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<XMLDocumentBuilder>? {
        userData?.assumingMemoryBound(to: XMLDocumentBuilder.self)
    }

    /// Installs the callbacks of the builder at `builder` in `context`, in place of the
    /// tree-building ones, with the builder as their user data. The context must not be used to
    /// parse once the builder is gone.
    static func install(_ builder: UnsafeMutablePointer<XMLDocumentBuilder>, in context: xmlParserCtxtPtr) {
        // Not the context: libxml2 looks entities up on its own only for SAX users whose user
        // data is the context (its tree builder's convention).
        context.pointee.userData = UnsafeMutableRawPointer(builder)
        guard let handler = context.pointee.sax else { return }
        let characters: charactersSAXFunc = { context, start, count in
            guard let start else { return }
            XMLDocumentBuilder.builder(context)?.pointee.characters(start, count: Int(count))
        }
        var sax = xmlSAXHandler()
        sax.initialized = XML_SAX2_MAGIC
        sax.startElementNs = { userData, name, _, namespace, _, _, attributeCount, _, attributes in
            guard let builder = XMLDocumentBuilder.builder(userData) else { return }
            let line = builder.pointee.context.pointee.input?.pointee.line ?? 0
            builder.pointee.startElement(
                name: name, namespace: namespace, attributeCount: Int(attributeCount), attributes: attributes, line: Int(line))
        }
        sax.endElementNs = { context, _, _, _ in XMLDocumentBuilder.builder(context)?.pointee.endElement() }
        // The same function for both, so libxml2 never sets white space aside as "ignorable".
        sax.characters = characters
        sax.ignorableWhitespace = characters
        // Comments are skipped, but with a handler libxml2 quotes a bad comment in its message.
        sax.comment = { _, _ in }
        // A DOCTYPE is refused where libxml2 reports it, whatever comes before it in the file.
        sax.internalSubset = { userData, _, _, _ in XMLDocumentBuilder.builder(userData)?.pointee.refuseDoctype() }
        sax.externalSubset = { userData, _, _, _ in XMLDocumentBuilder.builder(userData)?.pointee.refuseDoctype() }
        sax.entityDecl = { userData, _, _, _, _, _ in XMLDocumentBuilder.builder(userData)?.pointee.refuseDoctype() }
        // Only the predefined entities exist (libxml2 resolves those before asking).
        sax.getEntity = { _, _ in nil }
        sax.getParameterEntity = { _, _ in nil }
        handler.pointee = sax
    }
}
