import CredenceCore
import Foundation

/// `forecaster,question_id,probability,outcome[,question,created,resolved]`: the shape of the
/// statistics test vectors. One claim per question_id; outcome 1/0, blank for open.
enum PlainCSVCodec {
    static let required = ["forecaster", "question_id", "probability", "outcome"]
    static let optional = ["question", "created", "resolved"]

    /// A question's rows so far.
    struct Question {
        var claim: InterchangeClaim
        var qid: String
        var outcome: Bool?
        var line: Int
        var hasText: Bool
        var resolved: Date?
        /// The earliest `created` of its rows: the claim's creation.
        var earliest: Date?
    }

    /// - namespace: the file's name; with the question id it makes the claim's stable UUID.
    /// - sink: when given, questions the file has moved past go on in batches (`stream`); a row
    ///   for one already handed on throws `ClaimsNotTogether`.
    static func read(
        _ bytes: [UInt8], namespace: String, dates: DateGrammar, now: Date, policy: inout RecordPolicy,
        sink: ClaimSink? = nil
    ) throws -> InterchangeDocument {
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next() else {
            if let e = reader.error { throw InterchangeError(line: e.line, e.message) }
            throw InterchangeError(
                line: nil,
                "the file is empty; the plain CSV starts with the header forecaster,question_id,probability,outcome")
        }
        let names = header.fields.map { $0.trimmed.lowercased() }
        var column: [String: Int] = [:]
        for (i, name) in names.enumerated() {
            guard required.contains(name) || optional.contains(name) else {
                throw InterchangeError(
                    line: 1, field: name,
                    "unknown column \"\(name)\"; the plain CSV has forecaster, question_id, probability, outcome and optionally question, created, resolved (use --format for other formats)"
                )
            }
            if column[name] != nil {
                throw InterchangeError(line: 1, field: name, "the column \"\(name)\" appears twice")
            }
            column[name] = i
        }
        for name in required where column[name] == nil {
            throw InterchangeError(
                line: 1, field: name, "the header has no \"\(name)\" column (found: \(names.joined(separator: ",")))")
        }
        var index: [String: Int] = [:]
        var questions: [Question] = []
        var doc = InterchangeDocument()
        // Questions handed to the sink, and the refusals of their dates, given in the end (as when
        // the whole file is read first, whatever the row errors after them).
        var handed = Set<String>()
        var refusals: [InterchangeError] = []
        func finish(_ q: Question) {
            switch claim(of: q, namespace: namespace, now: now) {
            case .success(let claim): doc.claims.append(claim)
            case .failure(let refusal): refusals.append(refusal)
            }
        }
        // Looked up once, not per row.
        let forecasterAt = column["forecaster"]!, qidAt = column["question_id"]!
        let probabilityAt = column["probability"]!, outcomeAt = column["outcome"]!
        let questionAt = column["question"], createdAt = column["created"], resolvedAt = column["resolved"]
        // A file repeats a handful of dates over and over; the grammar reads each once.
        var startOf: [String: Date] = [:], endOf: [String: Date] = [:]
        while let record = reader.next() {
            do {
                let line = record.line
                guard record.fields.count == names.count else {
                    throw InterchangeError(line: line, "expected \(names.count) fields, found \(record.fields.count)")
                }
                func value(_ at: Int?) -> String? { at.map { record.fields[$0].trimmed } }
                let qid = value(qidAt)!
                let forecaster = try policy.forecaster(value(forecasterAt)!, line: line, field: "forecaster")
                guard !qid.isEmpty else {
                    throw InterchangeError(line: line, field: "question_id", "the question id is empty")
                }
                let typed = value(probabilityAt)!
                guard let (p, form) = probability(typed) else {
                    throw InterchangeError(
                        line: line, field: "probability",
                        DecimalText.isDecimal((typed.hasSuffix("%") ? typed.dropLast() : typed[...]).utf8)
                            ? "\"\(typed)\" is not a probability from 0 to 1 (or 0% to 100%)"
                            : "\"\(typed)\" is not a number in decimal digits: write a probability such as 0.7, 7e-05 or 70%"
                    )
                }
                let outcomeCell = value(outcomeAt)!
                let outcomeText = outcomeCell.count <= 1 ? outcomeCell : outcomeCell.lowercased()
                let outcome: Bool?
                switch outcomeText {
                case "1", "yes", "true", "y": outcome = true
                case "0", "no", "false", "n": outcome = false
                case "": outcome = nil
                default:
                    throw InterchangeError(
                        line: line, field: "outcome",
                        "\"\(outcomeText)\" is not an outcome: use 1, 0, or leave it blank for an open question")
                }
                let text = value(questionAt).flatMap { $0.isEmpty ? nil : $0 }
                func date(
                    _ at: Int?, _ name: String, _ cache: inout [String: Date], _ read: (String) throws -> Date
                ) throws -> Date? {
                    guard let t = value(at), !t.isEmpty else { return nil }
                    if let known = cache[t] { return known }
                    do {
                        let d = try read(t)
                        cache[t] = d
                        return d
                    } catch {
                        throw InterchangeError(
                            line: line, field: name, "\"\(t)\" is not a date (use 2026-03-05 or 2026-03-05T09:07)")
                    }
                }
                let created = try date(createdAt, "created", &startOf, dates.periodStart)
                let resolved = try date(resolvedAt, "resolved", &endOf, dates.periodEnd)
                if resolved != nil && outcome == nil {
                    throw InterchangeError(line: line, field: "resolved", "a resolution date but no outcome")
                }
                if let i = index[qid] {
                    // Read in place: a copy of the question would make each append copy its forecasts.
                    if questions[i].outcome != outcome {
                        throw InterchangeError(
                            line: line, field: "outcome",
                            "question \(qid) has outcome \(show(questions[i].outcome)) on line \(questions[i].line) but \(show(outcome)) here; a question has one outcome"
                        )
                    }
                    if let text, questions[i].hasText, questions[i].claim.text != text {
                        throw InterchangeError(
                            line: line, field: "question",
                            "question \(qid) has a different text than on line \(questions[i].line)")
                    }
                    if let text, !questions[i].hasText {
                        questions[i].claim.text = text
                        questions[i].hasText = true
                    }
                    if questions[i].resolved == nil { questions[i].resolved = resolved }
                    questions[i].claim.forecasts.append(
                        InterchangeForecast(
                            forecaster: forecaster, probability: p, typed: typed, form: form,
                            createdAt: created ?? .distantFuture))
                    if let created, created < questions[i].earliest ?? .distantFuture {
                        questions[i].earliest = created
                    }
                } else {
                    if handed.contains(qid) { throw ClaimsNotTogether(line: line) }
                    // Every question held but the last one is behind this new one: past a batch they go on.
                    if let sink, questions.count > sink.batch {
                        let current = questions.removeLast()
                        for q in questions {
                            finish(q)
                            handed.insert(q.qid)
                        }
                        try sink.take(doc.claims)
                        doc.claims.removeAll(keepingCapacity: true)
                        questions = [current]
                        index = [current.qid: 0]
                    }
                    var claim = InterchangeClaim(
                        uuid: StableID.uuid(["plain-csv", namespace, qid]),
                        text: text ?? "Question \(qid) (imported from \(namespace))", createdAt: now)
                    claim.source = "line \(line)"
                    // A blank `created` is filled in at the end, with the question's earliest known time.
                    claim.forecasts = [
                        InterchangeForecast(
                            forecaster: forecaster, probability: p, typed: typed, form: form,
                            createdAt: created ?? .distantFuture)
                    ]
                    index[qid] = questions.count
                    questions.append(
                        Question(
                            claim: claim, qid: qid, outcome: outcome, line: line, hasText: text != nil,
                            resolved: resolved,
                            earliest: created))
                }
            } catch let e as InterchangeError {
                try policy.reject(e)
            }
        }
        if let e = reader.error { throw InterchangeError(line: e.line, e.message) }
        for q in questions { finish(q) }
        for refusal in refusals { try policy.reject(refusal) }
        return doc
    }

