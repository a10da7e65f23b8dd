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

extension Interchange {
    /// Files smaller than this are read whole before anything is written.
    package static let streamingThreshold = 4 << 20

    /// Reads a file and stores it in the journal at `path`, in one transaction: nothing is stored
    /// unless all of it can be (or, with `skipBad`, all of its good records).
    ///
    /// A large file in a format that streams (Credence's CSV) is read on a second thread while
    /// this one writes: each claim goes to the journal as soon as the reader has moved past its
    /// rows, so reading costs no time of its own. A new journal is then written under a temporary
    /// name beside the real one and linked into place when complete, so a file refused halfway
    /// leaves no journal behind.
    package static func importFile(
        _ request: ImportRequest, journal path: String, clock: Clock, describe: (ImportSummary) -> String
    ) throws -> (InterchangeFormat, ImportSummary) {
        let bytes = request.bytes
        let chosen = reader(for: bytes, format: request.format)
        func readWhole() throws -> (InterchangeFormat, InterchangeDocument) { try read(request, by: chosen) }
        func store(_ doc: InterchangeDocument, in journal: Journal? = nil) throws -> ImportSummary {
            try (journal ?? Journal.open(path: path, access: .write, clock: clock)).write { w in
                let s = try w.store(doc)
                return (s, describe(s))
            }
        }
        /// The reader's document, or its error; for a file whose claims' rows are apart, the whole
        /// file read again (which throws any bad record the reader had not reached).
        func document(_ result: Result<InterchangeDocument, Error>) throws -> InterchangeDocument {
            if case .failure(let error) = result, error is ClaimsNotTogether { return try readWhole().1 }
            return try result.get()
        }
        /// A failure while the reader may still be going: a bad record further on is what the user
        /// must hear about, as when the file is read before anything is written.
        func failing(_ error: Error, _ handOff: ClaimHandOff) throws -> Never {
            _ = try document(handOff.abandon())
            throw error
        }
        Journal.keepStatementJournalsInMemory()
        guard bytes.count >= request.streamAbove, let streaming = chosen as? any StreamingImportFormat.Type,
            firstNUL(bytes) == nil, firstInvalidUTF8(bytes) == nil
        else {
            let (found, doc) = try readWhole()
            // A big file into a new journal is written as a streamed one is: a private file
            // without the write-ahead log, linked into place when complete.
            guard doc.claims.count >= ClaimImporter.bulkThreshold,
                let target = try ImportTarget(path: path, clock: clock)
            else { return (found, try store(doc)) }
            do {
                let summary = try store(doc, in: target.journal)
                if try target.complete() { return (found, summary) }
                return (found, try store(doc))
            } catch {
                target.discard()
                throw error
            }
        }

        let handOff = ClaimHandOff()
        let (skipBad, missingForecaster, batch) = (request.skipBad, request.missingForecaster, request.batch)
        let reader = Thread {
            handOff.end(
                Result {
                    var policy = RecordPolicy(skipBad: skipBad, missingForecaster: missingForecaster)
                    var doc = try streaming.stream(
                        request, policy: &policy, sink: ClaimSink(batch: batch) { handOff.put($0) })
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
            return (streaming.format, try store(document(handOff.collect())))
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
            if try target.complete() { return (streaming.format, summary) }
            // A journal appeared at the path while this one was written (or this file system cannot
            // link): import into the path as usual.
            return (streaming.format, try store(readWhole().1))
        } catch {
            target.discard()
            throw error
        }
    }
}
