import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

struct YearlyGrade: CredenceCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade a yearly list in one pass: yes, no or thrown out for each open prediction.",
        discussion: """
            Asks about each open prediction in the list, in order: y(es), n(o), t (thrown out: annulled, not scored), s(kip: stays open), b(ack), q(uit: keep the answers so far). From a script, one answer per line follows the command, or give them all at once: --answers "yyn t s".
            Nothing is written until the pass ends; then all the resolutions are one change (`undo` reverts it).
            """)

    @OptionGroup var list: YearlyOptions

    @Option(
        name: .long,
        help: ArgumentHelp(
            "One letter per open prediction, in order (y, n, t, s; spaces ignored).", valueName: "letters"))
    var answers: String?

    @Option(name: .long, help: ArgumentHelp("When the outcomes were known (default: now).", valueName: "date"))
    var at: String?

    @OptionGroup var options: JournalOptions

    func execute(in ctx: Context) throws {
        let journal = try ctx.openJournal(options.journal, access: .write)
        let (tag, _) = try list.tag(ctx, journal: journal)
        var filter = ClaimFilter()
        filter.tags = [tag]
        filter.state = .open
        let open = try journal.list(filter, owner: ctx.owner).sorted { $0.claim.id < $1.claim.id }
        guard !open.isEmpty else {
            ctx.out.line("Nothing to grade: #\(Format.safe(tag)) has no open predictions.")
            return
        }
        let when = try at.map { try ctx.clock.dates.pastInstant($0) }
        let given = try answers.map { try Self.parse($0, count: open.count) }
        var chosen = [GradeAnswer?](repeating: nil, count: open.count)
        if let given {
            chosen = given
        } else {
            guard let read = ctx.readLine else {
                throw CLIError("give the answers with --answers, e.g. --answers yynts", status: ExitStatus.usage)
            }
            ctx.out.line(
                "Grading \(open.count) open prediction\(open.count == 1 ? "" : "s") in #\(Format.safe(tag)): y yes · n no · t thrown out · s skip · b back · q quit"
            )
            var i = 0
            while i < open.count {
                let c = open[i]
                let p = c.current.map { Probability.percentText($0.probability) } ?? "no forecast"
                guard let line = read("[\(i + 1)/\(open.count)] \(Format.safe(c.claim.text)) — \(p): ") else { break }
                guard let answer = GradeAnswer(line) else {
                    ctx.err.line(
                        "“\(Format.safe(line))” is not an answer: y, n, t (thrown out), s (skip), b (back) or q (quit)")
                    continue
                }
                if answer == .quit { break }
                if answer == .back {
                    i = max(0, i - 1)
                    continue
                }
                chosen[i] = answer
                i += 1
            }
        }
        let decided = zip(open, chosen).compactMap { c, a -> (ClaimSummary, ResolutionValue)? in
            switch a {
            case .yes: return (c, .yes)
            case .no: return (c, .no)
            case .thrownOut: return (c, .annulled)
            default: return nil
            }
        }
        if !decided.isEmpty {
            try journal.write { w in
                for (c, value) in decided {
                    _ = try w.resolve(c.claim.id, as: value, at: when, note: nil, by: ctx.owner, force: false)
                }
                return ((), "grade \(decided.count) predictions #\(tag)")
            }
        }
        let yes = decided.count { $0.1 == .yes }, no = decided.count { $0.1 == .no },
            out = decided.count { $0.1 == .annulled }
        let left = open.count - decided.count
        var summary =
            "Graded \(decided.count) of \(open.count) in #\(Format.safe(tag)): \(yes) came true, \(no) did not"
        if out > 0 { summary += ", \(out) thrown out" }
        summary += left > 0 ? "; \(left) still open." : "."
        ctx.out.line(summary)
        if !decided.isEmpty {
            ctx.out.line(
                "`credence yearly post\(list.year.map { " --year \($0)" } ?? "")\(list.tag.map { " --tag \($0)" } ?? "") -o post.md` writes the post with its chart."
            )
        }
    }

    static func parse(_ letters: String, count: Int) throws -> [GradeAnswer?] {
        let answers = try letters.filter { !$0.isWhitespace }.map { ch -> GradeAnswer? in
            guard let a = GradeAnswer(String(ch)), a != .back, a != .quit else {
                throw CLIError(
                    "--answers: “\(ch)” is not an answer: use y, n, t (thrown out) or s (skip)",
                    status: ExitStatus.usage)
            }
            return a
        }
        guard answers.count == count else {
            throw CLIError(
                "--answers has \(answers.count) answer\(answers.count == 1 ? "" : "s") but \(count) prediction\(count == 1 ? " is" : "s are") open: give one letter each (s skips one)",
                status: ExitStatus.usage)
        }
        return answers
    }
}
