import Foundation

/// The running count of a `maqal convert` run: outcomes, the report, the progress line, the summary.
///
/// Workers, the walker, a timer and signal handlers all report here. Unchecked `Sendable` because
/// every stored property is read and written only under `lock`.
final class BatchTally: @unchecked Sendable {
    /// Why a run stopped before its inputs ran out.
    enum Stop: Equatable {
        /// SIGINT (Ctrl-C) or SIGTERM.
        case signal(Int32)
        /// `--fail-fast` and a file failed.
        case failFast
        /// Standard output was closed by its reader (`| head`).
        case closedPipe
        /// The output disk is full or read-only: every further file would fail the same way.
        case outputUnwritable(String)
    }

    /// How many failure reasons the summary names; the report has them all.
    static let failuresShown = 5

    private let lock = NSLock()
    private let started = ContinuousClock.now
    private let report: BatchReport?
    private let showsProgress: Bool
    private let quiet: Bool
    private let failFast: Bool
    private let verbose: Bool
    /// `TERM=dumb`: the progress line is redrawn with a carriage return and spaces, no escape codes.
    private let plainTerminal: Bool

    private var found = 0
    private var counted = 0
    private var countingDone = false
    private var walkDone = false
    private var converted = 0
    private var skipped = 0
    private var failed = 0
    private var bytes = 0
    private var firstFailures: [String] = []
    private var linksOutside = 0
    private var linkLoops = 0
    /// Files left out for their extension, by extension (`""` for none).
    private var skippedExtensions: [String: Int] = [:]
    private var stop: Stop?
    /// SIGINT and SIGTERM received so far.
    private var signals = 0
    private var unmarkedFolder: String?
    private var progressDrawn = false
    /// The width of the progress line last drawn, to blank it without escape codes.
    private var progressWidth = 0
    private var diskWideShown = false
    private var finished = false

    init(report: BatchReport?, showsProgress: Bool, quiet: Bool, failFast: Bool, verbose: Bool = false,
         plainTerminal: Bool = false) {
        self.report = report
        self.showsProgress = showsProgress
        self.quiet = quiet
        self.failFast = failFast
        self.verbose = verbose
        self.plainTerminal = plainTerminal
    }

    private func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    // MARK: - Reports from the walk and the workers

    /// The walk handed out one more input (a file, or a failure to record).
    func found(_ count: Int = 1) { locked { found += count } }

    /// The counting walk (for the progress line's total) saw one more input.
    func counted(_ count: Int = 1) { locked { counted += count } }

    func countingFinished() { locked { countingDone = true } }

    func walkFinished() { locked { walkDone = true } }

    func notFollowed(_ reason: BatchWalker.NotFollowed) {
        locked {
            switch reason {
            case .outside: linksOutside += 1
            case .loop: linkLoops += 1
            }
        }
    }

    /// A file the walk left out for its extension.
    func skippedForExtension(_ path: String) {
        let name = (path as NSString).lastPathComponent
        let dot = name.lastIndex(of: ".").flatMap { $0 == name.startIndex ? nil : $0 }
        let suffix = dot.map { String(name[$0...]).lowercased() } ?? ""
        locked { skippedExtensions[suffix, default: 0] += 1 }
    }

    /// An output folder that keeps no extended attributes: its outputs cannot be marked up to date.
    func unmarked(in folder: String) { locked { unmarkedFolder = unmarkedFolder ?? folder } }

    /// Counts one outcome and writes its report line; true when it should stop the run (`--fail-fast`).
    func record(_ outcome: BatchOutcome) -> Bool {
        locked {
            report?.append(outcome)
            bytes += outcome.bytes
            if verbose { say(Self.verboseLine(outcome)) }
            switch outcome.status {
            case .converted: converted += 1
            case .skipped: skipped += 1
            case .failed:
                failed += 1
                // A full or read-only disk fails every file in flight alike: its first failure says it.
                let repeated = outcome.diskWide && diskWideShown
                diskWideShown = diskWideShown || outcome.diskWide
                if firstFailures.count < Self.failuresShown && !repeated && !verbose {
                    firstFailures.append("maqal: \(outcome.path): \(outcome.error ?? "failed")")
                }
                if failFast && stop == nil {
                    stop = .failFast
                    return true
                }
            }
            return false
        }
    }

    /// Asks the run to stop; true the first time, when the caller should cancel the queue.
    func requestStop(_ reason: Stop) -> Bool {
        locked {
            if case .signal = reason { signals += 1 }
            guard stop == nil else { return false }
            stop = reason
            return true
        }
    }

    var isStopping: Bool { locked { stop != nil } }

    /// Whether the counting walk should stop too: at any stop but an interruption, whose summary
    /// says how many files were left (listing is quick); a second Ctrl-C stops it as well.
    var stopsCounting: Bool {
        locked {
            guard let stop else { return false }
            if case .signal = stop { return signals > 1 }
            return true
        }
    }

    // MARK: - Progress

    /// Redraws the progress line, when there is one (stderr is a terminal and not `--quiet`).
    func drawProgress() {
        guard showsProgress else { return }
        // Drawn under the lock, so it can never land after the summary.
        locked {
            guard !finished, stop != .closedPipe else { return }
            progressDrawn = true
            let line = progressLine()
            Console.status(clearProgress + line)
            progressWidth = line.count
        }
    }

    /// What blanks the progress line: an ANSI erase, or spaces where the terminal takes no escapes.
    private var clearProgress: String {
        plainTerminal ? "\r" + String(repeating: " ", count: progressWidth) + "\r" : "\r\u{1B}[2K"
    }

