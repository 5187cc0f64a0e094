import ArgumentParser
import Foundation
import Maqal

/// `maqal records`: one long-lived process for an engine's worker, NDJSON records in, one NDJSON
/// answer out per line in, in order.
struct Records: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "records",
        abstract: "Read JSON records on standard input, one a line, and answer each with one JSON line, in order.",
        discussion: """
            Each input line is {"id", "url"?, "html"? | "text"? | "body_base64"?, "content_type"?, "charset"?, \
            "date"?}; body_base64 carries raw bytes so the HTTP charset (content_type or charset, reported as \
            encodingFrom "http"), <meta> and sniffing all apply; date (ISO 8601, the fetch time) places relative \
            dates such as "منذ ساعتين".

            Each output line is {"id", "url", "ok": true, "document": {maqal/1}} (with --fields: the fields \
            instead of "document"), {"id", "url", "ok": false, "skipped": "language" | "min-words"}, or \
            {"id", "url", "ok": false, "error": {"kind": "empty|too-large|binary|broken-container|libxml2-unavailable|invalid-record|timeout", \
            "message"}}. --fields document adds the whole document beside the fields. A bad line never ends the stream; stdout carries only these lines; the end of input \
            ends the process with exit 0. `maqal schema records` prints the JSON Schema of the lines.

            --framed: a line may be a header {"id", "url"?, "content_type"?, "charset"?, "date"?, "body_bytes": N, \
            "body"?: "raw" | "html" | "text"} followed by exactly N bytes, the page as it is (no base64, no JSON \
            escapes; newlines and NUL bytes are only bytes). "raw" (the default) reads them as body_base64 would, \
            "html" and "text" as the html and text fields (already UTF-8). Lines without body_bytes are records as \
            above; blank lines between frames are skipped; each frame gets one answer line as above. Input that ends \
            inside a body is answered with an invalid-record line and ends the process (exit 0); a header that is \
            not a JSON object with a whole-number body_bytes cannot be stepped over: it is answered the same way \
            and the process exits 1.

            Examples:
              echo '{"id":"1","html":"<title>عنوان</title><p>نص المقال</p>"}' | maqal records
              maqal records --fields text,title,language --language ar --min-words 50 < pages.jsonl
              maqal records --jobs 2 --record-timeout-ms 2000 < pages.jsonl > answers.jsonl
              printf '{"id":"1","content_type":"text/html; charset=utf-8","body_bytes":25}\\n<title>عنوان</title>' | maqal records --framed
            """)

    @Flag(help: ArgumentHelp(
        "Framed input: a header line may give \"body_bytes\": N, and the page is the N raw bytes after it (no base64, "
            + "no JSON escapes); answers stay one JSON line each."))
    var framed = false

    @OptionGroup var corpus: CorpusOptions

    @OptionGroup var reading: ReadingOptions

    @OptionGroup var chattiness: Chattiness

    func run() throws {
        let processor = RecordProcessor(options: corpus.recordOptions(parse: reading.parseOptions))
        let window = RecordWindow(jobs: corpus.jobs, timeout: corpus.timeout) { answer in
            guard case .line(let line) = answer else { return true }
            return writeProtocolLine(line)
        }
        // base64 and JSON escapes make a line longer than the page it carries.
        let lineLimit = reading.maxBytes.multipliedReportingOverflow(by: 2).partialValue + (1 << 20)
        var reader = LineReader(descriptor: STDIN_FILENO, limit: lineLimit)
        var lines = 0
        let maxBytes = reading.maxBytes
        let budget = "the record took longer than \(corpus.recordTimeoutMs) ms (--record-timeout-ms)"
        /// Framed input that cannot be followed any further ends the stream: why, and whether the
        /// input simply ended (exit 0, as at any end of input) or went out of step (exit 1).
        var stop: (message: String, failed: Bool)?
        reading: while let line = reader.next() {
            let job: RecordWindow.Job
            switch line {
            case .line(let bytes):
                let id = RecordProcessor.findID(bytes)
                var body: [UInt8]?
                if framed {
                    // A blank line between frames is allowed (a client may end each body with a newline).
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue reading }
                    switch RecordProcessor.frame(of: bytes) {
                    case .inline:
                        break
                    case .body(let count):
                        // A body over the limit is stepped over unread, as a too-long line is.
                        if count > maxBytes {
                            let skipped = reader.skip(count)
                            if skipped == count {
                                let message = "the body is \(count) bytes, over the limit for pages of \(maxBytes) bytes "
                                    + "(raise it with --max-bytes)"
                                guard window.submit(Self.fixed(RecordProcessor.errorLine(
                                    id: id, url: nil, .tooLarge, message))) else { break reading }
                                lines += 1
                                continue reading
                            }
                            stop = (Self.shortBody(skipped, of: count), false)
                        } else {
                            switch reader.take(count) {
                            case .bytes(let taken): body = taken
                            case .short(let got): stop = (Self.shortBody(got, of: count), false)
                            }
                        }
                    case .unreadable(let why):
                        stop = (why + "; framed input cannot be followed past it", true)
                    }
                }
                if let stop {
                    job = Self.fixed(RecordProcessor.errorLine(id: id, url: nil, .invalidRecord, stop.message))
                } else {
                    job = RecordWindow.Job(
                        work: { [body] in .line(processor.answer(line: bytes, body: body)) },
                        timeoutLine: { RecordProcessor.errorLine(id: id, url: nil, .timeout, budget) })
                }
            case .tooLong(let prefix, let length):
                let id = RecordProcessor.findID(prefix)
                let message = "the line is \(length) bytes, over the limit for pages of \(maxBytes) bytes (raise it with --max-bytes)"
                if framed {
                    // The body of a header that was not read whole cannot be found.
                    stop = (message + "; framed input cannot be followed past it", true)
                    job = Self.fixed(RecordProcessor.errorLine(id: id, url: nil, .invalidRecord, stop!.message))
                } else {
                    job = Self.fixed(RecordProcessor.errorLine(id: id, url: nil, .tooLarge, message))
                }
            }
            guard window.submit(job) else { break }
            lines += 1
            if stop != nil { break }
        }
        // stderr stays quiet by default: an engine reads only stdout. -v ends with a count.
        let finished = window.finish()
        if finished && chattiness.verbose { Console.error("maqal: records: \(lines) lines answered") }
        if let stop {
            Console.error("maqal: records: \(stop.message)")
            if stop.failed { throw ExitCode(1) }
        }
    }

    private static func shortBody(_ got: Int, of count: Int) -> String {
        "the input ended after \(got) of the \(count) bytes of the record's body"
    }

    /// A job whose answer is known already.
    private static func fixed(_ line: [UInt8]) -> RecordWindow.Job {
        RecordWindow.Job(work: { .line(line) }, timeoutLine: { line })
    }
}
