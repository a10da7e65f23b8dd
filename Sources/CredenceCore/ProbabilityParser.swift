import Foundation

package enum ProbabilityError: Error, Equatable, Sendable {
    case bareNumber(String)
    case outOfRange(String)
    case negative(String)
    case zeroOdds(String)
    case zeroDenominator(String)
    case needsCertain(String)
    case notAProbability(String)
}

extension ProbabilityError: LocalizedError {
    package var errorDescription: String? {
        switch self {
        case .bareNumber(let t) where t == "1":
            return "\"1\" is a bare number: did you mean 1%? (for certainty write 100% with --certain)"
        case .bareNumber(let t) where t == "0":
            return "\"0\" is a bare number: did you mean 0%? (certainty needs --certain)"
        case .bareNumber(let t):
            if let n = Int(t), (0...100).contains(n) { return "\"\(t)\" is a bare number: did you mean \(t)%?" }
            return "\"\(t)\" is not a probability: write a percent from 0% to 100% (70%) or a decimal from 0 to 1 (0.7)"
        case .outOfRange(let t):
            if t.hasSuffix("%") || t.contains("/") || t.contains(" in ") {
                return "\(t) is more than 100%: a probability runs from 0% to 100%"
            }
            if let d = Double(t), d <= 100 {
                return "\(t) is more than 1: a probability runs from 0 to 1 (did you mean \(t)%?)"
            }
            return "\(t) is more than 1: a probability runs from 0 to 1, or 0% to 100%"
        case .negative(let t):
            return "\(t) is negative: a probability runs from 0% to 100%"
        case .zeroOdds(let t):
            return
                "odds \(t) mean certainty: both sides of the odds must be above zero (for certainty write 0% or 100% with --certain)"
        case .zeroDenominator(let t):
            return "\(t) divides by zero: write a fraction such as 7/10"
        case .needsCertain(let t):
            return
                "\(t) is certainty: one surprise makes the log score infinite. Add --certain if you mean it, or say 1% / 99%"
        case .notAProbability(let t):
            return "\"\(t)\" is not a probability: try 70%, 0.7, 7/10, 3:1, 1 in 20 or a word such as likely"
        }
    }
}

/// The probability grammar of DESIGN §3. One fixed rule; a bare integer is never guessed.
package enum ProbabilityParser {
    package static func parse(_ raw: String, allowCertain: Bool = false) throws(ProbabilityError) -> Probability {
        let typed = raw.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let p = try parseValue(typed)
        if p.isCertain && !allowCertain { throw .needsCertain(typed) }
        return p
    }

    /// Whether text has the shape of a probability (valid or not), so quick entry can point at it.
    package static func looksLikeProbability(_ raw: String) -> Bool {
        do {
            _ = try parseValue(raw)
            return true
        } catch .notAProbability {
            return false
        } catch {
            return true
        }
    }

    private static func parseValue(_ text: String) throws(ProbabilityError) -> Probability {
        if let word = EstimativeWords.lookup(text) {
            return Probability(value: Double(word.percent) / 100, typed: text, form: .verbal)
        }
        let s = Substring(text)
        if s.hasSuffix("%") {
            let body = s.dropLast()
            guard let (negative, digits) = signedDecimal(body) else { throw .notAProbability(text) }
            if negative { throw .negative(text) }
            guard let v = Double(digits + "e-2") else { throw .notAProbability(text) }
            if v > 1 { throw .outOfRange(text) }
            return Probability(value: v, typed: text, form: .percent)
        }
        if let colon = s.firstIndex(of: ":") {
            let (a, b) = (s[..<colon], s[s.index(after: colon)...])
            guard isDecimal(a), isDecimal(b), let x = Double(a), let y = Double(b) else {
                if a.hasPrefix("-") || b.hasPrefix("-") { throw .negative(text) }
                throw .notAProbability(text)
            }
            if x == 0 || y == 0 { throw .zeroOdds(text) }
            return Probability(value: x / (x + y), typed: text, form: .odds)
        }
        if let slash = s.firstIndex(of: "/") {
            return try ratio(s[..<slash], s[s.index(after: slash)...], text, .fraction)
        }
        let words = s.split(separator: " ")
        if words.count == 3, words[1].lowercased() == "in" {
            return try ratio(words[0], words[2], text, .oneIn)
        }
        guard let (negative, digits) = signedDecimal(s) else { throw .notAProbability(text) }
        if !digits.contains(".") { throw negative ? .negative(text) : .bareNumber(text) }
        if negative { throw .negative(text) }
        guard let v = Double(digits) else { throw .notAProbability(text) }
        if v > 1 { throw .outOfRange(text) }
        return Probability(value: v, typed: text, form: .decimal)
    }

    private static func ratio(
        _ a: Substring, _ b: Substring, _ text: String, _ form: InputForm
    ) throws(ProbabilityError) -> Probability {
        if a.hasPrefix("-") || b.hasPrefix("-") { throw .negative(text) }
        guard isDecimal(a), isDecimal(b), let x = Double(a), let y = Double(b) else { throw .notAProbability(text) }
        if y == 0 { throw .zeroDenominator(text) }
        if x > y { throw .outOfRange(text) }
        return Probability(value: x / y, typed: text, form: form)
    }

    /// Splits an optional sign from a plain decimal ("12", "0.5", ".5"); nil if it is not one.
    private static func signedDecimal(_ s: Substring) -> (Bool, String)? {
        var body = s
        var negative = false
        if let first = body.first, first == "-" || first == "+" {
            negative = first == "-"
            body = body.dropFirst()
        }
        return isDecimal(body) ? (negative, String(body)) : nil
    }

    private static func isDecimal(_ s: Substring) -> Bool {
        var digits = 0, dots = 0
        for c in s.utf8 {
            if c >= 48 && c <= 57 { digits += 1 } else if c == 46 { dots += 1 } else { return false }
        }
        return digits > 0 && dots <= 1
    }
}
