import Foundation
import Maqal

/// One `maqal convert` run: a walker thread feeding a bounded queue, a fixed pool of worker threads
/// converting and writing as they go, a tally that streams the report and prints the summary.
struct ConvertRun: Sendable {
    /// Where documents go.
    enum Destination: Sendable {
        /// A folder mirroring the inputs: its real path (links resolved), as the user wrote it, and its identity.
        case folder(real: String, shown: String, identity: BatchFileStatus.Identity)
        /// One NDJSON line per document on stdout, in the order they finish.
        case standardOutput
        /// Each output beside its input (`a/b.html` → `a/b.md`), never over a file maqal did not write.
        case beside
    }

    let inputs: [String]
    let filter: BatchFilter
    let destination: Destination
    let format: OutputFormat
    let rendering: RenderingOptions
    let parseOptions: ParseOptions
    let jobs: Int
    let force: Bool
    let marker: BatchMarker
    let chattiness: Chattiness

    /// One file to convert, as the walker hands it to a worker.
    struct Job: Sendable {
        let input: String
        /// The output's path inside the output folder, e.g. `a/b.md`, or beside the input, e.g.
        /// `saved/a/b.md`; `nil` for stdout.
        let relativeOutput: String?
    }

    /// Runs to the end (or to a stop) and returns the exit status.
    func run(tally: BatchTally) -> Int32 {
        let queue = BatchQueue<Job>(capacity: jobs * 4)
        let signals = [SIGINT, SIGTERM].map { number in
            // The handler runs on a dispatch queue, not in signal context, so it may take locks.
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
            source.setEventHandler {
                if tally.requestStop(.signal(number)) { queue.cancel() }
            }
            source.resume()
            return source
        }
        defer { for source in signals { source.cancel() } }

        let progress = DispatchSource.makeTimerSource(queue: .global())
        progress.schedule(deadline: .now() + .milliseconds(200), repeating: .milliseconds(200))
        progress.setEventHandler { tally.drawProgress() }
        progress.resume()
        defer { progress.cancel() }

        let group = DispatchGroup()
        let walker = BatchWalker(inputs: inputs, filter: filter, outputFolder: outputIdentity)
        // A second, counting-only walk runs ahead of the real one (which the queue holds back), so
        // the progress line has a total early and an interrupted run can say how many files it left.
        // Listing folders is cheap beside parsing.
        start(group, stackSize: 1 << 20) {
            let complete = walker.walk { event in
                switch event {
                case .file(let path, _):
                    if !Self.isOwnOutput(path) { tally.counted() }
                case .failure: tally.counted()
                case .notFollowed, .skippedForExtension: break
                }
                return !tally.stopsCounting
            }
            if complete { tally.countingFinished() }
        }
        start(group, stackSize: 1 << 20) {
            let complete = walk(walker, into: queue, tally: tally)
            queue.close()
            if complete { tally.walkFinished() }
        }
        for _ in 0..<jobs {
            // Deeply nested pages recurse: give workers the main thread's usual 8 MB of stack.
            start(group, stackSize: 8 << 20) {
                while let job = queue.pop() {
                    // No outcome: stdout was closed under it, and the run ends quietly.
                    guard let outcome = convert(job, tally: tally) else {
                        queue.cancel()
                        continue
                    }
                    if tally.record(outcome) || tally.isStopping { queue.cancel() }
                }
            }
        }
        group.wait()
        return tally.finish()
    }

    private var outputIdentity: BatchFileStatus.Identity? {
        if case .folder(_, _, let identity) = destination { return identity }
        return nil
    }

    private func start(_ group: DispatchGroup, stackSize: Int, _ body: @escaping @Sendable () -> Void) {
        group.enter()
        let thread = Thread {
            body()
            group.leave()
        }
        thread.stackSize = stackSize
        thread.start()
    }

    // MARK: - The walk

