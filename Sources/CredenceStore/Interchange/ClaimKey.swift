import CredenceCore

/// A claim's UUID as an import looks it up: 128 bits when it is written the way Credence writes
/// one (lowercase, 8-4-4-4-12), else the text itself. Reading a 100,000-claim journal's UUIDs as
/// strings and hashing them cost an import into it more than half a second before its first row;
/// two words hash at once and need no allocation.
enum ClaimKey: Hashable {
    case uuid(UInt64, UInt64)
    case text(String)

    init(_ text: String) {
        var text = text
        self = text.withUTF8 { Self.bits($0) } ?? .text(text)
    }

    /// For a cell read in place (`RawQuery.withText`): makes a string only when it is not a UUID.
    init(utf8: UnsafeBufferPointer<UInt8>) {
        self = Self.bits(utf8) ?? .text(String(decoding: utf8, as: UTF8.self))
    }

    private static func bits(_ u: UnsafeBufferPointer<UInt8>) -> ClaimKey? {
        guard u.count == 36 else { return nil }
        var words: (UInt64, UInt64) = (0, 0)
        var digits = 0
        for i in 0..<36 {
            let c = u[i]
            if i == 8 || i == 13 || i == 18 || i == 23 {
                guard c == 0x2D else { return nil }
                continue
            }
            let v: UInt8
            switch c {
            case 0x30...0x39: v = c - 0x30
            case 0x61...0x66: v = c - 0x61 + 10
            default: return nil  // uppercase or anything else: compared as the text it is
            }
            if digits < 16 { words.0 = words.0 << 4 | UInt64(v) } else { words.1 = words.1 << 4 | UInt64(v) }
            digits += 1
        }
        return .uuid(words.0, words.1)
    }
}

extension ClaimStatus {
    /// A status column read in place; the schema's CHECK allows only the five names.
    init(utf8: UnsafeBufferPointer<UInt8>) {
        self = ClaimStatus.allCases.first { $0.rawValue.utf8.elementsEqual(utf8) } ?? .open
    }
}
