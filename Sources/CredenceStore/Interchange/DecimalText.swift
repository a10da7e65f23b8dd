/// A number as a data file writes it: decimal digits, an optional point, an optional decimal
/// exponent (`7.8456447996187574e-05`, as Python and R write small numbers). Swift's `Double(_:)`
/// also reads hex floats (`0x1p-1`), `inf` and `nan`, which no exporter means: those are refused.
enum DecimalText {
    static func parse(_ text: String) -> Double? {
        guard isDecimal(text.utf8) else { return nil }
        return Double(text)
    }

    /// `[+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?`
    static func isDecimal<C: Collection>(_ u: C) -> Bool where C.Element == UInt8 {
        var i = u.startIndex
        func digits() -> Int {
            var n = 0
            while i < u.endIndex, u[i] >= 0x30, u[i] <= 0x39 {
                n += 1
                i = u.index(after: i)
            }
            return n
        }
        if i < u.endIndex, u[i] == 0x2B || u[i] == 0x2D { i = u.index(after: i) }
        var mantissa = digits()
        if i < u.endIndex, u[i] == 0x2E {
            i = u.index(after: i)
            mantissa += digits()
        }
        guard mantissa > 0 else { return false }
        if i < u.endIndex, u[i] == 0x65 || u[i] == 0x45 {
            i = u.index(after: i)
            if i < u.endIndex, u[i] == 0x2B || u[i] == 0x2D { i = u.index(after: i) }
            guard digits() > 0 else { return false }
        }
        return i == u.endIndex
    }

    /// A percent's value as a fraction, read in one rounding: "12.5" becomes 12.5e-2, "7e1" 7e-1.
    static func percent(_ body: Substring) -> Double? {
        guard isDecimal(body.utf8) else { return nil }
        guard let e = body.firstIndex(where: { $0 == "e" || $0 == "E" }) else { return Double(body + "e-2") }
        guard let exponent = Int(body[body.index(after: e)...].drop(while: { $0 == "+" })),
            exponent > Int.min + 2
        else { return nil }
        return Double(body[..<e] + "e\(exponent - 2)")
    }
}
