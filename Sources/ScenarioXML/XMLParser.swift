import InterviewCore
import CLibXML2

/// Parses XML with libxml2 under safe options into an `XMLDocument`, built from libxml2's SAX events.
///
/// Safety comes from libxml2's own machinery, whatever bytes precede the root element: the SAX
/// callbacks for a document type declaration stop the parser before any declaration is read
/// (`XMLDocumentBuilder`), entity substitution is off, the only entities are the five predefined
/// ones and character references, no network access is allowed, and an external entity loader
/// that refuses everything is installed for the parse (`ExternalEntityGuard`). libxml2's
/// messages are collected as diagnostics, never printed.
enum XMLParser {
    /// Largest document accepted, so a hostile file cannot exhaust memory.
    static let maximumSize = InputLimits.scenarioBytes
    /// Most attributes (namespace declarations included) one start tag may hold. libxml2 2.9
    /// compares each attribute of a tag with every earlier one, so time grows with the square of
    /// this count (600,000 attributes took minutes); the format's elements take at most six.
    static let maximumAttributes = 256

    /// The document, or the diagnostics that explain why there is none.
    static func parse(_ input: [UInt8], file: String) -> (document: XMLDocument?, diagnostics: [Diagnostic]) {
        let start = SourceLocation(file: file, line: 1, column: 1)
        guard input.count <= maximumSize else {
            return failure([
                .error(
                    "file-too-large",
                    "file is \(input.count / 1024) KiB; scenario files are limited to \(maximumSize / 1024 / 1024) MiB",
                    at: start)
            ])
        }
        guard !input.isEmpty else {
            return failure([.error("empty-file", "file is empty; a scenario starts with an <interview> element", at: start)])
        }
        let bytes: [UInt8]
        switch TextDecoding.utf8(from: input) {
        case .success(let decoded): bytes = decoded
        case .failure(let message): return failure([.error("encoding", message, at: start)])
        }
        let sourceMap = XMLSourceMap(utf8: bytes, file: file)
        if let nul = bytes.firstIndex(of: 0) {
            return failure([.error("nul-byte", "file contains a NUL byte; save it as plain UTF-8 text", at: sourceMap.location(ofByte: nul))])
        }
        if sourceMap.mostAttributes.count > maximumAttributes {
            return failure([
                .error(
                    "too-many-attributes",
                    "this start tag has \(sourceMap.mostAttributes.count) attributes; an element may have at most \(maximumAttributes)",
                    at: sourceMap.location(ofByte: Int(sourceMap.mostAttributes.tag)))
            ])
        }

        let collector = ErrorCollector(file: file)
        return collector.capturingErrors { () -> (document: XMLDocument?, diagnostics: [Diagnostic]) in
            guard let context = xmlNewParserCtxt() else {
                return failure([.error("xml", "the XML parser could not start (out of memory)", at: start)])
            }
            defer { xmlFreeParserCtxt(context) }
            let builder = UnsafeMutablePointer<XMLDocumentBuilder>.allocate(capacity: 1)
            builder.initialize(to: XMLDocumentBuilder(expectedSize: bytes.count, context: context))
            defer {
                context.pointee.userData = nil
                builder.deinitialize(count: 1)
                builder.deallocate()
            }
            XMLDocumentBuilder.install(builder, in: context)
            // No XML_PARSE_NOENT (entity substitution), no DTD loading or validation: the
            // predefined entities and character references need none.
            let options = Int32(
                bitPattern: XML_PARSE_NONET.rawValue | XML_PARSE_BIG_LINES.rawValue | XML_PARSE_NOCDATA.rawValue)
            let tree = ExternalEntityGuard.refusingLoads(for: context) {
                bytes.withUnsafeBufferPointer { buffer in
                    buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                        xmlCtxtReadMemory(context, pointer, Int32(buffer.count), file, "UTF-8", options)
                    }
                }
            }
            // The builder's handler makes no tree; free one if libxml2 made one anyway.
            if let tree { xmlFreeDoc(tree) }
            // Before libxml2's own errors: stopping the parser may leave some that say nothing.
            if let read = builder.pointee.doctypeOffset {
                return failure([doctypeDiagnostic(at: sourceMap.location(ofByte: doctypeStart(before: read, in: bytes)))])
            }
            if builder.pointee.tooLarge {
                return failure([.error("file-too-large", "the document is too large to hold", at: start)])
            }
            if context.pointee.wellFormed == 0 || collector.diagnostics.hasErrors {
                return failure(collector.diagnostics.isEmpty
                    ? [.error("xml", "the file is not well-formed XML", at: start)] : collector.diagnostics)
            }
            guard builder.pointee.hasRoot else {
                return failure([.error("xml", "the document has no root element", at: start)])
            }
            return (builder.pointee.document(sourceMap: sourceMap), collector.diagnostics)
        }
    }

    private static func failure(_ diagnostics: [Diagnostic]) -> (document: XMLDocument?, diagnostics: [Diagnostic]) {
        (nil, diagnostics)
    }

    /// Where the `<!DOCTYPE` that the parser stopped at starts: the last one before the parser's
    /// position (a friendlier place to point at than where the parser stopped).
    static func doctypeStart(before position: Int, in bytes: [UInt8]) -> Int {
        let marker = Array("<!DOCTYPE".utf8)
        var i = min(position, bytes.count) - marker.count
        while i >= 0 {
            if bytes[i] == marker[0] && bytes[i..<i + marker.count].elementsEqual(marker) { return i }
            i -= 1
        }
        return min(position, bytes.count)
    }

    private static func doctypeDiagnostic(at location: SourceLocation) -> Diagnostic {
        .error(
            "doctype",
            "DOCTYPE declarations are not allowed in scenario files (they can pull in outside files); remove it",
            at: location)
    }
}

