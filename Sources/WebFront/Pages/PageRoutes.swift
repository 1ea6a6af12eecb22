import Hummingbird
import InterviewKit

/// The page and the documents beside it. Fixed names only: nothing here reads a path from the
/// request, so no address reaches a file it should not (a replay's name is the library's to
/// check: `InterviewLibrary.transcript(named:)`).
struct PageRoutes: Sendable {
    let library: any InterviewLibrary
    let pool: SessionPool

    func add(to router: Router<BasicRequestContext>) {
        router.get("/") { _, _ in JSONReply.bytes(.ok, PackageResources.index_html, type: "text/html; charset=utf-8") }
        router.get("app.js") { _, _ in JSONReply.bytes(.ok, PackageResources.app_js, type: "text/javascript; charset=utf-8") }
        router.get("app.css") { _, _ in JSONReply.bytes(.ok, PackageResources.app_css, type: "text/css; charset=utf-8") }
        // Browsers ask for an icon on every page; there is none, and saying so (204) keeps their console clean.
        router.get("favicon.ico") { _, _ in Response(status: .noContent) }
        router.get("progress") { _, _ in
            try await document {
                let history = try APIRoutes.library { () throws(LibraryError) in try library.history() }
                do {
                    let report = ProgressReport(samples: try history.trendSamples(), competencies: try history.competencies(), weakest: try history.weakest())
                    return report.html(questions: Array(try history.questionSummaries().prefix(40)))
                } catch {
                    throw Refusal(.internalServerError, "The practice history could not be read: \(error)")
                }
            }
        }
        router.get("replay/:name") { _, context in
            let name = try context.parameters.require("name")
            return try await document {
                let (transcript, feedback) = try APIRoutes.library { () throws(LibraryError) in try library.transcript(named: name) }
                return TranscriptRenderer.render(transcript, as: .html, feedback: feedback)
            }
        }
    }

    /// A whole HTML document made in the pool (it reads files), with a policy that allows its own styles only.
    private func document(_ make: @escaping @Sendable () throws -> String) async throws -> Response {
        let html = try await pool.run(make)
        var response = JSONReply.bytes(.ok, Array(html.utf8), type: "text/html; charset=utf-8")
        response.headers[.contentSecurityPolicy] = SecurityHeaders.policy(forDocument: html)
        return response
    }
}
