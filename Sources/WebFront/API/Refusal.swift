import Hummingbird

/// An error as the API answers it: a status and `{"error": "…"}` in words for the person at the page.
struct Refusal: Error, Sendable {
    struct Body: Encodable {
        var error: String
        /// Set when the interview is open in another tab (409): the page offers to continue here.
        var heldElsewhere: Bool?
        /// Set when an answer was for a turn that has passed (409): it was sent twice, or another
        /// tab moved the interview on. The page brings its conversation up to date.
        var stale: Bool?
    }

    var status: HTTPResponse.Status
    var body: Body

    init(_ status: HTTPResponse.Status, _ message: String, heldElsewhere: Bool? = nil, stale: Bool? = nil) {
        self.status = status
        body = Body(error: message, heldElsewhere: heldElsewhere, stale: stale)
    }

    var response: Response { JSONReply.response(status, body) }

    static func response(_ status: HTTPResponse.Status, _ message: String) -> Response {
        Refusal(status, message).response
    }
}

extension Refusal: HTTPResponseError {
    func response(from request: Request, context: some RequestContext) throws -> Response { response }
}
