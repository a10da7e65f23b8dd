import Foundation

/// An amount of money in whole cents. Stakes are money: they are typed, computed and compared in
/// integer cents so 2.50 stays 2.50 (never 2.499999999999999).
package struct Money: Sendable, Hashable, Comparable, CustomStringConvertible {
    package let cents: Int64

    package init(cents: Int64) { self.cents = cents }

    /// The nearest cent of a computed amount (half away from zero).
    package init(rounding amount: Double) { cents = Int64((amount * 100).rounded()) }

    /// An amount as typed: `20`, `12.5`, `12.50`, `1,250` or `1250.00`. Nil for anything else,
    /// including more decimals than cents (`12.505`), signs and exponents.
    package init?(_ text: String) {
        let plain = text.replacingOccurrences(of: ",", with: "")
        let parts = plain.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        guard let whole = parts.first, !whole.isEmpty, whole.allSatisfy(\.isASCIIDigit), whole.count <= 13 else {
            return nil
        }
        var cents = Int64(whole)! * 100
        if parts.count == 2 {
            let fraction = parts[1]
            guard (1...2).contains(fraction.count), fraction.allSatisfy(\.isASCIIDigit) else { return nil }
            cents += Int64(fraction.count == 1 ? fraction + "0" : String(fraction))!
        }
        self.cents = cents
    }

    /// The amount as a number, for JSON and arithmetic with probabilities. cents / 100 is the double
    /// nearest the decimal, so it prints back as that decimal.
    package var amount: Double { Double(cents) / 100 }

    /// 20, 12.50, 1,250
    package var description: String {
        let magnitude = cents.magnitude
        var whole = String(magnitude / 100)
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole = String(whole.dropLast(3))
        }
        let fraction = magnitude % 100
        let text = whole + grouped + (fraction == 0 ? "" : "." + (fraction < 10 ? "0" : "") + String(fraction))
        return cents < 0 ? "−" + text : text
    }

    package static func < (a: Money, b: Money) -> Bool { a.cents < b.cents }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
