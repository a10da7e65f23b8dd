import CredenceCore
import Foundation

/// Fatebook's CSV export: one row per forecast (other people's too, on shared questions), no
/// question id (a question is its title with its creation time), Brier columns on the 0–2 scale.
enum FatebookCodec {
    static let header = [
        "Question title", "Multiple choice option", "Forecast created by", "Forecast (scale = 0-1)",
        "Forecast created at",
        "Question created by", "Question created at", "Question resolve by", "Resolution", "Resolved at",
        "Your Brier score for this question", "Your relative Brier score for this question", "Question notes",
        "Question shared with", "Question shared publicly", "Question comments", "Question tags",
    ]

    struct Question {
        var claim: InterchangeClaim
        var line: Int
        var resolution: String
        var resolvedAt: Date?
        var brier: Double?
        var options: [String] = []
        var yesOption: String?
    }

    static func read(_ bytes: [UInt8], now: Date, policy: inout RecordPolicy) throws -> InterchangeDocument {
        var reader = CSVReader(bytes: bytes)
        guard let head = reader.next(), head.fields.map({ $0.trimmed }) == header else {
            throw InterchangeError(
                line: 1, "the header is not Fatebook's export header (\(header.joined(separator: ",")))")
        }
        var questions: [Question] = []
        var index: [String: Int] = [:]
        while let record = reader.next() {
            let line = record.line, f = record.fields
            guard f.count == header.count else {
                try policy.reject(InterchangeError(line: line, "expected \(header.count) fields, found \(f.count)"))
                continue
            }
            func cell(_ i: Int) -> String { f[i].trimmed }
            /// nil: the record was rejected (and is being skipped); .some(nil): the cell is empty.
            func time(_ i: Int, required: Bool) throws -> Date?? {
                let t = cell(i)
                if t.isEmpty {
                    if required {
                        try policy.reject(InterchangeError(line: line, field: header[i], "is empty"))
                        return .none
                    }
                    return .some(nil)
                }
                guard let d = Timestamps.parse(t) else {
                    try policy.reject(InterchangeError(line: line, field: header[i], "\"\(t)\" is not a timestamp"))
                    return .none
                }
                return .some(d)
            }
            let title = cell(0)
            guard !title.isEmpty else {
                try policy.reject(InterchangeError(line: line, field: header[0], "the question has no title"))
                continue
            }
            guard let created = try time(6, required: true), let createdAt = created else { continue }
            guard let forecastTime = try time(4, required: true), let forecastAt = forecastTime else { continue }
            guard let resolveBy = try time(7, required: false), let resolvedAtTime = try time(9, required: false) else {
                continue
            }
            let typed = cell(3)
            guard let (p, _) = Interchange.probability(typed) else {
                try policy.reject(
                    InterchangeError(line: line, field: header[3], "\"\(typed)\" is not a probability from 0 to 1"))
                continue
            }
            // Fatebook leaves the column empty for a forecaster it does not name.
            let forecaster = ForecasterName.clean(cell(2)) ?? policy.missingForecaster ?? "fatebook user"
            let option = cell(1).isEmpty ? nil : cell(1)
            let resolution = cell(8)
            guard ["", "YES", "NO", "AMBIGUOUS"].contains(resolution.uppercased()) || option != nil else {
                try policy.reject(
                    InterchangeError(
                        line: line, field: header[8], "\"\(resolution)\" is not YES, NO, AMBIGUOUS or empty"))
                continue
            }
            let key = title + "\u{1F}" + String(createdAt.millis)
            if index[key] == nil {
                var claim = InterchangeClaim(
                    uuid: StableID.uuid(["fatebook", title, String(createdAt.millis)]), text: title,
                    createdAt: createdAt)
                claim.resolveBy = resolveBy.map { max($0, createdAt) }
                claim.tags = cell(16).split(separator: ";").map { String($0).trimmed }.filter { !$0.isEmpty }
                    .map { $0.hasPrefix("#") ? String($0.dropFirst()) : $0 }.map {
                        $0.replacingOccurrences(of: " ", with: "-")
                    }
                var notes: [String] = []
                if !cell(12).isEmpty { notes.append(cell(12)) }
                if !cell(15).isEmpty {
                    notes.append(
                        "Comments on Fatebook:\n" + cell(15).components(separatedBy: "; ").joined(separator: "\n"))
                }
                if !cell(5).isEmpty { notes.append("Asked on Fatebook by \(cell(5)).") }
                claim.notes = notes.isEmpty ? nil : notes.joined(separator: "\n\n")
                claim.source = "line \(line)"
                index[key] = questions.count
                questions.append(
                    Question(
                        claim: claim, line: line, resolution: resolution, resolvedAt: resolvedAtTime,
                        brier: DecimalText.parse(cell(10))))
            }
            let q = index[key]!
            if option == nil && questions[q].resolution.uppercased() != resolution.uppercased() {
                let before = questions[q].resolution.isEmpty ? "(open)" : questions[q].resolution
                try policy.reject(
                    InterchangeError(
                        line: line, field: header[8],
                        "“\(title)” resolves \(before) on line \(questions[q].line) but \(resolution.isEmpty ? "(open)" : resolution) here"
                    ))
                continue
            }
            if let option {
                if !questions[q].options.contains(where: { $0.lowercased() == option.lowercased() }) {
                    questions[q].options.append(option)
                }
                if resolution.uppercased() == "YES" { questions[q].yesOption = option }
                if questions[q].resolution.isEmpty { questions[q].resolution = resolution }
            }
            questions[q].claim.forecasts.append(
                InterchangeForecast(
                    forecaster: forecaster, option: option, probability: p, typed: typed,
                    form: .decimal, createdAt: forecastAt))
        }
        if let e = reader.error { throw InterchangeError(line: e.line, e.message) }

        var doc = InterchangeDocument()
        var checked = 0, mismatches: [String] = []
        for var q in questions {
            let lastForecast = q.claim.forecasts.map(\.createdAt).max() ?? q.claim.createdAt
            let at = max(q.resolvedAt ?? lastForecast, q.claim.createdAt)
            let upper = q.resolution.uppercased()
            if !q.options.isEmpty {
                q.claim.kind = .scenarios
                q.claim.options = q.options
                if upper == "AMBIGUOUS" {
                    q.claim.resolutions = [
                        InterchangeResolution(
                            status: .annulled, resolvedAt: at, recordedAt: now, note: "ambiguous on Fatebook")
                    ]
                } else if let happened = q.yesOption
                    ?? q.options.first(where: { $0.lowercased() == q.resolution.lowercased() })
                {
                    q.claim.resolutions = [
                        InterchangeResolution(
                            status: .resolved, option: happened, resolvedAt: at, recordedAt: now,
                            note: "imported from Fatebook")
                    ]
                }
            } else if !upper.isEmpty {
                let status: ClaimStatus = upper == "YES" ? .yes : upper == "NO" ? .no : .annulled
                q.claim.resolutions = [
                    InterchangeResolution(
                        status: status, resolvedAt: at, recordedAt: now,
                        note: status == .annulled ? "ambiguous on Fatebook" : "imported from Fatebook")
                ]
                if let theirs = q.brier, let outcome = status.outcome {
                    checked += 1
                    let ours = oursBrier(q.claim, outcome: outcome, at: at)
                    if !ours.contains(where: { abs($0 - theirs) < 0.005 }) {
                        mismatches.append(
                            "“\(q.claim.text)”: Fatebook says \(String(format: "%.4f", theirs)), ours \(ours.map { String(format: "%.4f", $0) }.joined(separator: " / "))"
                        )
                    }
                }
            }
            doc.claims.append(q.claim)
        }
        if checked > 0 {
            doc.notes.append(
                "Checked Fatebook's Brier scores (0–2 scale) on \(checked) question\(checked == 1 ? "" : "s") against ours (each forecaster's final and time-averaged): \(checked - mismatches.count) agree, \(mismatches.count) differ\(mismatches.isEmpty ? "." : ":")"
            )
            doc.notes += mismatches.map { "  " + $0 }
        }
        doc.notes.append(
            "Not imported as data: Fatebook's Brier and relative Brier columns (checked instead) and sharing settings.")
        return doc
    }