/// Collects libxml2's structured errors for one parse on the current thread.
private final class ErrorCollector {
    let file: String
    var diagnostics: [Diagnostic] = []
    /// Lines where a fatal error was reported, after which libxml2's errors are its consequences.
    private var fatalLines: Set<Int> = []

    init(file: String) { self.file = file }

    func capturingErrors<T>(_ body: () -> T) -> T {
        rehearse_xml_silence_generic_errors()
        let context = Unmanaged.passUnretained(self).toOpaque()
        xmlSetStructuredErrorFunc(context) { context, error in
            guard let context, let error else { return }
            let collector = Unmanaged<ErrorCollector>.fromOpaque(context).takeUnretainedValue()
            collector.record(error.pointee)
        }
        defer { xmlSetStructuredErrorFunc(nil, nil) }
        return withExtendedLifetime(self) { body() }
    }

    func record(_ error: xmlError) {
        let raw = error.message.map { String(cString: $0) } ?? "XML error"
        let message = raw.trimmed
        let severity: Diagnostic.Severity = error.level == XML_ERR_WARNING ? .warning : .error
        // libxml2 may repeat one problem many times; a repeat says nothing new.
        let location = SourceLocation(file: file, line: Int(error.line), column: Int(error.int2))
        if diagnostics.count >= 20 || diagnostics.contains(where: { $0.location == location && $0.message.hasSuffix(message) }) { return }
        // After a fatal error libxml2 goes on reading the same tag and reports what follows from the
        // first problem ("attributes construct error", "Couldn't find end of Start Tag"): one is enough.
        if fatalLines.contains(location.line) { return }
        if error.level == XML_ERR_FATAL { fatalLines.insert(location.line) }
        if Int32(error.code) == Int32(XML_ERR_LT_IN_ATTRIBUTE.rawValue) {
            diagnostics.append(Diagnostic(
                severity, "xml",
                "a raw '<' in an attribute: write it as '&lt;' (when=\"star.score &lt; 2\"), or turn the comparison round (when=\"2 > star.score\")",
                at: location))
            return
        }
        diagnostics.append(Diagnostic(severity, "xml", "malformed XML: \(message)", at: location))
    }
}
