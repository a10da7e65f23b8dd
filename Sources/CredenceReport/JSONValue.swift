import CredenceCore
import Foundation

/// A JSON document built explicitly, so every key is always present (null when undefined, never
/// left out) and output is byte-for-byte stable: sorted keys, shortest round-trip numbers.
package indirect enum JSONValue: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    package static func number(_ x: Double?) -> JSONValue {
        guard let x, x.isFinite else { return .null }
        return .number(x)
    }

    package static func int(_ x: Int) -> JSONValue { .int(Int64(x)) }

    package static func string(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }

    /// Times as ISO 8601 in UTC with milliseconds when they have them.
    package static func date(_ d: Date?) -> JSONValue {
        guard let d else { return .null }
        return .string(JSONValue.iso(d))
    }

    static func iso(_ d: Date) -> String { Timestamp.iso(d, milliseconds: false) }

    /// Pretty-printed with two-space indentation.
    package func rendered() -> String { rendered(indent: 0) }

    /// As nested `indent` levels deep in a larger document, for output written a piece at a time.
    package func rendered(indent: Int) -> String {
        var out = ""
        write(into: &out, indent: indent)
        return out
    }

    private func write(into out: inout String, indent: Int) {
        switch self {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .number(let x): out += x.isFinite ? JSONValue.format(x) : "null"  // JSON has no ∞ or NaN
        case .string(let s): JSONValue.quote(s, into: &out)
        case .array(let items):
            if items.isEmpty {
                out += "[]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                JSONValue.indent(indent + 1, into: &out)
                item.write(into: &out, indent: indent + 1)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            JSONValue.indent(indent, into: &out)
            out += "]"
        case .object(let fields):
            if fields.isEmpty {
                out += "{}"
                return
            }
            out += "{\n"
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                JSONValue.indent(indent + 1, into: &out)
                JSONValue.quote(key, into: &out)
                out += ": "
                fields[key]!.write(into: &out, indent: indent + 1)
                out += i + 1 < keys.count ? ",\n" : "\n"
            }
            JSONValue.indent(indent, into: &out)
            out += "}"
        }
    }

    /// Shortest representation that reads back as the same Double; integral values keep ".0".
    static func format(_ x: Double) -> String {
        if x == 0 { return "0.0" }
        var s = "\(x)"
        if s.utf8.contains(UInt8(ascii: "e")) {
            // Swift writes 1e-05; JSON allows it, but keep a mantissa with a fraction for readers.
            if !s.split(separator: "e")[0].contains(".") { s = s.replacingOccurrences(of: "e", with: ".0e") }
        }
        return s
    }

    static func quote(_ s: String, into out: inout String) {
        // Appended where it stands when nothing needs escaping: `list --json` writes 100,000 claims.
        if JSONString.needsNoEscape(s) {
            out += "\""
            out += s
            out += "\""
        } else {
            out += JSONString.quote(s)
        }
    }

    private static let indents = (0..<16).map { String(repeating: "  ", count: $0) }

    static func indent(_ level: Int, into out: inout String) {
        out += level < indents.count ? indents[level] : String(repeating: "  ", count: level)
    }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral, ExpressibleByNilLiteral, ExpressibleByFloatLiteral
{
    package init(stringLiteral value: String) { self = .string(value) }
    package init(integerLiteral value: Int) { self = .int(Int64(value)) }
    package init(floatLiteral value: Double) { self = .number(value) }
    package init(booleanLiteral value: Bool) { self = .bool(value) }
    package init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    package init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
    package init(nilLiteral: ()) { self = .null }
}
