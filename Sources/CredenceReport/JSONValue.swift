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
    /// A value already written by `rendered(indent:)` at this depth, to be placed as it is: parts
    /// of a large document rendered on several cores.
    case written(String, indent: Int)

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
        // Bytes, made a string once: appending to a String piece by piece cost `list --json` on
        // 100,000 claims more than reading them.
        var out: [UInt8] = []
        out.reserveCapacity(512)
        write(into: &out, indent: indent)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(into out: inout [UInt8], indent: Int) {
        switch self {
        case .null: out.append(contentsOf: "null".utf8)
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .int(let i): out.append(contentsOf: String(i).utf8)
        // JSON has no ∞ or NaN.
        case .number(let x): out.append(contentsOf: (x.isFinite ? JSONValue.format(x) : "null").utf8)
        case .string(let s): JSONValue.quote(s, into: &out)
        case .written(let text, let depth):
            precondition(depth == indent, "a written JSON part placed at another depth")
            out.append(contentsOf: text.utf8)
        case .array(let items):
            if items.isEmpty {
                out.append(contentsOf: "[]".utf8)
                return
            }
            out.append(contentsOf: "[\n".utf8)
            for (i, item) in items.enumerated() {
                JSONValue.indent(indent + 1, into: &out)
                item.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (i + 1 < items.count ? ",\n" : "\n").utf8)
            }
            JSONValue.indent(indent, into: &out)
            out.append(UInt8(ascii: "]"))
        case .object(let fields):
            if fields.isEmpty {
                out.append(contentsOf: "{}".utf8)
                return
            }
            out.append(contentsOf: "{\n".utf8)
            let keys = fields.keys.sorted()
            for (i, key) in keys.enumerated() {
                JSONValue.indent(indent + 1, into: &out)
                JSONValue.quote(key, into: &out)
                out.append(contentsOf: ": ".utf8)
                fields[key]!.write(into: &out, indent: indent + 1)
                out.append(contentsOf: (i + 1 < keys.count ? ",\n" : "\n").utf8)
            }
            JSONValue.indent(indent, into: &out)
            out.append(UInt8(ascii: "}"))
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

    static func quote(_ s: String, into out: inout [UInt8]) {
        // Appended where it stands when nothing needs escaping: `list --json` writes 100,000 claims.
        if JSONString.needsNoEscape(s) {
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: s.utf8)
            out.append(UInt8(ascii: "\""))
        } else {
            out.append(contentsOf: JSONString.quote(s).utf8)
        }
    }

    private static let indents = (0..<16).map { Array(String(repeating: "  ", count: $0).utf8) }

    static func indent(_ level: Int, into out: inout [UInt8]) {
        if level < indents.count {
            out.append(contentsOf: indents[level])
        } else {
            out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
        }
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
