import CredenceCore
import Foundation

/// What `import` is asked to do: the file's bytes and how to read them. Where the records go
/// (the journal) is `importFile`'s other argument; `read` needs only this.
package struct ImportRequest {
    /// The file's content.
    package var bytes: [UInt8]
    /// `--format`: the format named, or nil to recognise it from the content.
    package var format: InterchangeFormat?
    /// The file's name: with a record's own id it makes a claim's stable UUID (plain CSV).
    package var namespace: String
    /// Whose forecasts a single-person format's are (augur): `--as`, else the journal's owner.
    package var owner: String
    /// `--as NAME` in a format that names each forecast's forecaster: whose the unnamed ones are.
    package var missingForecaster: String?
    /// `--skip-bad`: leave malformed records out (listed) instead of refusing the file.
    package var skipBad: Bool
    /// How dates in the file are read, and what "now" is for records that need it.
    package var dates: DateGrammar
    package var now: Date
    /// Files at least this large whose format can stream are written while they are still read.
    package var streamAbove: Int
    /// How many claims the streaming reader hands on at a time.
    package var batch: Int

    package init(
        bytes: [UInt8], format: InterchangeFormat? = nil, namespace: String, owner: String,
        missingForecaster: String? = nil, skipBad: Bool = false, dates: DateGrammar, now: Date,
        streamAbove: Int = Interchange.streamingThreshold, batch: Int = 256
    ) {
        self.bytes = bytes
        self.format = format
        self.namespace = namespace
        self.owner = owner
        self.missingForecaster = missingForecaster
        self.skipBad = skipBad
        self.dates = dates
        self.now = now
        self.streamAbove = streamAbove
        self.batch = batch
    }
}

/// What detection looks at: a JSON file's parsed value, or a CSV file's header row (trimmed).
enum ImportSample {
    case json(Any)
    case csv(header: [String])

    init?(_ bytes: [UInt8]) {
        if Interchange.isJSON(bytes) {
            guard let json = try? JSONSerialization.jsonObject(with: Data(bytes)) else { return nil }
            self = .json(json)
            return
        }
        var reader = CSVReader(bytes: bytes)
        guard let header = reader.next()?.fields.map({ $0.trimmed }) else { return nil }
        self = .csv(header: header)
    }

    var header: [String]? {
        if case .csv(let header) = self { return header }
        return nil
    }
    var object: [String: Any]? {
        if case .json(let json) = self { return json as? [String: Any] }
        return nil
    }
    var array: [[String: Any]]? {
        if case .json(let json) = self { return json as? [[String: Any]] }
        return nil
    }
}

/// One format `import` reads. Adding a format is one file holding a type that conforms to this,
/// plus its registration: a case of `InterchangeFormat` (the name `--format` takes) and the type's
/// place in `Interchange.formats` (the order detection tries them in).
protocol ImportFormat: Sendable {
    /// The `--format` value that names it (Credence's CSV and JSON share one).
    static var format: InterchangeFormat { get }
    /// What the import summary calls it: "Imported … from f.csv (plain CSV)".
    static var name: String { get }
    /// Whether a file that starts so is in this format (tried only until one says yes).
    static func recognises(_ sample: ImportSample) -> Bool
    /// Whether this reader takes these bytes when `--format` names its format (Credence's JSON
    /// reader takes JSON, its CSV reader the rest). By default it takes any.
    static func reads(_ bytes: [UInt8]) -> Bool
    /// The file's claims, forecasts, resolutions and bets; a bad record goes to `policy`.
    static func read(_ request: ImportRequest, policy: inout RecordPolicy) throws -> InterchangeDocument
    /// True when the reader keeps one claim per stable id itself; otherwise `read` merges or
    /// refuses repeated ones (`refuseConflictingDuplicates`).
    static var keepsOneClaimPerID: Bool { get }
}

extension ImportFormat {
    static func reads(_ bytes: [UInt8]) -> Bool { true }
    static var keepsOneClaimPerID: Bool { false }
}

/// A format whose reader can hand on the claims it has moved past, so that a large file is
/// written to the journal while it is still being read (`importFile`).
protocol StreamingImportFormat: ImportFormat {
    /// Reads the whole file, handing every `sink.batch` claims it has moved past to the sink and
    /// leaving them out of the document returned; a row for a claim already handed on throws
    /// `ClaimsNotTogether`.
    static func stream(
        _ request: ImportRequest, policy: inout RecordPolicy, sink: ClaimSink
    ) throws -> InterchangeDocument
}

extension Interchange {
    /// Every format `import` reads, in the order detection tries them: Fatebook's exact header
    /// before the looser CSV shapes, Credence's JSON before PredictionBook's and augur's, and the
    /// plain CSV (which needs only one of its columns, so its own error names what is missing) last.
    static let formats: [any ImportFormat.Type] = [
        FatebookCodec.self, CredenceCSVCodec.self, CredenceJSONCodec.self, PredictionBookCodec.self,
        AugurCodec.self, PlainCSVCodec.self,
    ]

    /// The reader for these bytes: the one for the format named, or the first that recognises them.
    static func reader(for bytes: [UInt8], format: InterchangeFormat?) -> (any ImportFormat.Type)? {
        if let format { return formats.first { $0.format == format && $0.reads(bytes) } }
        guard let sample = ImportSample(bytes) else { return nil }
        return formats.first { $0.recognises(sample) }
    }

    /// Recognises a format by its content: JSON keys, or the CSV header.
    package static func detect(_ bytes: [UInt8]) -> InterchangeFormat? { reader(for: bytes, format: nil)?.format }
}

extension InterchangeFormat {
    /// What the import summary calls the format.
    package var name: String { Interchange.formats.first { $0.format == self }?.name ?? rawValue }
}
