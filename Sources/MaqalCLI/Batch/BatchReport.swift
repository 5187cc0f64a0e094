import Foundation

/// `--report FILE`: one JSON line per input, streamed to a temporary file beside FILE and renamed
/// into place when the run ends (also when it is interrupted), so FILE is always whole.
final class BatchReport {
    let path: String
    private let temporary: String
    private let handle: FileHandle

    /// Opens the temporary file; throws a message fit for `maqal: FILE: …`.
    init(path: String) throws(InputFile.Failure) {
        self.path = path
        let url = URL(fileURLWithPath: path)
        temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).maqal-\(getpid()).tmp").path
        if BatchFileStatus(path: path)?.kind == .directory {
            throw InputFile.Failure(message: "is a folder; the report needs a file name")
        }
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o666)
        guard descriptor >= 0 else {
            throw InputFile.Failure(message: "cannot be written: \(InputFile.reason(errno))")
        }
        handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    }

    /// Closes and removes the report unwritten, when the run stops before it starts.
    func discard() {
        try? handle.close()
        unlink(temporary)
    }

    func append(_ outcome: BatchOutcome) {
        try? handle.write(contentsOf: Data(outcome.jsonLine.utf8))
    }

    /// Closes the report and gives it its name; false (and no file left behind) when that fails.
    func finish() -> Bool {
        try? handle.close()
        if rename(temporary, path) == 0 { return true }
        unlink(temporary)
        return false
    }
}
