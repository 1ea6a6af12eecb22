import InterviewCore
import CLibXML2
import Synchronization

/// libxml2's external entity loader, replaced so that a scenario parse can never open a file or a
/// connection, whatever the document says.
///
/// libxml2 has one loader for the whole process, so the replacement refuses only the loads asked
/// for by parser contexts that are parsing a scenario right now and hands every other load to the
/// loader it replaced (a program that uses libxml2 for its own files keeps working).
enum ExternalEntityGuard {
    /// The addresses of the parser contexts whose loads are refused.
    private static let refusing = Mutex<Set<UInt>>([])

    /// The loader that was in place before, called for every other context.
    private static let previous: xmlExternalEntityLoader? = {
        let previous = xmlGetExternalEntityLoader()
        xmlSetExternalEntityLoader { url, id, context in
            if let context, ExternalEntityGuard.isRefusing(context) {
                // The document refers to something outside itself: stop reading it.
                xmlStopParser(context)
                return nil
            }
            return ExternalEntityGuard.previous?(url, id, context)
        }
        return previous
    }()

    /// Runs `body` with every external load asked for by `context` refused.
    static func refusingLoads<T>(for context: xmlParserCtxtPtr, _ body: () -> T) -> T {
        _ = previous
        let key = UInt(bitPattern: context)
        refusing.withLock { _ = $0.insert(key) }
        defer { refusing.withLock { _ = $0.remove(key) } }
        return body()
    }

    private static func isRefusing(_ context: xmlParserCtxtPtr) -> Bool {
        let key = UInt(bitPattern: context)
        return refusing.withLock { $0.contains(key) }
    }
}
