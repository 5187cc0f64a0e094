import ArgumentParser
import Foundation

/// `maqal --help`, `maqal -h` and `maqal help [NAME]`.
///
/// argument-parser's root help lists the subcommands but not the options of the default one, so a
/// newcomer typing `maqal --help` would not see that `maqal FILE --format json` works. This help
/// leads with that form and parse's options, then the other commands and examples, in 80 columns.
enum TopLevelHelp {
    enum Answer {
        case text(String)
        /// `maqal help NAME` for a name that is no command: the message, for a usage error.
        case unknown(String)
    }

    static let columns = 80

    /// What to print for these arguments, or `nil` when they are not a top-level help request.
    ///
    /// With `stored`, the help is the copy in `TopLevelHelpText.swift`: writing it out takes
    /// argument-parser's reflection over every command, 36M instructions (10 ms) at each
    /// `maqal --help`. The tests check the copy against what argument-parser writes.
    static func answer(_ arguments: [String], stored: Bool = false) -> Answer? {
        if arguments == ["--help"] || arguments == ["-h"] || arguments == ["help"] {
            return .text(stored && !storedText.isEmpty ? storedText : text)
        }
        guard arguments.first == "help", arguments.count >= 2 else { return nil }
        let name = arguments[1]
        guard subcommands.contains(where: { $0.configuration.commandName == name }) else {
            let known = subcommands.compactMap { $0.configuration.commandName }.joined(separator: ", ")
            return .unknown("maqal: no command named '\(name)'; the commands are: \(known) (maqal --help)")
        }
        return nil
    }

    private static var subcommands: [ParsableCommand.Type] { MaqalCommand.configuration.subcommands }

    static var text: String {
        let root = MaqalCommand.configuration
        var lines = wrap("OVERVIEW: " + root.abstract, indent: "")
        lines.append("")
        var usage = ["USAGE: maqal [<file> ...] [<options>]        parse, the default command"]
        for command in subcommands {
            guard let name = command.configuration.commandName, name != "parse" else { continue }
            usage.append("       " + MaqalCommand.usageString(for: command).replacingOccurrences(of: "\n", with: " "))
        }
        usage.append("       maqal help [<command>]")
        for line in usage { lines += wrap(line, indent: "         ") }
        lines.append("")
        // parse's own help, from its arguments on: the options that work without a command name.
        let parseHelp = MaqalCommand.helpMessage(for: Parse.self, columns: columns)
        if let start = parseHelp.range(of: "ARGUMENTS:") {
            lines += parseHelp[start.lowerBound...].trimmingCharacters(in: .newlines).components(separatedBy: "\n")
        }
        lines.append("")
        lines.append("COMMANDS:")
        for command in subcommands {
            let configuration = command.configuration
            guard let name = configuration.commandName else { continue }
            let label = name == "parse" ? "parse (default)" : name
            let padded = "  " + label + String(repeating: " ", count: max(1, 18 - label.count))
            lines += wrap(padded + configuration.abstract, indent: String(repeating: " ", count: 20))
        }
        lines.append("")
        lines += root.discussion.components(separatedBy: "\n")
        lines.append("")
        lines.append("See 'maqal help <command>' for a command's options and examples.")
        return lines.joined(separator: "\n") + "\n"
    }

    /// `line` broken at spaces to fit the columns, continuation lines indented.
    private static func wrap(_ line: String, indent: String) -> [String] {
        var result: [String] = []
        let margin = String(line.prefix { $0 == " " })
        var current = margin
        for word in line.dropFirst(margin.count).split(separator: " ", omittingEmptySubsequences: false) {
            if current.count + 1 + word.count > columns && current.count > margin.count {
                result.append(current)
                current = indent + word
            } else {
                current += (current.count == margin.count ? "" : " ") + word
            }
        }
        result.append(current)
        return result
    }
}
