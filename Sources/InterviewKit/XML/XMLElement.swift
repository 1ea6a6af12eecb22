import CLibXML2
import Glibc

/// An element of a parsed XML document, read in place from libxml2's tree.
///
/// A view: it keeps its document alive and copies nothing until a property is read.
struct XMLElement {
    let node: xmlNodePtr
    let document: XMLDocument

    /// The local name (without a prefix).
    var name: String { String(cString: node.pointee.name) }

    /// The namespace URI; nil for an element in no namespace.
    var namespace: String? { node.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

    /// Whether the element is in namespace `uri`, without making a String of its namespace.
    func isInNamespace(_ uri: String) -> Bool {
        guard let href = node.pointee.ns?.pointee.href else { return false }
        return uri.withCString { strcmp($0, UnsafeRawPointer(href).assumingMemoryBound(to: CChar.self)) == 0 }
    }

    /// Where the start tag begins.
    var location: SourceLocation { document.location(of: node) }

    /// The element children, in order; text, comments and processing instructions are left out.
    var children: Children { Children(cursor: node.pointee.children, document: document) }

    var attributes: Attributes { Attributes(cursor: node.pointee.properties, element: self) }

    /// The attribute in no namespace called `name`.
    func attribute(_ name: String) -> Attribute? {
        name.withCString { wanted in
            var attribute = node.pointee.properties
            while let current = attribute {
                if current.pointee.ns == nil,
                    strcmp(wanted, UnsafeRawPointer(current.pointee.name).assumingMemoryBound(to: CChar.self)) == 0
                {
                    return Attribute(pointer: current, element: self)
                }
                attribute = current.pointee.next
            }
            return nil
        }
    }

    /// Calls `body` with the bytes of each direct text child (CDATA is merged into text when parsing).
    private func forEachText(_ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_TEXT_NODE || current.pointee.type == XML_CDATA_SECTION_NODE,
                let content = current.pointee.content
            {
                body(UnsafeBufferPointer(start: content, count: strlen(UnsafeRawPointer(content).assumingMemoryBound(to: CChar.self))))
            }
            child = current.pointee.next
        }
    }

    /// The element's own text (its direct text children joined), white space folded and trimmed,
    /// as `String.foldingWhitespace` gives it.
    var foldedText: String {
        // Almost always one text child, folded where it lies; several are joined first, since a
        // run of white space can span two of them.
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
        var cursor: xmlNodePtr?
        let document: XMLDocument

        mutating func next() -> XMLElement? {
            while let current = cursor {
                cursor = current.pointee.next
                if current.pointee.type == XML_ELEMENT_NODE { return XMLElement(node: current, document: document) }
            }
            return nil
        }

        var first: XMLElement? {
            var copy = self
            return copy.next()
        }

        var isEmpty: Bool { first == nil }
    }

    struct Attributes: Sequence, IteratorProtocol {
        var cursor: xmlAttrPtr?
        let element: XMLElement

        mutating func next() -> Attribute? {
            guard let current = cursor else { return nil }
            cursor = current.pointee.next
            return Attribute(pointer: current, element: element)
        }
    }

    /// An attribute of an element, read in place.
    struct Attribute {
        let pointer: xmlAttrPtr
        let element: XMLElement

        var name: String { String(cString: pointer.pointee.name) }

        /// Namespace URI of a prefixed attribute; nil for plain attributes.
        var namespace: String? { pointer.pointee.ns.flatMap { $0.pointee.href }.map { String(cString: $0) } }

        /// The value with references decoded.
        var value: String {
            // Almost always one text child, whose content is the value (what xmlNodeGetContent copies).
            if let child = pointer.pointee.children, child.pointee.next == nil, child.pointee.type == XML_TEXT_NODE,
                let content = child.pointee.content
            {
                return String(cString: content)
            }
            guard let content = xmlNodeGetContent(UnsafeMutableRawPointer(pointer).assumingMemoryBound(to: xmlNode.self)) else {
                return ""
            }
            defer { rehearse_xml_free(content) }
            return String(cString: content)
        }

        /// The name as written, with its prefix.
        private var qualifiedName: String {
            guard let prefix = pointer.pointee.ns?.pointee.prefix else { return name }
            return String(cString: prefix) + ":" + name
        }

        /// Where the attribute is written, when its element's start tag was found in the source.
        private var written: (name: SourceLocation, value: XMLSourceMap.AttributeValue)? {
            element.document.startTagOffset(of: element.node).flatMap {
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
