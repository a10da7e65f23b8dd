import ArgumentParser

/// argument-parser takes each parsed value out of its argument list with a scan from the front,
/// in a set's order, so k repeats of one option cost O(k²): 10,000 `--tag`s took 12.5 s. Before
/// parsing, the repeats after the first are lifted out of the arguments (the first stays, so the
/// parser still checks the option and its place) and the command gets them back once parsed.
package struct RepeatedOptions {
    /// The values lifted out, by option, in the order typed.
    private(set) var values: [LiftedOption: [String]] = [:]

    /// The arguments with every lifted option's second and later occurrences (and their values)
    /// removed; nothing after `--` is touched.
    package static func lift(_ arguments: [String]) -> (arguments: [String], lifted: RepeatedOptions) {
        var kept: [String] = []
        kept.reserveCapacity(arguments.count)
        var found = RepeatedOptions()
        var seen = Set<LiftedOption>()
        var i = 0
        while i < arguments.count {
            let arg = arguments[i]
            if arg == "--" {
                kept += arguments[i...]
                break
            }
            let (name, inline) = split(arg)
            let value = inline ?? (i + 1 < arguments.count ? arguments[i + 1] : nil)
            // A missing value, or one that looks like an option, is the parser's to judge.
            guard let option = LiftedOption(rawValue: name), let value, inline != nil || !value.hasPrefix("-") else {
                kept.append(arg)
                i += 1
                continue
            }
            let width = inline == nil ? 2 : 1
            if seen.insert(option).inserted {
                kept += arguments[i..<i + width]
            } else {
                found.values[option, default: []].append(value)
            }
            i += width
        }
        return (kept, found)
    }

    private static func split(_ arg: String) -> (name: String, inline: String?) {
        guard arg.hasPrefix("--"), let eq = arg.firstIndex(of: "=") else { return (arg, nil) }
        return (String(arg[..<eq]), String(arg[arg.index(after: eq)...]))
    }

    /// The command with the lifted values appended to the options they came from; nil when the
    /// command cannot take them back (it is then parsed from the arguments as typed).
    func restore(into command: ParsableCommand) -> ParsableCommand? {
        guard !values.isEmpty else { return command }
        guard var taking = command as? any TakesRepeatedOptions else { return nil }
        for (option, more) in values { taking.append(more, to: option) }
        return taking
    }
}

/// The repeatable options whose values are free to move: their order among themselves is kept,
/// and nothing reads their position among other arguments.
enum LiftedOption: String {
    case tag = "--tag"
    case caveat = "--caveat"
}

/// A command with a repeatable option of `LiftedOption`.
protocol TakesRepeatedOptions: ParsableCommand {
    mutating func append(_ values: [String], to option: LiftedOption)
}

extension Add: TakesRepeatedOptions {
    mutating func append(_ values: [String], to option: LiftedOption) {
        switch option {
        case .tag: tag += values
        case .caveat: caveat += values
        }
    }
}

extension ForecastCommand: TakesRepeatedOptions {
    mutating func append(_ values: [String], to option: LiftedOption) {
        if option == .caveat { caveat += values }
    }
}

/// A command whose only lifted option is `--tag`, kept at `tags`.
protocol TakesRepeatedTags: TakesRepeatedOptions {
    static var tags: WritableKeyPath<Self, [String]> { get }
}

extension TakesRepeatedTags {
    mutating func append(_ values: [String], to option: LiftedOption) {
        if option == .tag { self[keyPath: Self.tags] += values }
    }
}

extension Export: TakesRepeatedTags { static var tags: WritableKeyPath<Self, [String]> { \.tag } }
extension List: TakesRepeatedTags { static var tags: WritableKeyPath<Self, [String]> { \.filters.tag } }
extension Due: TakesRepeatedTags { static var tags: WritableKeyPath<Self, [String]> { \.filters.tag } }
extension Vs: TakesRepeatedTags { static var tags: WritableKeyPath<Self, [String]> { \.scopeOptions.tag } }
extension Leaderboard: TakesRepeatedTags { static var tags: WritableKeyPath<Self, [String]> { \.scopeOptions.tag } }
extension Report: TakesRepeatedTags { static var tags: WritableKeyPath<Self, [String]> { \.record.scope.tag } }
extension Words: TakesRepeatedTags { static var tags: WritableKeyPath<Self, [String]> { \.record.scope.tag } }
extension Caveats: TakesRepeatedTags { static var tags: WritableKeyPath<Self, [String]> { \.record.scope.tag } }
