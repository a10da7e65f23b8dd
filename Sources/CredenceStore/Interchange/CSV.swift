import Foundation

/// An RFC 4180 CSV reader over bytes. Written here rather than taken from a package because
/// imports must name the exact line of a bad record (quoted fields may span lines) and read
/// hundreds of thousands of rows a second: a record is a list of byte ranges, and a field
/// becomes a String only when asked for.
package struct CSVReader: Sequence, IteratorProtocol {
    package struct Record: Sendable, Equatable {
        /// The line the record starts on (1-based).
        package let line: Int
        package let fields: [String]
    }

    package struct SyntaxError: Error, Equatable, LocalizedError {
        package let line: Int
        package let message: String
        package var errorDescription: String? { "line \(line): \(message)" }
    }

    /// Where a field's bytes are; `escaped` when it holds doubled quotes to undo.
    struct Field {
        var start: Int
        var end: Int
        var escaped: Bool
    }

    private let bytes: [UInt8]
    private var i: Int
    private var line = 1
    package private(set) var error: SyntaxError?
    /// The current record, after `advance()`.
    private(set) var fields: [Field] = []
    private(set) var recordLine = 0

    package init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is not part of the first field.
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        fields.reserveCapacity(64)
    }

    package init(text: String) { self.init(bytes: Array(text.utf8)) }

    /// The next record with every field as a String; nil at the end or on a syntax error.
    package mutating func next() -> Record? {
        guard advance() else { return nil }
        return Record(line: recordLine, fields: (0..<fields.count).map(string))
    }

    /// Moves to the next record, keeping its fields as ranges. False at the end or on an error.
    mutating func advance() -> Bool {
        guard error == nil else { return false }
        fields.removeAll(keepingCapacity: true)
        return bytes.withUnsafeBufferPointer { b -> Bool in
            let n = b.count
            // Blank lines between records are skipped.
            while i < n && (b[i] == 0x0A || b[i] == 0x0D) {
                if b[i] == 0x0A { line += 1 }
                i += 1
            }
            guard i < n else { return false }
            recordLine = line
            while true {
                if i < n && b[i] == 0x22 {
                    let opened = line
                    i += 1
                    let start = i
                    var escaped = false
                    while true {
                        guard i < n else {
                            error = SyntaxError(
                                line: opened, message: "a quoted field opened here never closes (missing \")")
                            return false
                        }
                        let c = b[i]
                        if c == 0x22 {
                            if i + 1 < n && b[i + 1] == 0x22 {
                                escaped = true
                                i += 2
                                continue
                            }
                            break
                        }
                        if c == 0x0A { line += 1 }
                        i += 1
                    }
                    fields.append(Field(start: start, end: i, escaped: escaped))
                    i += 1
                    if i < n && b[i] != 0x2C && b[i] != 0x0A && b[i] != 0x0D {
                        error = SyntaxError(
                            line: line,
                            message: "text after a closing quote; a quote inside a quoted field is written \"\"")
                        return false
                    }
                } else {
                    let start = i
                    while i < n && b[i] != 0x2C && b[i] != 0x0A && b[i] != 0x0D { i += 1 }
                    fields.append(Field(start: start, end: i, escaped: false))
                }
                if i < n && b[i] == 0x2C {
                    i += 1
                    continue
                }
                // End of record: CRLF, LF or CR, or the end of the file.
                if i < n && b[i] == 0x0D { i += 1 }
                if i < n && b[i] == 0x0A { i += 1 }
                line += 1
                return true
            }
        }
    }

    var count: Int { fields.count }

    /// Field `k` of the current record as a String (doubled quotes undone).
    func string(_ k: Int) -> String {
        let f = fields[k]
        if f.start == f.end { return "" }
        return bytes.withUnsafeBufferPointer { b in
            let range = UnsafeBufferPointer(rebasing: b[f.start..<f.end])
            guard f.escaped else { return String(decoding: range, as: UTF8.self) }
            var out = [UInt8]()
            out.reserveCapacity(range.count)
            var i = 0
            while i < range.count {
                out.append(range[i])
                i += range[i] == 0x22 && i + 1 < range.count && range[i + 1] == 0x22 ? 2 : 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    func isEmpty(_ k: Int) -> Bool { fields[k].start == fields[k].end }

    /// Whether field `k` holds exactly these bytes (for a field that repeats row after row).
    func equals(_ k: Int, _ other: [UInt8]) -> Bool {
        let f = fields[k]
        guard !f.escaped, f.end - f.start == other.count else { return false }
        return bytes.withUnsafeBufferPointer { b in
            other.withUnsafeBufferPointer { memcmp(b.baseAddress! + f.start, $0.baseAddress!, other.count) == 0 }
        }
    }

    func bytes(_ k: Int) -> [UInt8] { Array(bytes[fields[k].start..<fields[k].end]) }

    /// A timestamp parsed straight from the field's bytes.
    func timestamp(_ k: Int) -> Date? {
        let f = fields[k]
        return bytes.withUnsafeBufferPointer {
            Timestamps.parse(bytes: UnsafeBufferPointer(rebasing: $0[f.start..<f.end]))
        }
    }
}

/// Writes CSV fields, quoting only when needed.
package enum CSVWriter {
    package static func field(_ s: String) -> String {
        guard s.utf8.contains(where: { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    package static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }
}
