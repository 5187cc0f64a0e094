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
            {"id", "url", "ok": false, "error": {"kind": "empty|too-large|binary|broken-container|invalid-record|timeout", \
            "message"}}. --fields document adds the whole document beside the fields. A bad line never ends the stream; stdout carries only these lines; the end of input \
            ends the process with exit 0. `maqal schema records` prints the JSON Schema of the lines.

            Examples:
              echo '{"id":"1","html":"<title>عنوان</title><p>نص المقال</p>"}' | maqal records
              maqal records --fields text,title,language --language ar --min-words 50 < pages.jsonl
              maqal records --jobs 2 --record-timeout-ms 2000 < pages.jsonl > answers.jsonl
            """)

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
        while let line = reader.next() {
            let job: RecordWindow.Job
            switch line {
            case .line(let bytes):
                let id = RecordProcessor.findID(bytes)
                job = RecordWindow.Job(
                    work: { .line(processor.answer(line: bytes)) },
                    timeoutLine: { RecordProcessor.errorLine(id: id, url: nil, .timeout, budget) })
            case .tooLong(let prefix, let length):
                let id = RecordProcessor.findID(prefix)
                let line = RecordProcessor.errorLine(
                    id: id, url: nil, .tooLarge,
                    "the line is \(length) bytes, over the limit for pages of \(maxBytes) bytes (raise it with --max-bytes)")
                job = RecordWindow.Job(work: { .line(line) }, timeoutLine: { line })
            }
            guard window.submit(job) else { break }
            lines += 1
        }
        // stderr stays quiet by default: an engine reads only stdout. -v ends with a count.
        if window.finish() && chattiness.verbose { Console.error("maqal: records: \(lines) lines answered") }
    }
}
