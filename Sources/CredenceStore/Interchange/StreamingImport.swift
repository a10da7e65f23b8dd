import CredenceCore
import Foundation

/// Where a reading codec hands claims it has moved past.
struct ClaimSink {
    let batch: Int
    let take: ([InterchangeClaim]) throws -> Void
}

/// A row for a claim that was already handed on: the file does not keep a claim's rows together
/// (Credence's exports always do), so the import starts over, reading the whole file first.
struct ClaimsNotTogether: Error, Equatable {
    let line: Int
}

/// Batches of claims passed from the thread reading a file to the thread writing them. The
/// reader waits when it is far ahead, so the file is never held twice over in memory.
final class ClaimHandOff: @unchecked Sendable {
    enum Item {
        case claims([InterchangeClaim])
        /// The reader's end: the claims it still held, the bets, what it skipped; or its error.
        case end(Result<InterchangeDocument, Error>)
    }

    private let condition = NSCondition()
    private var items: [Item] = []
    private var outcome: Result<InterchangeDocument, Error>?
    /// Set when the writer stopped taking: the reader then runs to its end without waiting.
    private var discarding = false
    private let limit: Int

    init(limit: Int = 32) { self.limit = limit }

    func put(_ claims: [InterchangeClaim]) {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= limit && !discarding { condition.wait() }
        if !discarding { items.append(.claims(claims)) }
        condition.broadcast()
    }

    func end(_ result: Result<InterchangeDocument, Error>) {
        condition.lock()
        items.append(.end(result))
        outcome = result
        condition.broadcast()
        condition.unlock()
    }

    /// The next item, waiting for it.
    func take() -> Item {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        condition.broadcast()
        return items.removeFirst()
    }

    /// Whether the reader's first item has arrived and is its end (a file refused at once).
    func peekEndFirst() -> Result<InterchangeDocument, Error>? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty { condition.wait() }
        if case .end(let result) = items[0] { return result }
        return nil
    }

    /// Takes every claim until the reader's end: the whole file, as if read before anything else.
    func collect() -> Result<InterchangeDocument, Error> {
        var claims: [InterchangeClaim] = []
        while true {
            switch take() {
            case .claims(let batch): claims += batch
            case .end(let result):
                return result.map { rest in
                    var doc = rest
                    doc.claims = claims + rest.claims
                    return doc
                }
            }
        }
    }

    /// Stops taking claims and waits for the reader's end.
    func abandon() -> Result<InterchangeDocument, Error> {
        condition.lock()
        defer { condition.unlock() }
        discarding = true
        items.removeAll()
        condition.broadcast()
        while outcome == nil { condition.wait() }
        return outcome!
    }
}

extension Interchange {
    /// Files smaller than this are read whole before anything is written.
    public static let streamingThreshold = 4 << 20

