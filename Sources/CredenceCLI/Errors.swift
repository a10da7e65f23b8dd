import ArgumentParser
import CredenceCore
import CredenceStore
import Foundation

/// sysexits-style codes (DESIGN §4).
package enum ExitStatus {
    package static let ok: Int32 = 0
    package static let failure: Int32 = 1
    package static let usage: Int32 = 64
    package static let dataError: Int32 = 65
    package static let ioError: Int32 = 74
    /// sysexits' EX_NOPERM: a team journal's rules refused it.
    package static let notPermitted: Int32 = 77
}

/// A command's refusal, phrased to suggest the fix.
package struct CLIError: Error, LocalizedError {
    package let message: String
    package let status: Int32
    package init(_ message: String, status: Int32 = ExitStatus.dataError) {
        self.message = message
        self.status = status
    }
    package var errorDescription: String? { message }
}

enum ErrorReport {
    /// The message and exit status for any error a command can throw.
    static func describe(_ error: Error, command: any ParsableCommand.Type) -> (message: String, status: Int32) {
        switch error {
        case let e as QuickEntryError:
            return ("error: \(e.message)\n\(e.pointer)", ExitStatus.dataError)
        case let e as JournalError:
            if case .notPermitted = e { return ("error: \(e.localizedDescription)", ExitStatus.notPermitted) }
            return ("error: \(e.localizedDescription)", e.isDataError ? ExitStatus.dataError : ExitStatus.ioError)
        case let e as CLIError:
            return ("error: \(e.message)", e.status)
        case let e as ProbabilityError:
            return ("error: \(e.localizedDescription)", ExitStatus.dataError)
        case let e as DateError:
            return ("error: \(e.localizedDescription)", ExitStatus.dataError)
        default:
            let code = command.exitCode(for: error).rawValue
            var message = command.fullMessage(for: error)
            // One spelling for every error, argument-parser's included.
            if message.hasPrefix("Error: ") { message = "error: " + message.dropFirst("Error: ".count) }
            if code == ExitCode.validationFailure.rawValue { return (message, ExitStatus.usage) }
            return (message, code == 0 ? 0 : (code == 1 ? ExitStatus.failure : code))
        }
    }
}
