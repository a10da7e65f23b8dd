import Foundation

/// An RFC 4180 CSV reader over bytes. Written here rather than taken from a package because
/// imports must name the exact line of a bad record (quoted fields may span lines) and read
/// hundreds of thousands of rows a second.
public struct CSVReader: Sequence, IteratorProtocol {
    public struct Record: Sendable, Equatable {
        /// The line the record starts on (1-based).
        public let line: Int
        public let fields: [String]
    }

    public struct SyntaxError: Error, Equatable, LocalizedError {
        public let line: Int
        public let message: String
        public var errorDescription: String? { "line \(line): \(message)" }
    }

    private let bytes: [UInt8]
    private var i: Int
    private var line = 1
    public private(set) var error: SyntaxError?

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        // A UTF-8 byte-order mark is not part of the first field.
        i = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    public init(text: String) { self.init(bytes: Array(text.utf8)) }

    /// The next record; nil at the end or on a syntax error (then `error` says where).
    public mutating func next() -> Record? {
        guard error == nil else { return nil }
        // Blank lines between records are skipped.
        while i < bytes.count && (bytes[i] == 0x0A || bytes[i] == 0x0D) {
            if bytes[i] == 0x0A { line += 1 }
            i += 1
        }
        guard i < bytes.count else { return nil }
        let start = line
        var fields: [String] = []
        while true {
            if i < bytes.count && bytes[i] == 0x22 {
                let opened = line
                i += 1
                var value = [UInt8]()
                while true {
                    guard i < bytes.count else {
                        error = SyntaxError(line: opened, message: "a quoted field opened here never closes (missing \")")
                        return nil
                    }
                    let b = bytes[i]
                    if b == 0x22 {
                        if i + 1 < bytes.count && bytes[i + 1] == 0x22 { value.append(0x22); i += 2; continue }
                        i += 1
                        break
                    }
                    if b == 0x0A { line += 1 }
                    value.append(b)
                    i += 1
                }
                fields.append(String(decoding: value, as: UTF8.self))
                if i < bytes.count && bytes[i] != 0x2C && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    error = SyntaxError(line: line, message: "text after a closing quote; a quote inside a quoted field is written \"\"")
                    return nil
                }
            } else {
                let from = i
                while i < bytes.count && bytes[i] != 0x2C && bytes[i] != 0x0A && bytes[i] != 0x0D { i += 1 }
                fields.append(String(decoding: bytes[from..<i], as: UTF8.self))
            }
            if i < bytes.count && bytes[i] == 0x2C { i += 1; continue }
            // End of record: CRLF, LF or CR, or the end of the file.
            if i < bytes.count && bytes[i] == 0x0D { i += 1 }
            if i < bytes.count && bytes[i] == 0x0A { i += 1 }
            line += 1
            return Record(line: start, fields: fields)
        }
    }
}

/// Writes CSV fields, quoting only when needed.
public enum CSVWriter {
    public static func field(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    public static func row(_ fields: [String]) -> String { fields.map(field).joined(separator: ",") + "\n" }
}
