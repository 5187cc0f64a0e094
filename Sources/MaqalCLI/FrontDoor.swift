import Foundation
import ArgumentParser
import Maqal

/// The common command lines, read by hand before swift-argument-parser is asked.
///
/// A one-article run was mostly start-up, and most of the start-up was argument-parser finding
/// its way around the command types by reflection (`swift_conformsToProtocol`, demangling,
/// `Mirror`): 13.3M of the 17.5M instructions of `maqal --version`. `maqal --version`,
/// `maqal FILE …` and `maqal parse FILE … --format … ` with parse's usual options are read here
/// instead, into the same `Parse` value the parser would make, checked by the same `validate()`
/// methods and run the same way.
///
/// Anything not understood completely — another command, an unknown or repeated option, a value
/// that is missing, malformed or starts with `-`, an argument that names a command, a line that
/// fails validation — is handed to the full parser untouched, so its messages and exit codes are
/// the only ones a user sees. A new option of `parse` must be read here too (or is left to the full
/// parser); the command-line table in the tests runs every line both ways.
///
/// `MAQAL_FRONT_DOOR=off` sends every line to the full parser; `MAQAL_FRONT_DOOR=only` refuses
/// (exit 3) what the front door would hand over, so the tests can check which lines it takes.
enum FrontDoor {
    enum Route {
        case version
        case parse(Parse)
    }

    /// `MAQAL_FRONT_DOOR` as set, read with `getenv` so that Foundation's `ProcessInfo` is not
    /// started for it.
    static var setting: String? {
        guard let value = getenv("MAQAL_FRONT_DOOR") else { return nil }
        return String(cString: value)
    }

    /// Names that the full parser reads as a command when they stand as an argument.
    private static let commandNames: Set<String> = ["parse", "convert", "records", "warc", "schema", "explain", "help"]

    /// The run these arguments ask for, or `nil` when the full parser must read them.
    static func route(_ arguments: [String]) -> Route? {
        if arguments == ["--version"] { return .version }
        var rest = arguments[...]
        if rest.first == "parse" { rest = rest.dropFirst() }

        var inputs: [String] = []
        var format = OutputFormat.markdown
        var output: String?
        var inputFormat = ParseOptions.InputFormat.auto
        var encoding: String?
        var maxBytes = ParseOptions.defaultMaxBytes
        var wpm = 180
        var normalize: [String] = []
        var flags: Set<Flag> = []
        var valuesSeen: Set<Valued> = []

        while let argument = rest.popFirst() {
            if argument == "-" || !argument.hasPrefix("-") {
                if argument.isEmpty || commandNames.contains(argument) { return nil }
                inputs.append(argument)
                continue
            }
            var name = Substring(argument)
            var attached: Substring?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                attached = argument[argument.index(after: equals)...]
            }
            if let flag = Flag(rawValue: String(name)) {
                // `--compact=yes` is an error, and a repeated flag is the parser's to judge.
                guard attached == nil, flags.insert(flag.canonical).inserted else { return nil }
                continue
            }
            guard let option = Valued(rawValue: String(name)) else { return nil }
            let value: String
            if let attached {
                value = String(attached)
            } else if let next = rest.popFirst() {
                value = next
            } else {
                return nil
            }
            // `-x` as a value, an empty value or a repeat: the parser decides what they mean.
            guard !value.isEmpty, value == "-" || !value.hasPrefix("-") else { return nil }
            guard valuesSeen.insert(option.canonical).inserted || option == .normalize else { return nil }
            switch option.canonical {
            case .format, .formatShort:
                guard let known = OutputFormat(rawValue: value) else { return nil }
                format = known
            case .output, .outputShort: output = value
            case .inputFormat:
                guard let known = ParseOptions.InputFormat(rawValue: value) else { return nil }
                inputFormat = known
            case .encoding: encoding = value
            case .maxBytes:
                guard let number = Int(value) else { return nil }
                maxBytes = number
            case .wpm:
                guard let number = Int(value) else { return nil }
                wpm = number
            case .normalize: normalize.append(value)
            }
        }

        // Every property is set: one left unset would stop the program when `run` reads it.
        var rendering = RenderingOptions()
        rendering.compact = flags.contains(.compact)
        rendering.frontMatter = flags.contains(.frontMatter)
        rendering.rtlMarks = flags.contains(.rtlMarks)
        var reading = ReadingOptions()
        reading.inputFormat = inputFormat
        reading.encoding = encoding
        reading.maxBytes = maxBytes
        reading.wpm = wpm
        reading.normalize = normalize
        reading.explain = flags.contains(.explain)
        reading.keepDataImages = flags.contains(.keepDataImages)
        var chattiness = Chattiness()
        chattiness.quiet = flags.contains(.quiet)
        chattiness.verbose = flags.contains(.verbose)
        var command = Parse()
        command.inputs = inputs
        command.format = format
        command.output = output
        command.rendering = rendering
        command.reading = reading
        command.chattiness = chattiness
        // A line that fails a check goes to the parser, which words the error as it always has.
        do {
            try rendering.validate()
            try reading.validate()
            try chattiness.validate()
            try command.validate()
        } catch {
            return nil
        }
        return .parse(command)
    }

    /// parse's flags, by every name they go by.
    private enum Flag: String {
        case compact = "--compact", frontMatter = "--front-matter", rtlMarks = "--rtl-marks"
        case explain = "--explain", keepDataImages = "--keep-data-images"
        case quiet = "--quiet", quietShort = "-q", verbose = "--verbose", verboseShort = "-v"

        /// One case per flag, whichever name it was given by.
        var canonical: Flag {
            switch self {
            case .quietShort: .quiet
            case .verboseShort: .verbose
            default: self
            }
        }
    }

    /// parse's options that take a value, by every name they go by.
    private enum Valued: String {
        case format = "--format", formatShort = "-f", output = "--output", outputShort = "-o"
        case inputFormat = "--input-format", encoding = "--encoding", maxBytes = "--max-bytes", wpm = "--wpm"
        case normalize = "--normalize"

        var canonical: Valued {
            switch self {
            case .formatShort: .format
            case .outputShort: .output
            default: self
            }
        }
    }
}
