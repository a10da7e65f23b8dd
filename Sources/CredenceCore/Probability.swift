import Foundation

/// How a forecaster wrote a probability. Kept so reports can ask "what did *your* 'likely' mean?"
package enum InputForm: String, Sendable, Codable, CaseIterable {
    case percent, decimal, fraction, odds, oneIn = "one_in", verbal
}

/// A probability of YES in [0, 1], with the exact text the forecaster typed beside it.
package struct Probability: Sendable, Hashable, Codable {
    package let value: Double
    package let typed: String
    package let form: InputForm

    package init(value: Double, typed: String, form: InputForm) {
        self.value = value
        self.typed = typed
        self.form = form
    }

    /// True for 0 and 1: forecasts that make the log score infinite when wrong.
    package var isCertain: Bool { value == 0 || value == 1 }

    /// "70%", "72.5%", "27.34%": whole percents print exactly, others to two decimals of a percent.
    package var percentText: String { Probability.percentText(value) }

    private static let wholePercents = (0...100).map { "\($0)%" }

    package static func percentText(_ p: Double) -> String {
        let percent = p * 100
        let whole = percent.rounded()
        if abs(percent - whole) < 1e-9 {
            // `list` shows one per claim: the 101 whole percents are made once.
            return whole >= 0 && whole <= 100 ? Self.wholePercents[Int(whole)] : "\(Int(whole))%"
        }
        var text = String(format: "%.2f", percent)
        while text.hasSuffix("0") { text.removeLast() }
        if text.hasSuffix(".") { text.removeLast() }
        return text + "%"
    }

    /// The echo after a write: "75% (typed 3:1)" or just "70%".
    package var echo: String {
        let shown = percentText
        return typed == shown ? shown : "\(shown) (typed \(typed))"
    }
}
