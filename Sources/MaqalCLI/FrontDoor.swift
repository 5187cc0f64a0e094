import Foundation
import ArgumentParser
import Maqal

/// The common command lines, read by hand before swift-argument-parser is asked.
///
/// A one-article run was mostly start-up, and most of the start-up was argument-parser finding
/// its way around the command types by reflection (`swift_conformsToProtocol`, demangling,
/// `Mirror`): 13.3M of the 17.5M instructions of `maqal --version`. `maqal --version`,
/// `maqal FILE …` and `maqal parse FILE … --format … ` with parse's usual options are read here
/// instead, into the same `ParseRequest` the parser's `Parse` makes, checked by the same `validate()`
/// methods and run the same way.
///
/// Anything not understood completely — another command, an unknown or repeated option, a value
/// that is missing, malformed or starts with `-`, an argument that names a command, a line that
/// fails validation — is handed to the full parser untouched, so its messages and exit codes are
/// the only ones a user sees. A new option of `parse` goes to the full parser until it is read here
/// too; the command-line table in the tests runs every line both ways.
///
/// `MAQAL_FRONT_DOOR=off` sends every line to the full parser; `MAQAL_FRONT_DOOR=only` refuses
/// (exit 3) what the front door would hand over, so the tests can check which lines it takes.
enum FrontDoor {
    enum Route {
        case version
        case parse(ParseRequest)
    }

    /// `MAQAL_FRONT_DOOR` as set, read with `getenv` so that Foundation's `ProcessInfo` is not
    /// started for it.
    static var setting: String? {
        guard let value = getenv("MAQAL_FRONT_DOOR") else { return nil }
        return String(cString: value)
    }

    /// Names that the full parser reads as a command when they stand as an argument.
    ///
    /// An array and plain values throughout, not a `Set`: the first use of a `Set` or `Dictionary` of a
    /// type asks the runtime for its `Hashable` conformance, a scan of every conformance in the binary
    /// (Foundation's included) that cost ~350,000 instructions each time, more than all the rest here.
    private static let commandNames = ["parse", "convert", "records", "warc", "schema", "explain", "help"]

    /// The run these arguments ask for, or `nil` when the full parser must read them.
    static func route(_ arguments: [String]) -> Route? {
        if arguments == ["--version"] { return .version }
        var rest = arguments[...]
        if rest.first == "parse" { rest = rest.dropFirst() }

        var request = ParseRequest(
            inputs: [], format: .markdown, output: nil, jobs: nil, style: .init(), reading: .init(),
            chattiness: .init())
        // Each option at most once (but --normalize, which adds up): a repeat is the parser's to judge.
        var seen: UInt32 = 0
        func firstTime(_ bit: Int) -> Bool {
            defer { seen |= 1 << bit }
            return seen & (1 << bit) == 0
        }

        while let argument = rest.popFirst() {
            if argument == "-" || !argument.hasPrefix("-") {
                if argument.isEmpty || commandNames.contains(argument) { return nil }
                request.inputs.append(argument)
                continue
            }
            var name = Substring(argument)
            var attached: Substring?
            if argument.hasPrefix("--"), let equals = argument.firstIndex(of: "=") {
                name = argument[..<equals]
                attached = argument[argument.index(after: equals)...]
            }
            if let flag = Flag(name) {
                // `--compact=yes` is an error, and a repeated flag is the parser's to judge.
                guard attached == nil, firstTime(flag.rawValue) else { return nil }
                switch flag {
                case .compact: request.style.compact = true
                case .frontMatter: request.style.frontMatter = true
                case .rtlMarks: request.style.rtlMarks = true
                case .explain: request.reading.explain = true
                case .keepDataImages: request.reading.keepDataImages = true
                case .quiet: request.chattiness.quiet = true
                case .verbose: request.chattiness.verbose = true
                }
                continue
            }
            guard let option = Valued(name) else { return nil }
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
            guard option == .normalize || firstTime(16 + option.rawValue) else { return nil }
            switch option {
            case .format:
                guard let known = OutputFormat(rawValue: value) else { return nil }
                request.format = known
            case .output: request.output = value
            case .inputFormat:
                guard let known = ParseOptions.InputFormat(rawValue: value) else { return nil }
                request.reading.inputFormat = known
            case .encoding: request.reading.encoding = value
            case .maxBytes:
                guard let number = Int(value) else { return nil }
                request.reading.maxBytes = number
            case .wpm:
                guard let number = Int(value) else { return nil }
                request.reading.wpm = number
            case .normalize: request.reading.normalize.append(value)
            case .jobs:
                guard let number = Int(value) else { return nil }
                request.jobs = number
            }
        }

        // A line that fails a check goes to the parser, which words the error as it always has.
        do {
            try request.reading.validate()
            try request.chattiness.validate()
            try request.validate()
        } catch {
            return nil
        }
        return .parse(request)
    }

    /// parse's flags.
    private enum Flag: Int {
        case compact, frontMatter, rtlMarks, explain, keepDataImages, quiet, verbose

        /// The flag by any name it goes by.
        init?(_ name: Substring) {
            switch name {
            case "--compact": self = .compact
            case "--front-matter": self = .frontMatter
            case "--rtl-marks": self = .rtlMarks
            case "--explain": self = .explain
            case "--keep-data-images": self = .keepDataImages
            case "-q", "--quiet": self = .quiet
            case "-v", "--verbose": self = .verbose
            default: return nil
            }
        }
    }

    /// parse's options that take a value.
    private enum Valued: Int {
        case format, output, inputFormat, encoding, maxBytes, wpm, normalize, jobs

        /// The option by any name it goes by.
        init?(_ name: Substring) {
            switch name {
            case "-f", "--format": self = .format
            case "-o", "--output": self = .output
            case "--input-format": self = .inputFormat
            case "--encoding": self = .encoding
            case "--max-bytes": self = .maxBytes
            case "--wpm": self = .wpm
            case "--normalize": self = .normalize
            case "--jobs": self = .jobs
            default: return nil
            }
        }
    }
}