    /// Hands every file to the queue; claims each output name so two inputs never share one.
    private func walk(_ walker: BatchWalker, into queue: BatchQueue<Job>, tally: BatchTally) -> Bool {
        // 64-bit hashes of the output names taken so far: 16 bytes a file is the one cost that grows
        // with the number of files, and it is what lets a collision be reported instead of overwritten.
        var claimed: Set<UInt64> = []
        // An outcome settled by the walk itself; false when the run should stop (`--fail-fast`, a signal).
        func record(_ outcome: BatchOutcome) -> Bool {
            if tally.record(outcome) {
                queue.cancel()
                return false
            }
            return !tally.isStopping
        }
        return walker.walk { event in
            switch event {
            case .notFollowed(_, let reason):
                tally.notFollowed(reason)
                return !tally.isStopping
            case .skippedForExtension(let path):
                tally.skippedForExtension(path)
                return !tally.isStopping
            case .failure(let path, let reason):
                tally.found()
                return record(BatchOutcome(path: path, output: nil, error: reason))
            case .file(let path, let relative):
                if Self.isOwnOutput(path) { return true }
                tally.found()
                let mirrored: String?
                switch destination {
                case .standardOutput: return queue.push(Job(input: path, relativeOutput: nil))
                case .folder: mirrored = Self.outputPath(for: relative, format: format)
                case .beside: mirrored = Self.besidePath(for: path, format: format)
                }
                guard let output = mirrored else {
                    return record(BatchOutcome(
                        path: path, output: nil, error: "its name cannot be mirrored safely in the output folder"))
                }
                var key = BatchFingerprint()
                key.add(output)
                guard claimed.insert(key.value).inserted else {
                    var shownOutput = output
                    if case .folder(_, let shown, _) = destination { shownOutput = BatchWalker.join(shown, output) }
                    return record(BatchOutcome(
                        path: path, output: shownOutput,
                        error: "another input already maps to \(shownOutput); rename one of them or convert them separately"))
                }
                return queue.push(Job(input: path, relativeOutput: output))
            }
        }
    }

    /// `a/b.html` → `a/b.md`: the input's place inside its input folder, with the format's extension.
    /// `nil` for a name that could climb out of the output folder (empty, `.` or `..` parts).
    static func outputPath(for relative: String, format: OutputFormat) -> String? {
        var parts = relative.split(separator: "/", omittingEmptySubsequences: false)
        guard let name = parts.popLast(), parts.allSatisfy({ !$0.isEmpty && $0 != "." && $0 != ".." }),
            !name.isEmpty, name != ".", name != ".."
        else { return nil }
        // `a.html.gz` → `a.md`, as `a.html` would be.
        let plain = name.lowercased().hasSuffix(".gz") && BatchFilter.articleExtension(of: String(name)) != nil
            ? name.dropLast(3) : name
        let stem = plain.lastIndex(of: ".").flatMap { $0 == plain.startIndex ? nil : plain[..<$0] } ?? plain
        parts.append(stem + "." + format.fileExtension)
        return parts.joined(separator: "/")
    }

    private static let outputExtensions = Set(OutputFormat.allCases.map { "." + $0.fileExtension })