    /// Each forecaster's Brier on the 0–2 scale: final forecast and time-averaged from their first.
    static func oursBrier(_ claim: InterchangeClaim, outcome: Bool, at close: Date) -> [Double] {
        let byForecaster = Dictionary(
            grouping: claim.forecasts.filter { $0.createdAt <= close }, by: { $0.forecaster.lowercased() })
        return byForecaster.keys.sorted().flatMap { key -> [Double] in
            let rows = byForecaster[key]!
            let sorted = rows.sorted { $0.createdAt < $1.createdAt }
            var out = [2 * Scoring.brier(sorted.last!.probability, outcome)]
            let history = sorted.map { TimedForecast(time: $0.createdAt.timeIntervalSince1970, p: $0.probability) }
            if let ta = TimeAveraged.score(
                history, open: claim.createdAt.timeIntervalSince1970, close: close.timeIntervalSince1970,
                outcome: outcome)
            {
                out.append(2 * ta.fromFirst)
                out.append(2 * ta.uniformFill)
            }
            return out.reduce(into: [Double]()) { if !$0.contains($1) { $0.append($1) } }
        }
    }
}

extension FatebookCodec: ImportFormat {
    static let format = InterchangeFormat.fatebook
    static let name = "Fatebook CSV"
    static func recognises(_ sample: ImportSample) -> Bool { sample.header == header }
    static func read(_ request: ImportRequest, policy: inout RecordPolicy) throws -> InterchangeDocument {
        try read(request.bytes, now: request.now, policy: &policy)
    }
}
