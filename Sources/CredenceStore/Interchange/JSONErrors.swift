import CredenceCore
import Foundation

/// JSON problems said the way a user can find them: where the syntax breaks, and which value at
/// which path has which wrong type.
enum JSONErrors {
    /// "not valid JSON at line 3, column 12 (character 2198)": nil when the bytes are valid JSON.
    static func syntaxError(_ bytes: [UInt8]) -> InterchangeError? {
        do {
            _ = try JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
            return nil
        } catch {
            let detail = (error as NSError).userInfo[NSDebugDescriptionErrorKey] as? String ?? ""
            // Foundation says "… around character 2198." (a byte offset from 0).
            guard let range = detail.range(of: "character "),
                let offset = Int(detail[range.upperBound...].prefix(while: \.isNumber)), offset <= bytes.count
            else { return InterchangeError(line: nil, "not valid JSON (\(detail)): fix the file and import again") }
            let (line, column) = Interchange.place(of: offset, in: bytes)
            return InterchangeError(
                line: line,
                "not valid JSON at column \(column) (character \(offset + 1) of the file): \(reason(detail)); fix the file and import again"
            )
        }
    }

    static func reason(_ detail: String) -> String {
        let first = detail.split(separator: " around ").first.map(String.init) ?? detail
        return first.isEmpty ? "a syntax error" : first.prefix(1).lowercased() + first.dropFirst()
    }

    /// What kind of JSON value a JSONSerialization value is, for "is a string, not a number".
    static func kind(_ v: Any) -> String {
        switch v {
        case is NSNull: return "null"
        case is Bool: return "true or false"
        case is NSNumber: return "a number"
        case let s as String: return "a string (\"\(s.count > 20 ? s.prefix(20) + "…" : s)\")"
        case is [Any]: return "a list"
        case is [String: Any]: return "an object"
        default: return "another kind of value"
        }
    }

    /// What a Decodable wanted, for "is not a number".
    static func expected(_ type: Any.Type) -> String {
        switch type {
        case is Double.Type, is Float.Type: return "a number"
        case is Int.Type, is Int64.Type: return "a whole number"
        case is String.Type: return "a string"
        case is Bool.Type: return "true or false"
        case is [Any].Type, is [String].Type: return "a list"
        default:
            let name = "\(type)"
            if name.hasPrefix("Array") { return "a list" }
            if name.hasPrefix("Dictionary") || name.hasSuffix("DTO") { return "an object" }
            return "a \(name)"
        }
    }
}