    /// Reads a file and stores it in the journal at `path`, in one transaction: nothing is stored
    /// unless all of it can be (or, with `skipBad`, all of its good records).
    ///
    /// A large Credence CSV is read on a second thread while this one writes: each claim goes to
    /// the journal as soon as the reader has moved past its rows, so reading costs no time of its
    /// own. A new journal is then written under a temporary name beside the real one and linked
    /// into place when complete, so a file refused halfway leaves no journal behind.
    public static func importFile(_ bytes: [UInt8], format: InterchangeFormat?, namespace: String, owner: String, dates: DateGrammar,
                                  now: Date, skipBad: Bool, journal path: String, clock: Clock,
                                  streamAbove threshold: Int = streamingThreshold, batch: Int = 256,
                                  describe: (ImportSummary) -> String) throws -> (InterchangeFormat, ImportSummary) {
        func readWhole() throws -> (InterchangeFormat, InterchangeDocument) {
            try read(bytes, format: format, namespace: namespace, owner: owner, dates: dates, now: now, skipBad: skipBad)
        }
        func store(_ doc: InterchangeDocument, in journal: Journal) throws -> ImportSummary {
            try journal.write { w in
                let s = try w.store(doc)
                return (s, describe(s))
            }
        }
        /// A failure while the reader may still be going: a bad record further on is what the user
        /// must hear about, as when the file is read before anything is written.
        func failing(_ error: Error, _ handOff: ClaimHandOff) throws -> Never {
            switch handOff.abandon() {
            case .failure(let readError) where readError is ClaimsNotTogether: _ = try readWhole()
            case .failure(let readError): throw readError
            case .success: break
            }
            throw error
        }
        Journal.keepStatementJournalsInMemory()
        let streams = bytes.count >= threshold && firstNUL(bytes) == nil && !isJSON(bytes)
            && (format ?? detect(bytes)) == .credence
        guard streams else {
            let (found, doc) = try readWhole()
            return (found, try store(doc, in: try Journal.open(path: path, access: .write, clock: clock)))
        }

        let handOff = ClaimHandOff()
        let reader = Thread {
            handOff.end(Result {
                var policy = RecordPolicy(skipBad: skipBad)
                var doc = try CredenceCSVCodec.read(bytes, policy: &policy, sink: ClaimSink(batch: batch) { handOff.put($0) })
                doc.skipped = policy.skipped + doc.skipped
                return doc
            })
        }
        reader.stackSize = 8 << 20
        reader.start()
        // A file refused at its first records is refused before any journal is opened or created.
        if case .failure(let error)? = handOff.peekEndFirst(), !(error is ClaimsNotTogether) {
            _ = handOff.abandon()
            throw error
        }

        let opened: ImportTarget?
        do {
            opened = try ImportTarget(path: path, clock: clock)
        } catch {
            try failing(error, handOff)
        }
        guard let target = opened else {
            // The journal's directories do not exist yet: a refused file must not leave them behind,
            // so the whole file is read before anything is created.
            let doc: InterchangeDocument
            switch handOff.collect() {
            case .failure(let error) where error is ClaimsNotTogether: doc = try readWhole().1
            case .failure(let error): throw error
            case .success(let whole): doc = whole
            }
            return (.credence, try store(doc, in: try Journal.open(path: path, access: .write, clock: clock)))
        }
        do {
            let summary: ImportSummary
            do {
                summary = try target.journal.write { w in
                    let importer = try ClaimImporter(w)
                    while true {
                        switch handOff.take() {
                        case .claims(let claims):
                            for claim in claims { try importer.add(claim) }
                        case .end(let result):
                            let rest = try result.get()
                            for claim in rest.claims { try importer.add(claim) }
                            let s = try importer.finish(bets: rest.bets, skipped: rest.skipped, notes: rest.notes)
                            return (s, describe(s))
                        }
                    }
                }
            } catch is ClaimsNotTogether {
                // The transaction is rolled back; the reader has stopped. Read it all, then store.
                summary = try store(readWhole().1, in: target.journal)
            } catch {
                try failing(error, handOff)
            }
            if try target.complete() { return (.credence, summary) }
            // A journal appeared at the path while this one was written: import into it instead.
            return (.credence, try store(readWhole().1, in: try Journal.open(path: path, access: .write, clock: clock)))
        } catch {
            target.discard()
            throw error
        }
    }
}

/// The journal a streaming import writes: the real one, or for a journal that does not exist
/// yet a private file beside it, linked into place only when the import is complete.
private struct ImportTarget {
    let path: String
    let temporary: String?
    let journal: Journal

    /// Nil when the journal's directory does not exist yet.
    init?(path: String, clock: Clock) throws {
        self.path = path
        let directory = (path as NSString).deletingLastPathComponent
        var isDirectory: ObjCBool = false
        guard directory.isEmpty || FileManager.default.fileExists(atPath: directory, isDirectory: &isDirectory) && isDirectory.boolValue else {
            return nil
        }
        guard !FileManager.default.fileExists(atPath: path) else {
            // An existing journal: the transaction keeps it whole.
            temporary = nil
            journal = try Journal.open(path: path, access: .write, clock: clock)
            return
        }
        let name = (path as NSString).lastPathComponent
        Self.removeLeftovers(of: name, in: directory.isEmpty ? "." : directory)
        let temporary = (directory.isEmpty ? "" : directory + "/") + ".\(name).importing-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        self.temporary = temporary
        journal = try Journal.open(path: temporary, access: .write, clock: clock, shownAs: path)
        try journal.prepareForBulkImport()
    }

    /// Puts a new journal in place; false if one appeared at the path meanwhile (the new one is
    /// then removed). An existing journal is complete once its transaction commits.
    func complete() throws -> Bool {
        guard let temporary else { return true }
        try journal.close()
        if link(temporary, path) != 0 {
            let failure = errno
            discard()
            if failure == EEXIST { return false }
            throw JournalError.cannotCreate(path: path, reason: String(cString: strerror(failure)))
        }
        unlink(temporary)
        // The new name is durable before the import says it is done.
        let directory = (path as NSString).deletingLastPathComponent
        let fd = open(directory.isEmpty ? "." : directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if fd >= 0 { fsync(fd); close(fd) }
        return true
    }

    func discard() {
        guard let temporary else { return }
        try? journal.close()
        for suffix in ["", "-wal", "-shm", "-journal"] { unlink(temporary + suffix) }
    }

    /// A killed import leaves its temporary journal behind; the next import into the same path
    /// removes those whose process is gone.
    static func removeLeftovers(of name: String, in directory: String) {
        let prefix = ".\(name).importing-"
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        for entry in entries where entry.hasPrefix(prefix) {
            guard let pid = entry.dropFirst(prefix.count).split(separator: "-").first.flatMap({ pid_t($0) }) else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { unlink(directory + "/" + entry) }
        }
    }
}