    /// The question as a claim: `created` is each forecast's own time; the claim is created with
    /// its earliest forecast. With no `created` at all it is as old as its resolution, or new when
    /// it has none. A resolution before the earliest forecast is refused.
    private static func claim(
        of q: Question, namespace: String, now: Date
    ) -> Result<InterchangeClaim, InterchangeError> {
        var claim = q.claim
        claim.createdAt = q.earliest ?? q.resolved.map { min($0, now) } ?? now
        for k in claim.forecasts.indices where claim.forecasts[k].createdAt == .distantFuture {
            claim.forecasts[k].createdAt = claim.createdAt
        }
        if let outcome = q.outcome {
            let at = q.resolved ?? max(now, claim.createdAt)
            if at < claim.createdAt {
                return .failure(
                    InterchangeError(
                        line: q.line, field: "resolved",
                        "question \(q.qid) resolves on \(Timestamp.iso(at)), before its earliest forecast (\(Timestamp.iso(claim.createdAt))): fix the dates"
                    ))
            }
            claim.resolutions = [
                InterchangeResolution(
                    status: outcome ? .yes : .no, resolvedAt: at, recordedAt: now, note: "imported from \(namespace)")
            ]
        }
        return .success(claim)
    }

    static func show(_ o: Bool?) -> String { o.map { $0 ? "1" : "0" } ?? "blank (open)" }

    /// A data file's probability: a decimal in [0, 1] (a bare 0 or 1 is fine here: the column's
    /// scale is fixed; exponent notation too) or a percent.
    static func probability(_ text: String) -> (Double, InputForm)? {
        if text.hasSuffix("%") {
            guard let v = DecimalText.percent(text.dropLast()), v >= 0, v <= 1 else { return nil }
            return (v, .percent)
        }
        guard let v = DecimalText.parse(text), v >= 0, v <= 1 else { return nil }
        return (v, .decimal)
    }
}

extension PlainCSVCodec: StreamingImportFormat {
    static let format = InterchangeFormat.plain
    static let name = "plain CSV"
    /// Close enough to the plain shape that its own error names what is missing.
    static func recognises(_ sample: ImportSample) -> Bool {
        guard let header = sample.header else { return false }
        return header.contains("question_id") || header.contains("forecaster")
    }
    /// One claim per question id, by construction: its stable UUID is the id's.
    static var keepsOneClaimPerID: Bool { true }
    static func read(_ request: ImportRequest, policy: inout RecordPolicy) throws -> InterchangeDocument {
        try read(request.bytes, namespace: request.namespace, dates: request.dates, now: request.now, policy: &policy)
    }
    static func stream(
        _ request: ImportRequest, policy: inout RecordPolicy, sink: ClaimSink
    ) throws
        -> InterchangeDocument
    {
        try read(
            request.bytes, namespace: request.namespace, dates: request.dates, now: request.now, policy: &policy,
            sink: sink)
    }
}
