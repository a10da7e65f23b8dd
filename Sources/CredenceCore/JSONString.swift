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
        s.utf8.allSatisfy { $0 >= 0x20 && $0 != 0x22 && $0 != 0x5C && $0 != 0x7F && $0 != 0xC2 && $0 != 0xE2 }
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
