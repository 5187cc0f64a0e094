import Foundation
import Testing

/// Runs a program on a pseudo-terminal (util-linux `script`), to test what the tool does when a
/// person, not a pipe, is on the other end: its stdin, stdout and stderr are all the terminal.
enum Terminal {
    static let script = TestSupport.which("script")

    /// The exit status and everything the program wrote to the terminal, escape codes included
    /// (the terminal turns each "\n" into "\r\n").
    static func run(_ executable: String, _ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String)
    {
        let script = try #require(script)
        let words = ["env"] + environment.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" } + [executable]
            + arguments
        let command = words.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }.joined(separator: " ")
        let result = try TestSupport.run(script, ["--quiet", "--return", "--command", command, "/dev/null"])
        return (result.status, result.stdout)
    }
}