    /// Whether a walked file is an output of maqal (beside its input, or an earlier run's folder
    /// inside an input): no article. Only names maqal writes are asked, so pages cost nothing.
    static func isOwnOutput(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), outputExtensions.contains(String(path[dot...])) else { return false }
        return BatchMarker.isMarked(path)
    }

    /// `saved/a/b.html` → `saved/a/b.md`: the input's own path with the format's extension.
    static func besidePath(for path: String, format: OutputFormat) -> String? {
        let slash = path.lastIndex(of: "/")
        let folder = slash.map { String(path[...$0]) } ?? ""
        let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
        return outputPath(for: name, format: format).map { folder + $0 }
    }

    // MARK: - One file

    /// Converts one file; `nil` when there is nothing to count (stdout closed under it).
    private func convert(_ job: Job, tally: BatchTally) -> BatchOutcome? {
        let started = ContinuousClock.now
        var outcome = outcome(for: job, tally: tally)
        let elapsed = ContinuousClock.now - started
        outcome?.milliseconds = Double(elapsed.components.seconds) * 1000
            + Double(elapsed.components.attoseconds) / 1e15
        return outcome
    }

    private func outcome(for job: Job, tally: BatchTally) -> BatchOutcome? {
        var shownOutput: String?
        var realOutput: String?
        switch destination {
        case .folder(let real, let shown, _):
            shownOutput = job.relativeOutput.map { BatchWalker.join(shown, $0) }
            realOutput = job.relativeOutput.map { BatchWalker.join(real, $0) }
        case .beside:
            shownOutput = job.relativeOutput
            realOutput = job.relativeOutput
        case .standardOutput:
            break
        }
        var outcome = BatchOutcome(path: job.input, output: shownOutput)
        guard let input = BatchFileStatus(path: job.input) else {
            outcome.error = "no such file (it went away during the run)"
            return outcome
        }
        var mark = ""
        if let realOutput, let relative = job.relativeOutput {
            mark = marker.value(name: job.input, input: input)
            if !force && marker.isUpToDate(realOutput, mark: mark, input: input) {
                outcome.status = .skipped
                return outcome
            }
            if let existing = BatchFileStatus(path: realOutput), existing.identity == input.identity {
                outcome.error = "its output \(shownOutput ?? realOutput) is the input itself; choose another --format or --output-dir"
                return outcome
            }
            if case .beside = destination, let existing = BatchFileStatus(linkAt: realOutput),
                existing.kind != .regular || !BatchMarker.isMarked(realOutput)
            {
                outcome.error = "\(realOutput) exists and was not written by maqal, so it is left alone; "
                    + "move it, or convert with --output-dir"
                return outcome
            }
            if case .folder(let real, _, _) = destination,
                let problem = Self.makeFolders(for: relative, in: real)
            {
                outcome.error = problem.message
                if let disk = Self.diskWideFailure(NSError(domain: NSPOSIXErrorDomain, code: Int(problem.code))) {
                    outcome.diskWide = true
                    _ = tally.requestStop(.outputUnwritable("the output disk is \(disk)"))
                }
                return outcome
            }
        }
        let document: Document
        do {
            document = try InputFile.parse(job.input, options: parseOptions)
        } catch {
            outcome.bytes = input.size
            outcome.error = error.message
            return outcome
        }
        outcome.bytes = document.source.bytes
        outcome.note = chattiness.describe(document, input: job.input, warningsByDefault: false)
        let rendered = rendering.output(document, as: format)
        if let realOutput {
            do {
                let marking = { (temporary: String) in
                    if !BatchMarker.write(mark, to: temporary) {
                        tally.unmarked(in: (realOutput as NSString).deletingLastPathComponent)
                    }
                }
                switch rendered {
                case .text(let text): try OutputFile.write(text, to: realOutput, beforeRename: marking)
                case .utf8(let bytes): try OutputFile.write(bytes, to: realOutput, beforeRename: marking)
                }
            } catch {
                outcome.error = "cannot write \(shownOutput ?? realOutput): \(error.localizedDescription)"
                if let disk = Self.diskWideFailure(error) {
                    outcome.diskWide = true
                    _ = tally.requestStop(.outputUnwritable("the output disk is \(disk)"))
                }
                return outcome
            }
        } else if !Self.deliver(rendered) {
            _ = tally.requestStop(.closedPipe)
            return nil
        }
        outcome.status = .converted
        outcome.encoding = document.source.encoding.rawValue
        outcome.title = document.metadata.title
        outcome.words = document.stats.words
        return outcome
    }

    /// "full" or "read-only" when a write failed for a reason every later write would share.
    static func diskWideFailure(_ error: any Error) -> String? {
        let error = error as NSError
        var codes: [Int32] = []
        if error.domain == NSPOSIXErrorDomain { codes.append(Int32(error.code)) }
        if let underlying = error.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            codes.append(Int32(underlying.code))
        }
        if error.domain == NSCocoaErrorDomain {
            if error.code == CocoaError.fileWriteOutOfSpace.rawValue { return "full" }
            if error.code == CocoaError.fileWriteVolumeReadOnly.rawValue { return "read-only" }
        }
        if codes.contains(ENOSPC) || codes.contains(EDQUOT) { return "full" }
        if codes.contains(EROFS) { return "read-only" }
        return nil
    }

    /// Makes the folders above `relative` inside `root`, refusing to write through a link or a file;
    /// the reason and its `errno` when it cannot.
    private static func makeFolders(for relative: String, in root: String) -> (message: String, code: Int32)? {
        var folder = root
        for part in relative.split(separator: "/").dropLast() {
            folder = BatchWalker.join(folder, String(part))
            if mkdir(folder, 0o777) == 0 { continue }
            let reason = errno
            if reason == EEXIST, let status = BatchFileStatus(linkAt: folder), status.kind == .directory { continue }
            if reason == EEXIST {
                return ("\(folder) is in the way: it is not a folder (a link or a file), and outputs are never written through links", reason)
            }
            return ("cannot make the folder \(folder): \(InputFile.reason(reason))", reason)
        }
        return nil
    }

    private static let standardOutput = NSLock()

    /// One NDJSON line on stdout, whole; false once the reader has gone.
    private static func deliver(_ line: RenderedDocument) -> Bool {
        standardOutput.lock()
        defer { standardOutput.unlock() }
        switch line {
        case .text(let text): return Console.tryOut(text)
        case .utf8(let bytes): return Console.tryOut(bytes)
        }
    }
}

extension OutputFormat {
    /// The extension of an output file of `maqal convert`.
    var fileExtension: String {
        switch self {
        case .markdown: "md"
        case .json, .ndjson: "json"
        case .text: "txt"
        }
    }
}
