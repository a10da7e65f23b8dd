import CredenceCore
import Foundation

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
