import CLibXML2

/// A parsed document: owns libxml2's tree, freed when the last element read from it is gone.
///
/// Elements are read in place (`XMLElement` is a view of a node), so loading a scenario builds no
/// second tree; positions come from the source map, only for the elements that need one.
final class XMLDocument {
    private let pointer: xmlDocPtr
    private let rootNode: xmlNodePtr
    let sourceMap: XMLSourceMap
    /// Elements numbered in document order, so element N is the source map's start tag N.
    private let elementCount: Int

    var file: String { sourceMap.file }
    var root: XMLElement { XMLElement(node: rootNode, document: self) }

    /// Takes ownership of `pointer`, which must have a root element.
    init(taking pointer: xmlDocPtr, root: xmlNodePtr, source: [UInt8], file: String) {
        self.pointer = pointer
        self.rootNode = root
        self.sourceMap = XMLSourceMap(utf8: source, file: file)
        // `_private` is libxml2's field for the application; it holds the element's number + 1.
        var count = 0
        func number(_ node: xmlNodePtr) {
            count += 1
            node.pointee._private = UnsafeMutableRawPointer(bitPattern: count)
            var child = node.pointee.children
            while let current = child {
                if current.pointee.type == XML_ELEMENT_NODE { number(current) }
                child = current.pointee.next
            }
        }
        number(root)
        self.elementCount = count
    }

    deinit { xmlFreeDoc(pointer) }

    /// Where the start tag of `node` begins, when the source map and libxml2 agree on it.
    func startTagOffset(of node: xmlNodePtr) -> Int? {
        let number = Int(bitPattern: node.pointee._private)
        guard number >= 1, number <= sourceMap.startTags.count else { return nil }
        let offset = Int(sourceMap.startTags[number - 1])
        // They disagree only if the scanner was confused; then libxml2's line is used.
        return sourceMap.tag(at: offset, isNamed: node.pointee.name) ? offset : nil
    }

    func location(of node: xmlNodePtr) -> SourceLocation {
        if let offset = startTagOffset(of: node) { return sourceMap.location(ofByte: offset) }
        return SourceLocation(file: file, line: Int(xmlGetLineNo(node)), column: 1)
    }
}
