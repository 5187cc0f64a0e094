import ArgumentParser
import Foundation
import Maqal

/// `maqal warc`: WARC files read natively, one answer line per HTML page in them.
struct Warc: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warc",
        abstract: "Read WARC files (.warc.gz or .warc) and answer each HTML page in them with one JSON line.",
        discussion: """
            Writes the lines of `maqal records`, one per HTML response, resource or conversion record, in file \
            order: the id is the WARC-Record-ID, the url the WARC-Target-URI, and the document's source.warc \
            holds {recordId, targetURI, date, truncated}. WARC/1.0 and 1.1; one gzip member per record or a \
            plain file; chunked and gzip/deflate HTTP payloads are decoded (Common Crawl's X-Crawler-* headers \
            are left alone: its payloads are stored decoded); the HTTP charset is the declared encoding.

            request, revisit, warcinfo and metadata records, non-HTML payloads and non-2xx responses are passed \
            over and counted in a summary on stderr. A corrupt or cut gzip member is reported on stderr and \
            reading goes on at the next member. Exit 0 when every file was read, 1 when one could not be opened.

            Examples:
              maqal warc CC-MAIN-20250101-00000.warc.gz > pages.jsonl
              maqal warc crawl.warc.gz --fields text,title,language --language ar --min-words 50 --jobs 2
              zcat crawl.warc.gz | maqal warc -
            """)

    @Argument(help: ArgumentHelp("WARC files; - reads standard input.", valueName: "file"))
    var inputs: [String]

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var chattiness: Chattiness

    @Flag(name: .customLong("read-only"), help: ArgumentHelp(
        "Only read and decompress the records, parse nothing, and print the summary (for benchmarks).",
        visibility: .hidden))
    var readOnly = false

    func validate() throws {
        if inputs.isEmpty { throw ValidationError("name a WARC file, or - for standard input") }
        if inputs.filter({ $0 == "-" }).count > 1 { throw ValidationError("standard input (-) can be read only once") }
    }

    func run() throws {
        let processor = RecordProcessor(options: corpus.recordOptions(parse: reading.parseOptions))
        let tally = WarcTally()
        let verbose = chattiness.verbose
        let window = RecordWindow(jobs: corpus.jobs, timeout: corpus.timeout) { answer in
            switch answer {
            case .line(let line):
                tally.add("answered")
                return writeProtocolLine(line)
            case .passedOver(let reason, let note):
                tally.add(reason)
                if verbose { Console.error(note) }
                return true
            }
        }
        let limit = reading.maxBytes
        let budget = "the record took longer than \(corpus.recordTimeoutMs) ms (--record-timeout-ms)"
        var failed = false
        let started = ContinuousClock.now
        var bytesRead = 0
        inputs: for input in inputs {
            let descriptor = input == "-" ? STDIN_FILENO : open(input, O_RDONLY | O_CLOEXEC)
            guard descriptor >= 0 else {
                Console.error("maqal: \(input): \(errno == ENOENT ? "no such file" : String(cString: strerror(errno)))")
                failed = true
                continue
            }
            defer { if descriptor != STDIN_FILENO { close(descriptor) } }
            let reader = WARCReader(descriptor: descriptor, recordLimit: limit)
            defer { bytesRead += reader.bytesRead }
            while let item = reader.next() {
                let record: WARCRecord
                switch item {
                case .damaged(let damage):
                    tally.add("damaged")
                    Console.error("maqal: \(input): \(damage)")
                    continue
                case .record(let read):
                    record = read
                }
                tally.add("records")
                guard WARCPayload.pageTypes.contains(record.type) else {
                    let type = record.type.isEmpty ? "untyped" : record.type
                    tally.add(type)
                    if verbose { Console.error("maqal: \(input): \(record.recordID ?? "at byte \(record.offset)"): passed over (\(type))") }
                    continue
                }
                if readOnly {
                    switch WARCPayload.page(of: record, limit: limit) {
                    case .success: tally.add("html")
                    case .failure(let skip): tally.add(skip.rawValue)
                    }
                    continue
                }
                let origin = WARCPayload.origin(of: record)
                let id = RecordID.string(origin.recordId)
                let name = input
                let job = RecordWindow.Job(
                    work: {
                        if record.blockTooLarge {
                            return .line(RecordProcessor.errorLine(
                                id: id, url: origin.targetURI, .tooLarge,
                                "the record is over the limit of \(limit) bytes (raise it with --max-bytes)"))
                        }
                        switch WARCPayload.page(of: record, limit: limit) {
                        case .success(let page):
                            return .line(processor.answer(
                                id: id, url: origin.targetURI, bytes: page.bytes, hints: page.hints, name: name,
                                warc: page.warc, notes: page.notes))
                        case .failure(let skip):
                            return .passedOver(skip.rawValue, note: "maqal: \(name): \(origin.recordId): passed over (\(skip.rawValue))")
                        }
                    },
                    timeoutLine: { RecordProcessor.errorLine(id: id, url: origin.targetURI, .timeout, budget) })
                guard window.submit(job) else { break inputs }
            }
        }
        let complete = window.finish()
        let elapsed = (ContinuousClock.now - started).components
        let seconds = Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
        if complete && !chattiness.quiet { Console.error(tally.summary(bytes: bytesRead, seconds: seconds)) }
        if failed { throw ExitCode.failure }
    }
}

/// Counts of what `maqal warc` read, answered and passed over, for the summary on stderr.
final class WarcTally: @unchecked Sendable {
    private let lock = NSLock()
    private var counts: [String: Int] = [:]

    func add(_ key: String) {
        lock.lock()
        counts[key, default: 0] += 1
        lock.unlock()
    }

    /// `maqal: warc: 1200 records, 400 answered; passed over: 400 request, 380 metadata, …`.
    func summary(bytes: Int, seconds: Double) -> String {
        lock.lock()
        defer { lock.unlock() }
        let records = counts["records", default: 0]
        var text = "maqal: warc: \(records) records, \(counts["answered", default: 0]) answered"
        if let html = counts["html"] { text += ", \(html) html" }
        let passed = counts.filter { !["records", "answered", "html", "damaged"].contains($0.key) }
            .sorted { ($0.value, $1.key) > ($1.value, $0.key) }
        if !passed.isEmpty { text += "; passed over: " + passed.map { "\($0.value) \($0.key)" }.joined(separator: ", ") }
        if let damaged = counts["damaged"] { text += "; \(damaged) damaged" }
        let megabytes = Double(bytes) / 1e6
        text += String(format: "; %.1f MB in %.2f s (%.1f MB/s, %.0f records/s)", megabytes, seconds,
                       seconds > 0 ? megabytes / seconds : 0, seconds > 0 ? Double(records) / seconds : 0)
        return text
    }
}
