import CredenceCLI
import Foundation

// A closed pipe is an ordinary end of output, not a crash: writes report EPIPE instead.
signal(SIGPIPE, SIG_IGN)
ProcessMemory.keepFreedMemory()
exit(CredenceMain.main(Array(CommandLine.arguments.dropFirst())))
