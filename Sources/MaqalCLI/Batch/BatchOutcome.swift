import Maqal

/// How one input of `maqal convert` ended: one line of `--report`, one count in the summary.
struct BatchOutcome: Sendable {
    enum Status: String, Sendable {
        /// Read, parsed and written.
        case converted
        /// Its output was up to date (same input, options and maqal version).
        case skipped
        /// Not converted; `error` says why.
        case failed
    }

    let path: String
    var status: Status
    /// The output file as the user would spell it; `nil` for standard output. The report names it
    /// only when it exists (converted or skipped); a failure's reason names it when it matters.
    let output: String?
    var encoding: String?
    var title: String?
    var words: Int?
    var milliseconds: Double = 0
    var error: String?
    /// Input bytes read, for MB/s.
    var bytes = 0
    /// Failed for a reason every later write shares (a full or read-only disk): named once.
    var diskWide = false
    /// What `--verbose` says about the document on standard error.
    var note: String?

    init(path: String, status: Status = .failed, output: String?, error: String? = nil) {
        self.path = path
        self.status = status
        self.output = output
        self.error = error
    }

    /// The report line: one compact JSON object, keys in the order the issue lists them.
    var jsonLine: String {
        var line = "{\"path\":" + JSONText.quoted(path)
        line += ",\"status\":" + JSONText.quoted(status.rawValue)
        line += ",\"output\":" + (status == .failed ? "null" : output.map { JSONText.quoted($0) } ?? "null")
        line += ",\"encoding\":" + (encoding.map { JSONText.quoted($0) } ?? "null")
        line += ",\"title\":" + (title.map { JSONText.quoted($0) } ?? "null")
        line += ",\"words\":" + (words.map { String($0) } ?? "null")
        line += ",\"milliseconds\":" + String((milliseconds * 1000).rounded() / 1000)
        line += ",\"error\":" + (error.map { JSONText.quoted($0) } ?? "null")
        return line + "}\n"
    }
}
