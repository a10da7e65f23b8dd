/// Words of estimative probability after Sherman Kent, "Words of Estimative Probability"
/// (CIA Studies in Intelligence, 1964): each phrase maps to the centre of Kent's range.
/// Verbal forecasts are stored as typed, so a report can later show what the words meant.
package enum EstimativeWords {
    package struct Entry: Sendable {
        package let phrase: String
        package let percent: Int
        package let kentGroup: String
    }

    package static let table: [Entry] = [
        Entry(phrase: "certain", percent: 100, kentGroup: "certain"),
        Entry(phrase: "almost certain", percent: 93, kentGroup: "almost certain"),
        Entry(phrase: "almost certainly", percent: 93, kentGroup: "almost certain"),
        Entry(phrase: "highly likely", percent: 93, kentGroup: "almost certain"),
        Entry(phrase: "very likely", percent: 93, kentGroup: "almost certain"),
        Entry(phrase: "highly probable", percent: 93, kentGroup: "almost certain"),
        Entry(phrase: "probable", percent: 75, kentGroup: "probable"),
        Entry(phrase: "probably", percent: 75, kentGroup: "probable"),
        Entry(phrase: "likely", percent: 75, kentGroup: "probable"),
        Entry(phrase: "chances about even", percent: 50, kentGroup: "chances about even"),
        Entry(phrase: "about even", percent: 50, kentGroup: "chances about even"),
        Entry(phrase: "even odds", percent: 50, kentGroup: "chances about even"),
        Entry(phrase: "even chance", percent: 50, kentGroup: "chances about even"),
        Entry(phrase: "toss-up", percent: 50, kentGroup: "chances about even"),
        Entry(phrase: "coin flip", percent: 50, kentGroup: "chances about even"),
        Entry(phrase: "probably not", percent: 30, kentGroup: "probably not"),
        Entry(phrase: "unlikely", percent: 30, kentGroup: "probably not"),
        Entry(phrase: "improbable", percent: 30, kentGroup: "probably not"),
        Entry(phrase: "almost certainly not", percent: 7, kentGroup: "almost certainly not"),
        Entry(phrase: "highly unlikely", percent: 7, kentGroup: "almost certainly not"),
        Entry(phrase: "very unlikely", percent: 7, kentGroup: "almost certainly not"),
        Entry(phrase: "highly improbable", percent: 7, kentGroup: "almost certainly not"),
        Entry(phrase: "remote", percent: 7, kentGroup: "almost certainly not"),
        Entry(phrase: "impossible", percent: 0, kentGroup: "impossible"),
    ]

    private static let byPhrase: [String: Entry] = Dictionary(
        table.map { ($0.phrase, $0) }, uniquingKeysWith: { first, _ in first })

    /// The longest phrase has this many words; quick entry tries phrases up to this length.
    package static let maxWords = table.map { $0.phrase.split(separator: " ").count }.max() ?? 1

    package static func lookup(_ text: String) -> Entry? {
        let normal = text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return byPhrase[normal]
    }
}
