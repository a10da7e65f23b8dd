import CredenceCore
import Foundation

extension Interchange {
    /// Where the first byte is that is not part of well-formed UTF-8, if any. Text is stored byte
    /// for byte, so a file in another encoding is refused rather than stored with U+FFFD in place
    /// of what it said. ASCII, most of any export, is checked eight bytes at a time.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        bytes.withUnsafeBufferPointer { b -> Int? in
            let n = b.count
            guard let base = b.baseAddress else { return nil }
            var i = 0
            while i < n {
                if i + 8 <= n {
                    let word = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    if word & 0x8080_8080_8080_8080 == 0 {
                        i += 8
                        continue
                    }
                }
                let c = b[i]
                if c < 0x80 {
                    i += 1
                    continue
                }
                let length: Int, low: UInt8, high: UInt8
                switch c {
                case 0xC2...0xDF: (length, low, high) = (2, 0x80, 0xBF)
                case 0xE0: (length, low, high) = (3, 0xA0, 0xBF)
                case 0xED: (length, low, high) = (3, 0x80, 0x9F)
                case 0xE1...0xEF: (length, low, high) = (3, 0x80, 0xBF)
                case 0xF0: (length, low, high) = (4, 0x90, 0xBF)
                case 0xF1...0xF3: (length, low, high) = (4, 0x80, 0xBF)
                case 0xF4: (length, low, high) = (4, 0x80, 0x8F)
                default: return i
                }
                guard i + length <= n, b[i + 1] >= low, b[i + 1] <= high else { return i }
                for k in 2..<length where b[i + k] & 0xC0 != 0x80 { return i }
                i += length
            }
            return nil
        }
    }

    /// Line (1-based) and column in characters of a byte offset, for messages.
    static func place(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let before = bytes[..<offset]
        let lineStart = (before.lastIndex(of: 0x0A).map { $0 + 1 }) ?? 0
        let line = before.count(where: { $0 == 0x0A }) + 1
        let column = bytes[lineStart..<offset].count(where: { $0 & 0xC0 != 0x80 }) + 1
        return (line, column)
    }

    /// Refuses a file holding a NUL byte or bytes that are not UTF-8, naming the line.
    static func refuseUnstorableBytes(_ bytes: [UInt8]) throws {
        if let nul = firstNUL(bytes) {
            throw InterchangeError(
                line: place(of: nul, in: bytes).line,
                nulMessage + "; if this is a text export, remove it and import again")
        }
        if let bad = firstInvalidUTF8(bytes) {
            let (line, column) = place(of: bad, in: bytes)
            throw InterchangeError(
                line: line,
                "the byte 0x\(String(bytes[bad], radix: 16, uppercase: true)) at character \(column) is not UTF-8 text. Credence stores text byte for byte and does not guess encodings: save the file as UTF-8 (for example `iconv -f LATIN1 -t UTF-8`) and import again"
            )
        }
    }
}
