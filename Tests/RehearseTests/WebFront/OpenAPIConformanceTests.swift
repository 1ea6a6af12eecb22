import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
import WebFront

/// The server against docs/openapi.json: every operation it describes, called with its example,
/// answers with a status it lists and a body its schema allows; so do the refusals it lists.
@Suite struct OpenAPIConformanceTests {
    /// docs/openapi.json, read afresh where it is used (a dictionary of `Any` is not `Sendable`).
    static var spec: [String: Any] {
        let data = try! Data(contentsOf: Rehearse.packageRoot.appendingPathComponent("docs/openapi.json"))
        return try! JSONSerialization.jsonObject(with: data) as! [String: Any]
    }

    /// Where `value` breaks `schema` (nil when it fits): types, required properties, enums, items, `$ref`s.
    static func violation(_ value: Any, _ schema: [String: Any], at path: String = "$") -> String? {
        if let reference = schema["$ref"] as? String {
            let name = String(reference.split(separator: "/").last!)
            let schemas = (spec["components"] as! [String: Any])["schemas"] as! [String: Any]
            return violation(value, schemas[name] as! [String: Any], at: path)
        }
        if let options = schema["enum"] as? [String], !options.contains(value as? String ?? "\u{0}") { return "\(path): \(value) is not one of \(options)" }
        switch schema["type"] as? String {
        case "object":
            guard let object = value as? [String: Any] else { return "\(path): not an object" }
            for key in schema["required"] as? [String] ?? [] where object[key] == nil { return "\(path): no '\(key)'" }
            let properties = schema["properties"] as? [String: Any] ?? [:]
            for (key, item) in object {
                guard let property = properties[key] as? [String: Any] else { return "\(path): '\(key)' is not described" }
                if let problem = violation(item, property, at: "\(path).\(key)") { return problem }
            }
        case "array":
            guard let array = value as? [Any] else { return "\(path): not an array" }
            for (index, item) in array.enumerated() {
                if let problem = violation(item, schema["items"] as! [String: Any], at: "\(path)[\(index)]") { return problem }
            }
        case "string": if !(value is String) { return "\(path): not a string" }
        case "integer": if !(value is Int) { return "\(path): not an integer" }
        case "number": if !(value is NSNumber) { return "\(path): not a number" }
        case "boolean": if !(value is Bool) { return "\(path): not a boolean" }
        default: break
        }
        return nil
    }

    func check(_ client: some TestClientProtocol, token: String, _ method: String, _ template: String, id: String, body: Any?) async throws -> [String: Any] {
        let operation = ((Self.spec["paths"] as! [String: Any])[template] as! [String: Any])[method] as! [String: Any]
        let uri = template.replacingOccurrences(of: "{id}", with: id)
        var headers = HTTPFields()
        headers[.cookie] = "rehearse_key_8080=\(token)"
        headers[.origin] = "http://localhost:8080"
        headers[.contentType] = "application/json"
        let buffer = try body.map { ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: $0)) }
        let (status, text) = try await client.execute(uri: uri, method: HTTPRequest.Method(method.uppercased())!, headers: headers, body: buffer) {
            ($0.status.code, String(buffer: $0.body))
        }
        let responses = operation["responses"] as! [String: Any]
        let documented = try #require(responses[String(status)] as? [String: Any], "\(method) \(uri) answered \(status), which openapi.json does not list: \(text.prefix(200))")
        let schema = ((documented["content"] as? [String: Any])?["application/json"] as? [String: Any])?["schema"] as? [String: Any]
        let value = try JSONSerialization.jsonObject(with: Data(text.utf8), options: .fragmentsAllowed)
        if let schema { #expect(Self.violation(value, schema) == nil, "\(method) \(uri): \(Self.violation(value, schema) ?? "")") }
        return value as? [String: Any] ?? ["list": value]
    }

    func example(_ template: String, _ method: String) -> Any? {
        let operation = ((Self.spec["paths"] as! [String: Any])[template] as! [String: Any])[method] as! [String: Any]
        return (((operation["requestBody"] as? [String: Any])?["content"] as? [String: Any])?["application/json"] as? [String: Any])?["example"]
    }

    @Test func everyDescribedOperationAnswersAsDescribed() async throws {
        let library = try TestLibrary()
        let token = String(repeating: "5a", count: 32)
        let server = WebServer(library: library, port: 8080, token: AccessToken(value: token))
        try await Application(router: server.testRouter).test(.router) { client in
            let started = try await check(client, token: token, "post", "/api/interviews", id: "", body: example("/api/interviews", "post"))
            let id = try #require((started["state"] as? [String: Any])?["id"] as? String)
            var called: Set<String> = ["post /api/interviews"]
            let paths = Self.spec["paths"] as! [String: Any]
            for template in paths.keys.sorted() {
                for method in (paths[template] as! [String: Any]).keys.sorted() where method != "parameters" && !called.contains("\(method) \(template)") {
                    _ = try await check(client, token: token, method, template, id: id, body: example(template, method))
                    called.insert("\(method) \(template)")
                }
            }
            #expect(called.count == 9, "\(called.sorted())")
            // Refusals, as described.
            _ = try await check(client, token: token, "post", "/api/interviews/{id}/answer", id: id, body: ["tab": "openapi-check", "text": " "])
            _ = try await check(client, token: token, "post", "/api/interviews/{id}/answer", id: id, body: ["tab": "another", "text": "x"])
            _ = try await check(client, token: token, "post", "/api/interviews/{id}/command", id: id, body: ["tab": "openapi-check", "command": "dance"])
            _ = try await check(client, token: token, "get", "/api/interviews/{id}", id: "missing", body: nil)
            _ = try await check(client, token: token, "post", "/api/interviews", id: "", body: ["tab": "openapi-check"])
            // The whole interview, so that every kind of event meets its schema.
            for text in ["I always listen first.", "Last year a client refused to talk to me. I asked about his music and I listened.", "He came back every week after that."] {
                _ = try await check(client, token: token, "post", "/api/interviews/{id}/answer", id: id, body: ["tab": "openapi-check", "text": text])
            }
            for command in ["why", "feedback", "repeat", "save", "skip", "again", "quit"] {
                _ = try await check(client, token: token, "post", "/api/interviews/{id}/command", id: id, body: ["tab": "openapi-check", "command": command])
            }
            _ = try await check(client, token: token, "get", "/api/interviews/{id}/feedback", id: id, body: nil)
            _ = try await check(client, token: token, "get", "/api/history", id: id, body: nil)
        }
    }
}