    /// A line on stderr while the progress line may be showing; under the lock.
    private func say(_ text: String) {
        if progressDrawn {
            Console.status(clearProgress)
            progressWidth = 0
        }
        Console.status(text + "\n")
    }

    /// `--verbose`: what became of one input.
    private static func verboseLine(_ outcome: BatchOutcome) -> String {
        switch outcome.status {
        case .converted:
            return "maqal: \(outcome.path): converted" + (outcome.output.map { " to \($0)" } ?? "")
                + (outcome.note.map { "\n" + $0 } ?? "")
        case .skipped: return "maqal: \(outcome.path): skipped, \(outcome.output ?? "its output") is up to date"
        case .failed: return "maqal: \(outcome.path): \(outcome.error ?? "failed")"
        }
    }

    private func progressLine() -> String {
        let done = converted + skipped + failed
        let seconds = elapsedSeconds
        let rate = seconds > 0 ? Double(done) / seconds : 0
        let totalKnown = countingDone || walkDone
        let total = countingDone ? max(counted, found) : walkDone ? found : max(counted, found)
        var line = "maqal: \(done)/\(total)\(totalKnown ? "" : "+") files · " + String(format: "%.1f", rate) + " files/s"
        if totalKnown && rate > 0 {
            let remaining = Int((Double(max(total - done, 0)) / rate).rounded(.up))
            line += " · ETA \(remaining / 60):" + String(format: "%02d", remaining % 60)
        }
        if failed > 0 { line += " · \(failed) failed" }
        return line
    }

    private var elapsedSeconds: Double {
        let elapsed = ContinuousClock.now - started
        return Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) / 1e18
    }

    // MARK: - The end

    /// When nothing could be read: how many files were left out for their extension, and how to take them.
    private func skippedNote() -> String? {
        let total = skippedExtensions.values.reduce(0, +)
        guard total > 0 else { return nil }
        // Most common first; among equals, named extensions before files without one.
        let common = skippedExtensions.sorted {
            $0.value != $1.value ? $0.value > $1.value : $0.key.isEmpty != $1.key.isEmpty ? !$0.key.isEmpty : $0.key < $1.key
        }
        let listed = common.prefix(4).map { "\($0.key.isEmpty ? "no extension" : $0.key) \($0.value)" }
        let example = common.first { !$0.key.isEmpty }.map { "'*\($0.key)'" } ?? "'GLOB'"
        return "maqal: nothing to convert: \(total) file\(total == 1 ? " was" : "s were") skipped by extension ("
            + listed.joined(separator: ", ") + (common.count > 4 ? ", …" : "") + "); convert reads "
            + BatchFilter.readExtensions + "; add others with --include \(example)"
    }

    /// Closes the report, prints the summary on stderr and returns the exit status.
    func finish() -> Int32 {
        lock.lock()
        defer { lock.unlock() }
        finished = true
        if progressDrawn { Console.status(clearProgress) }
        let reportWritten = report?.finish() ?? true
        if stop == .closedPipe { return 0 }
        var lines: [String] = []
        let done = converted + skipped + failed
        let seconds = elapsedSeconds
        if !quiet {
            let rate = seconds > 0 ? Double(done) / seconds : 0
            let megabytes = seconds > 0 ? Double(bytes) / 1_000_000 / seconds : 0
            lines.append(
                "maqal: \(converted) converted, \(skipped) skipped, \(failed) failed (\(done) file\(done == 1 ? "" : "s")) in "
                    + String(format: "%.2f s: %.1f files/s, %.2f MB/s", seconds, rate, megabytes))
        }
        lines += firstFailures
        if failed > firstFailures.count && !verbose && !diskWideShown {
            let more = failed - firstFailures.count
            lines.append("maqal: … and \(more) more failure\(more == 1 ? "" : "s")"
                + (report.map { ", all listed in \($0.path)" } ?? " (--report FILE lists them all)"))
        }
        if !quiet && (linksOutside > 0 || linkLoops > 0) {
            var parts: [String] = []
            if linkLoops > 0 { parts.append("\(linkLoops) link\(linkLoops == 1 ? "" : "s") into a folder already walked (a loop)") }
            if linksOutside > 0 { parts.append("\(linksOutside) link\(linksOutside == 1 ? "" : "s") leading outside the inputs") }
            lines.append("maqal: not followed: " + parts.joined(separator: ", "))
        }
        if !quiet && found == 0, let note = skippedNote() { lines.append(note) }
        switch stop {
        case .signal(let number):
            let name = number == SIGINT ? "SIGINT" : number == SIGTERM ? "SIGTERM" : "signal \(number)"
            let left = max(found, counted) - done
            let known = walkDone || countingDone
            lines.append("maqal: interrupted (\(name)) after \(done) files"
                + (left > 0 || !known ? "; \(known ? "" : "at least ")\(left) more were not converted" : ""))
        case .failFast:
            lines.append("maqal: stopped at the first failure (--fail-fast)")
        case .outputUnwritable(let reason):
            lines.append("maqal: stopped: \(reason); no further file was attempted")
        case .closedPipe, nil:
            break
        }
        if let unmarkedFolder, !quiet {
            lines.append("maqal: note: \(unmarkedFolder) refused extended attributes, so outputs could not be marked "
                + "up to date and the next run converts them all again")
        }
        if let report, !reportWritten {
            lines.append("maqal: \(report.path): the report could not be written")
        }
        if !lines.isEmpty { Console.status(lines.joined(separator: "\n") + "\n") }
        if case .signal(let number) = stop { return 128 + number }
        return failed > 0 || !reportWritten || stop == .failFast ? 1 : 0
    }
}
