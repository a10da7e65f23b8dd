extension String {
    /// The first character upper-cased, the rest as written ("ryan's forecasts" → "Ryan's
    /// forecasts"), unlike `capitalized`, which would change every word.
    package var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
