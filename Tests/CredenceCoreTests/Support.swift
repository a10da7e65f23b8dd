import Foundation
import Testing

@testable import CredenceCore

/// Test fixtures copied from the shared test vectors (see Fixtures/README.md).
enum Fixture {
    static func url(_ name: String) -> URL {
        Bundle.module.url(forResource: name, withExtension: nil, subdirectory: "Fixtures")!
    }
    static func text(_ name: String) throws -> String { try String(contentsOf: url(name), encoding: .utf8) }
    static func json(_ name: String) throws -> [String: Any] {
        try JSONSerialization.jsonObject(with: Data(contentsOf: url(name))) as! [String: Any]
    }

    struct Row { let forecaster: String, question: String, p: Double, y: Bool }
    static func rows(_ name: String) throws -> [Row] {
        try text(name).split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return Row(forecaster: String(f[0]), question: String(f[1]), p: Double(f[2])!, y: f[3] == "1")
        }
    }

    struct TimedRow {
        let forecaster: String, question: String, time: Double, p: Double, y: Bool, open: Double, close: Double
    }
    static func timeline(_ name: String) throws -> [TimedRow] {
        try text(name).split(separator: "\n").dropFirst().map { line in
            let f = line.split(separator: ",", omittingEmptySubsequences: false)
            return TimedRow(
                forecaster: String(f[0]), question: String(f[1]), time: Double(f[2])!, p: Double(f[3])!,
                y: f[4] == "1", open: Double(f[5])!, close: Double(f[6])!)
        }
    }
}

/// |a − e| ≤ rel·|e| + abs: the vectors' tolerance rule.
func close(_ actual: Double?, _ expected: Double?, rel: Double = 1e-12, abs floor: Double = 1e-15) -> Bool {
    switch (actual, expected) {
    case (nil, nil): return true
    case let (a?, e?): return Swift.abs(a - e) <= rel * Swift.abs(e) + floor
    default: return false
    }
}

/// Compares an expected JSON tree with an actual one built in the same shape; returns the
/// paths that differ. Numbers use the 1e-12 rule unless `tolerances` names the key.
func differences(_ expected: Any, _ actual: Any, path: String = "", tolerances: [String: Double] = [:]) -> [String] {
    switch (expected, actual) {
    case (is NSNull, is NSNull): return []
    case let (e as [String: Any], a as [String: Any]):
        var out: [String] = []
        for (key, value) in e {
            guard let other = a[key] else {
                out.append("\(path).\(key): missing")
                continue
            }
            out += differences(value, other, path: "\(path).\(key)", tolerances: tolerances)
        }
        return out
    case let (e as [Any], a as [Any]):
        guard e.count == a.count else { return ["\(path): \(a.count) items, expected \(e.count)"] }
        return zip(e, a).enumerated().flatMap {
            differences($1.0, $1.1, path: "\(path)[\($0)]", tolerances: tolerances)
        }
    case let (e as String, a as String): return e == a ? [] : ["\(path): \(a) ≠ \(e)"]
    // The actual side is built from Swift values, so its type says how to compare.
    case let (e as NSNumber, a as Bool): return e.boolValue == a ? [] : ["\(path): \(a) ≠ \(e)"]
    case let (e as NSNumber, a as Int): return e.doubleValue == Double(a) ? [] : ["\(path): \(a) ≠ \(e)"]
    case let (e as NSNumber, a as Double):
        let key = String(path.split(separator: ".").last ?? "")
        let rel = tolerances[key] ?? 1e-12
        return close(a, e.doubleValue, rel: rel) ? [] : ["\(path): \(a) ≠ \(e.doubleValue)"]
    default:
        return ["\(path): \(actual) ≠ \(expected)"]
    }
}
