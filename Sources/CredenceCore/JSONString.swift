/// A JSON string literal for any text. Besides what JSON requires, it escapes everything a
/// terminal would obey if the JSON were printed to one (escape sequences, C1 controls, the
/// bidirectional overrides and isolates that reorder a line), so `--json` output is inert on
/// screen and still decodes to exactly the stored text.
package enum JSONString {
    package static func quote(_ s: String) -> String {
        // Most text needs no escaping: check the bytes and copy it whole.
        if needsNoEscape(s) { return "\"" + s + "\"" }
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if needsEscape(scalar.value) { out += hex(scalar.value) } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }

    /// True when `s` goes into JSON as it is. 0xC2 and 0xE2 lead the UTF-8 of the C1 controls and
    /// of U+2028…U+2069.
    package static func needsNoEscape(_ s: String) -> Bool {
        func plain(_ b: UInt8) -> Bool { b >= 0x20 && b != 0x22 && b != 0x5C && b != 0x7F && b != 0xC2 && b != 0xE2 }
        // Over the bytes in place when the string has them (a native string does): `list --json`
        // asks this of every text of 100,000 claims.
        return s.utf8.withContiguousStorageIfAvailable { $0.allSatisfy(plain) } ?? s.utf8.allSatisfy(plain)
    }

    /// What a terminal would obey, and the line and paragraph separators, which JavaScript
    /// strings may not hold.
    static func needsEscape(_ v: UInt32) -> Bool {
        UnsafeText.isTerminalControl(v) || (0x2028...0x2029).contains(v)
    }

    static func hex(_ v: UInt32) -> String {
        let digits = String(v, radix: 16)
        return "\\u" + String(repeating: "0", count: 4 - digits.count) + digits
    }
}
