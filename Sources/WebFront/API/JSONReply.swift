import FoundationEssentials
import Hummingbird
import NIOCore

/// JSON as the API writes it: snake_case keys, sorted, dates in ISO 8601.
enum JSONReply {
    static let encoder: JSONEncoder = {
        let encoder = JSONEncoder()
        encoder.keyEncodingStrategy = .convertToSnakeCase
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return encoder
    }()

    static let decoder: JSONDecoder = {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        return decoder
    }()

    static func response(_ status: HTTPResponse.Status, _ value: some Encodable) -> Response {
        let data = (try? encoder.encode(value)) ?? Data(#"{"error":"the reply could not be written"}"#.utf8)
        return bytes(status, data, type: "application/json; charset=utf-8")
    }

    static func bytes(_ status: HTTPResponse.Status, _ data: some Sequence<UInt8>, type: String) -> Response {
        var headers = HTTPFields()
        headers[.contentType] = type
        return Response(status: status, headers: headers, body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    /// The request's body as `T`, refused (413) beyond `limit` bytes and (400) when it is not that JSON.
    static func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int) async throws -> T {
        var request = request
        let buffer: ByteBuffer
        do {
            buffer = try await request.collectBody(upTo: limit)
        } catch {
            throw Refusal(.contentTooLarge, "That is more than this server takes in one request (\(limit / 1024) KiB).")
        }
        do {
            return try decoder.decode(T.self, from: Data(buffer.readableBytesView))
        } catch {
            throw Refusal(.badRequest, "The request is not the JSON this address takes (docs/web.md describes it).")
        }
    }
}
