import CredenceCore
import Foundation

/// Credence's own CSV: one row per forecast, plus `claim`, `resolution` and `bet` rows, so an
/// export re-imports without loss. Lists (options, tags, caveats) are JSON arrays in their cell.
/// Text cells that a spreadsheet would run as a formula (= + - @) get a leading ' on export,
/// which import removes.
package enum CredenceCSVCodec {
    /// The columns, in order; a case's name is its header.
    enum Column: Int, CaseIterable {
        case record, claim_uuid, claim_id, claim, kind, notes, claim_created_at, resolve_by, options, tags
        case condition_uuid, condition_requires, forecaster, option, probability, typed, form, reason, caveats
        case created_at, status, resolved_at, recorded_at, note, resolved_by, automatic, yes, no, yes_stake
        case no_stake, terms, settled_at, settlement
    }

    package static let columns = Column.allCases.map { "\($0)" }
    /// Free text a user typed: the cells that are neutralised against formula injection.
    static let textColumns: Set<String> = [
        "claim", "notes", "options", "tags", "forecaster", "option", "typed", "reason", "caveats",
        "note", "resolved_by", "yes", "no", "terms",
    ]

    package static var header: String { CSVWriter.row(columns) }

    /// A spreadsheet would run `=1+1` as a formula; a leading ' keeps it text. A cell that already
    /// starts with ' gets one too, so import can always remove exactly one.
    package static func neutralise(_ s: String) -> String {
        guard let first = s.unicodeScalars.first else { return s }
        return "=+-@'\t\r".unicodeScalars.contains(first) ? "'" + s : s
    }

    static func restore(_ s: String) -> String { s.hasPrefix("'") ? String(s.dropFirst()) : s }

    /// One row, cells given by column; text cells neutralised, every cell quoted as needed.
    static func row(_ cells: [Column: String]) -> String {
        var out = ""
        for c in Column.allCases {
            if c.rawValue > 0 { out += "," }
            if let v = cells[c] { out += cell(v, text: textColumns.contains("\(c)")) }
        }
        return out + "\n"
    }

    static func cell(_ v: String, text: Bool) -> String { CSVWriter.field(text ? neutralise(v) : v) }

    static func list(_ items: [String]) -> String {
        items.isEmpty ? "" : "[" + items.map(CredenceJSONCodec.quote).joined(separator: ",") + "]"
    }

    /// The rows of one claim: its forecasts (or a bare `claim` row), then its resolutions. The
    /// claim's cells, the same on each of its rows, are encoded once.
    package static func rows(_ c: InterchangeClaim) -> String {
        let claimPart = [
            c.uuid, c.id.map(String.init) ?? "", cell(c.text, text: true), c.kind.rawValue,
            cell(c.notes ?? "", text: true),
            Timestamp.iso(c.createdAt), c.resolveBy.map { Timestamp.iso($0) } ?? "", cell(list(c.options), text: true),
            cell(list(c.tags), text: true), c.condition?.uuid ?? "",
            c.condition.map { $0.required ? "yes" : "no" } ?? "",
        ].joined(separator: ",")
        let noForecast = ",,,,,,,,"  // forecaster … created_at
        let noResolutionOrBet = ",,,,,,,,,,,,,"  // status … settlement
        var out = ""
        if c.forecasts.isEmpty { out += "claim," + claimPart + noForecast + noResolutionOrBet + "\n" }
        for f in c.forecasts {
            out += "forecast," + claimPart + ","
            out +=
                cell(f.forecaster, text: true) + "," + cell(f.option ?? "", text: true) + "," + "\(f.probability)" + ","
            out += cell(f.typed, text: true) + "," + f.form.rawValue + "," + cell(f.reason ?? "", text: true) + ","
            out += cell(list(f.caveats), text: true) + "," + Timestamp.iso(f.createdAt) + noResolutionOrBet + "\n"
        }
        for res in c.resolutions {
            out += row([
                .record: "resolution", .claim_uuid: c.uuid, .status: res.status.rawValue, .option: res.option ?? "",
                .resolved_at: Timestamp.iso(res.resolvedAt), .recorded_at: Timestamp.iso(res.recordedAt),
                .note: res.note ?? "", .resolved_by: res.resolvedBy ?? "", .automatic: res.automatic ? "1" : "0",
            ])
        }
        return out
    }

    package static func row(_ b: InterchangeBet) -> String {
        row([
            .record: "bet", .claim_uuid: b.claimUUID, .yes: b.yesSide, .no: b.noSide, .yes_stake: "\(b.yesStake)",
            .no_stake: "\(b.noStake)", .terms: b.terms, .created_at: Timestamp.iso(b.createdAt),
            .settled_at: b.settledAt.map { Timestamp.iso($0) } ?? "", .settlement: b.settlement?.rawValue ?? "",
        ])
    }

    // MARK: - Reading

    /// `["a","b"]` without escapes, read directly; anything else goes to the JSON decoder.
    static func simpleList(_ t: String) -> [String]? {
        guard t.hasPrefix("[\""), t.hasSuffix("\"]"), !t.contains("\\") else { return t == "[]" ? [] : nil }
        let parts = t.dropFirst(2).dropLast(2).components(separatedBy: "\",\"")
        return parts.contains(where: { $0.contains("\"") }) ? nil : parts
    }

    /// Reads the whole file; with a sink, every `sink.batch` claims the file has moved past are
    /// handed to it and left out of the document returned (which keeps the rest, and the bets).
    /// A row for a claim already handed on throws `ClaimsNotTogether`.
    static func read(_ bytes: [UInt8], policy: inout RecordPolicy, sink: ClaimSink? = nil) throws -> InterchangeDocument
    {
        var reader = CSVReader(bytes: bytes)
        guard reader.advance() else { throw InterchangeError(line: 1, "the file is empty") }
        let header = (0..<reader.count).map { reader.string($0) }
        var index: [String: Int] = [:]
        for (i, name) in header.enumerated() { index[name] = i }
        for name in ["record", "claim_uuid"] where index[name] == nil {
            throw InterchangeError(line: 1, field: name, "Credence's CSV has a \"\(name)\" column")
        }
        // Where each column is in this file, and whether it is text to restore, looked up once.
        let position = Column.allCases.map { index["\($0)"] }
        let isText = Column.allCases.map { textColumns.contains("\($0)") }
        var doc = InterchangeDocument()
        var claims: [String: Int] = [:]
        // How many claims were handed to the sink: claim k is doc.claims[k - handed].
        var handed = 0
        func held(_ k: Int) throws -> Int {
            guard k >= handed else { throw ClaimsNotTogether(line: reader.recordLine) }
            return k - handed
        }
        // Rows of one claim come together: its UUID's bytes tell a repeat without a String.
        var lastUUID: [UInt8] = [], lastClaim = -1
        while reader.advance() {
            let line = reader.recordLine
            guard reader.count == header.count else {
                try policy.reject(
                    InterchangeError(line: line, "expected \(header.count) fields, found \(reader.count)"))
                continue
            }
            func cell(_ c: Column) -> String {
                guard let i = position[c.rawValue] else { return "" }
                let s = reader.string(i)
                return isText[c.rawValue] ? restore(s) : s
            }
            func time(_ c: Column) throws -> Date? {
                guard let i = position[c.rawValue], !reader.isEmpty(i) else { return nil }
                guard let d = reader.timestamp(i) else {
                    throw InterchangeError(line: line, field: "\(c)", "\"\(reader.string(i))\" is not a timestamp")
                }
                return d
            }
            func list(_ c: Column) throws -> [String] {
                let t = cell(c)
                if t.isEmpty { return [] }
                if let simple = simpleList(t) { return simple }
                guard let a = try? JSONDecoder().decode([String].self, from: Data(t.utf8)) else {
                    throw InterchangeError(line: line, field: "\(c)", "is not a list of strings in JSON")
                }
                return a
            }
            func optional(_ c: Column) -> String? {
                guard let i = position[c.rawValue], !reader.isEmpty(i) else { return nil }
                return cell(c)
            }
            do {
                let uuidPosition = position[Column.claim_uuid.rawValue]!
                guard !reader.isEmpty(uuidPosition) else {
                    throw InterchangeError(line: line, field: "claim_uuid", "is empty")
                }
                let record = cell(.record)
                switch record {
                case "claim", "forecast":
                    var claimIndex: Int
                    if lastClaim >= 0 && reader.equals(uuidPosition, lastUUID) {
                        claimIndex = lastClaim
                    } else if let known = claims[cell(.claim_uuid)] {
                        claimIndex = known
                        _ = try held(known)
                    } else {
                        let uuid = cell(.claim_uuid)
                        guard let created = try time(.claim_created_at) else {
                            throw InterchangeError(line: line, field: "claim_created_at", "is empty")
                        }
                        var c = InterchangeClaim(
                            uuid: uuid, id: ClaimID(cell(.claim_id)), text: cell(.claim), createdAt: created)
                        c.source = "line \(line)"
                        guard let kind = ClaimKind(rawValue: optional(.kind) ?? "binary") else {
                            throw InterchangeError(line: line, field: "kind", "is not binary or scenarios")
                        }
                        c.kind = kind
                        c.notes = optional(.notes)
                        c.resolveBy = try time(.resolve_by)
                        c.options = try list(.options)
                        c.tags = try list(.tags)
                        if let condition = optional(.condition_uuid) {
                            c.condition = (condition, cell(.condition_requires) != "no")
                        }
                        // Every claim held so far is behind this new one: past a batch they go on.
                        if let sink, doc.claims.count >= sink.batch {
                            try sink.take(doc.claims)
                            handed += doc.claims.count
                            doc.claims.removeAll(keepingCapacity: true)
                        }
                        claimIndex = handed + doc.claims.count
                        claims[uuid] = claimIndex
                        doc.claims.append(c)
                    }
                    lastUUID = reader.bytes(uuidPosition)
                    lastClaim = claimIndex
                    guard record == "forecast" else { continue }
                    guard let p = DecimalText.parse(cell(.probability)), p >= 0, p <= 1 else {
                        throw InterchangeError(
                            line: line, field: "probability",
                            "\"\(cell(.probability))\" is not a probability from 0 to 1")
                    }
                    guard let form = InputForm(rawValue: cell(.form)) else {
                        throw InterchangeError(
                            line: line, field: "form", "\"\(cell(.form))\" is not a known input form")
                    }
                    let forecaster = try policy.forecaster(cell(.forecaster), line: line, field: "forecaster")
                    guard let at = try time(.created_at) else {
                        throw InterchangeError(line: line, field: "created_at", "is empty")
                    }
                    doc.claims[claimIndex - handed].forecasts.append(
                        InterchangeForecast(
                            forecaster: forecaster, option: optional(.option), probability: p, typed: cell(.typed),
                            form: form,
                            reason: optional(.reason), createdAt: at, caveats: try list(.caveats)))
                case "resolution":
                    guard let i = claims[cell(.claim_uuid)] else {
                        throw InterchangeError(line: line, field: "claim_uuid", "a resolution before its claim's rows")
                    }
                    guard let status = ClaimStatus(rawValue: cell(.status)), status != .open else {
                        throw InterchangeError(
                            line: line, field: "status", "\"\(cell(.status))\" is not yes, no, annulled or resolved")
                    }
                    guard let at = try time(.resolved_at), let recorded = try time(.recorded_at) else {
                        throw InterchangeError(line: line, field: "resolved_at", "is empty")
                    }
                    doc.claims[try held(i)].resolutions.append(
                        InterchangeResolution(
                            status: status, option: optional(.option), resolvedAt: at, recordedAt: recorded,
                            note: optional(.note),
                            resolvedBy: try policy.optionalName(
                                optional(.resolved_by), line: line, field: "resolved_by"),
                            automatic: cell(.automatic) == "1"))
                case "bet":
                    guard let y = DecimalText.parse(cell(.yes_stake)), let n = DecimalText.parse(cell(.no_stake)) else {
                        throw InterchangeError(
                            line: line, field: "yes_stake", "stakes must be decimal numbers such as 10 or 2.5")
                    }
                    guard let at = try time(.created_at) else {
                        throw InterchangeError(line: line, field: "created_at", "is empty")
                    }
                    let settlement = cell(.settlement)
                    guard settlement.isEmpty || Settlement(rawValue: settlement) != nil else {
                        throw InterchangeError(
                            line: line, field: "settlement", "\"\(settlement)\" is not yes, no or refunded")
                    }
                    doc.bets.append(
                        InterchangeBet(
                            claimUUID: cell(.claim_uuid),
                            yesSide: try policy.forecaster(cell(.yes), line: line, field: "yes"),
                            noSide: try policy.forecaster(cell(.no), line: line, field: "no"), yesStake: y,
                            noStake: n,
                            terms: cell(.terms), createdAt: at, settledAt: try time(.settled_at),
                            settlement: Settlement(rawValue: settlement)))
                default:
                    throw InterchangeError(
                        line: line, field: "record", "\"\(record)\" is not claim, forecast, resolution or bet")
                }
            } catch let e as InterchangeError {
                try policy.reject(e)
            }
        }
        if let e = reader.error { throw InterchangeError(line: e.line, e.message) }
        return doc
    }
}

extension CredenceCSVCodec: StreamingImportFormat {
    static let format = InterchangeFormat.credence
    static let name = "Credence"
    static func recognises(_ sample: ImportSample) -> Bool {
        guard let header = sample.header else { return false }
        return header.first == "record" && header.contains("claim_uuid")
    }
    static func reads(_ bytes: [UInt8]) -> Bool { !Interchange.isJSON(bytes) }
    /// It keeps one claim per UUID as it reads; the other formats can repeat one.
    static var keepsOneClaimPerID: Bool { true }
    static func read(_ request: ImportRequest, policy: inout RecordPolicy) throws -> InterchangeDocument {
        try read(request.bytes, policy: &policy)
    }
    static func stream(
        _ request: ImportRequest, policy: inout RecordPolicy, sink: ClaimSink
    ) throws
        -> InterchangeDocument
    {
        try read(request.bytes, policy: &policy, sink: sink)
    }
}
