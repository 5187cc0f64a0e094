import Foundation
import Maqal

/// Reads one input named on the command line and parses it, turning every failure into a
/// message that says what to do.
enum InputFile {
    struct Failure: Error {
        let message: String
    }

    static func parse(_ path: String, options: ParseOptions) throws(Failure) -> Document {
        let bytes = try read(path, limit: options.maxBytes)
        do {
            return try Maqal.parse(consume bytes, name: path, options: options)
        } catch {
            throw Failure(message: message(for: error))
        }
    }

    /// The library's reason, with the option that lifts a limit (the library names no flags).
    static func message(for error: ParseError) -> String {
        if case .tooLarge = error { return error.description + " (raise it with --max-bytes)" }
        return error.description
    }

    /// The system's words for an `errno` ("Permission denied", "No space left on device").
    static func reason(_ code: Int32) -> String {
        String(cString: strerror(code))
    }

    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        if path == "-" {
            let bytes = try readAll(STDIN_FILENO, limit: limit, expected: 0)
            if bytes.count > limit {
                throw Failure(message: "standard input is over the limit of \(limit) bytes (raise it with --max-bytes)")
            }
            return bytes
        }
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            switch errno {
            case ENOENT, ENOTDIR: throw Failure(message: "no such file")
            default: throw Failure(message: "cannot be read: \(Self.reason(errno))")
            }
        }
        defer { close(descriptor) }
        var status = stat()
        guard fstat(descriptor, &status) == 0 else {
            throw Failure(message: "cannot be read: \(Self.reason(errno))")
        }
        if status.st_mode & S_IFMT == S_IFDIR {
            throw Failure(message: "is a directory (name the files inside it)")
        }
        let size = Int(status.st_size)
        if size > limit {
            throw Failure(message: message(for: .tooLarge(bytes: size, limit: limit)))
        }
        let bytes = try readAll(descriptor, limit: limit, expected: size)
        if bytes.count > limit {
            // It grew while it was read (or it is a device whose size says nothing).
            throw Failure(message: message(for: .tooLarge(bytes: bytes.count, limit: limit)))
        }
        return bytes
    }

    /// Reads `descriptor` to its end, or to one byte past `limit` so "over the limit" is seen without
    /// loading more. `expected` (the size `fstat` gave, 0 for a pipe) sizes the first read, so a regular
    /// file is read whole by one call straight into the array that is returned.
    private static func readAll(_ descriptor: Int32, limit: Int, expected: Int) throws(Failure) -> [UInt8] {
        let chunk = 1 << 16
        var failure: Int32 = 0
        var reachedEnd = false
        // Fills `buffer` from the descriptor until it is full or the input ends; the count read.
        func fill(_ buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
            var count = 0
            while count < buffer.count {
                let read = Foundation.read(descriptor, buffer.baseAddress! + count, buffer.count - count)
                if read > 0 {
                    count += read
                } else if read == 0 {
                    reachedEnd = true
                    break
                } else if errno != EINTR {
                    failure = errno
                    break
                }
            }
            return count
        }
        var bytes = [UInt8](unsafeUninitializedCapacity: min(max(expected, chunk - 1), limit) + 1) { buffer, count in
            count = fill(buffer)
        }
        while !reachedEnd && failure == 0 && bytes.count <= limit {
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: min(chunk, limit + 1 - bytes.count)) { buffer in
                let count = fill(buffer)
                bytes.append(contentsOf: buffer[..<count])
            }
        }
        if failure != 0 {
            throw Failure(message: "cannot be read: \(Self.reason(failure))")
        }
        return bytes
    }
}

/// Writes a result file whole or not at all: a temporary file beside it, renamed into place.
///
/// The temporary file is made afresh (`O_EXCL`: a link planted at its name is never followed). Its
/// bytes are flushed to the disk before the rename only when the rename replaces a file, the one case
/// where a crash could swap a good old file for an empty new one. A new name has nothing to lose, and
/// a flush per new file made `maqal convert` wait on the disk once per page: on ext4, 2,000 pages
/// took 4.1 s instead of 3.6 s at `--jobs 1`, and `--jobs 2` sped that up 1.70× instead of 1.91×.
enum OutputFile {
    /// `beforeRename` sees the finished temporary file's path, to mark it before it takes the name.
    static func write(_ text: String, to path: String, beforeRename: (String) -> Void = { _ in }) throws {
        var text = text
        try text.withUTF8 { try write($0, to: path, beforeRename: beforeRename) }
    }

    static func write(_ bytes: [UInt8], to path: String, beforeRename: (String) -> Void = { _ in }) throws {
        try bytes.withUnsafeBufferPointer { try write($0, to: path, beforeRename: beforeRename) }
    }

    private static func write(
        _ bytes: UnsafeBufferPointer<UInt8>, to path: String, beforeRename: (String) -> Void
    ) throws {
        let url = URL(fileURLWithPath: path)
        let temporary = url.deletingLastPathComponent()
            .appendingPathComponent(".\(url.lastPathComponent).maqal-\(getpid()).tmp").path
        var descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        if descriptor < 0 && errno == EEXIST {
            // Left by an earlier run of this process id that was killed: it is ours to replace.
            unlink(temporary)
            descriptor = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
        }
        guard descriptor >= 0 else { throw posixError() }
        let code = writeAll(bytes, to: descriptor)
        var failure = code == 0 ? nil : posixError(code)
        if failure == nil {
            beforeRename(temporary)
            var existing = stat()
            if lstat(path, &existing) == 0 && fsync(descriptor) != 0 { failure = posixError() }
        }
        // Some file systems (NFS, quotas) report a failed write only when the file is closed.
        if close(descriptor) != 0 && failure == nil { failure = posixError() }
        if failure == nil && rename(temporary, path) != 0 { failure = posixError() }
        if let failure {
            unlink(temporary)
            throw failure
        }
    }

    /// The current `errno` as an error that names it ("No space left on device").
    private static func posixError(_ code: Int32 = errno) -> NSError {
        NSError(domain: NSPOSIXErrorDomain, code: Int(code),
            userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(code))])
    }
}

/// stdout for results, stderr for everything else; a closed pipe ends the program quietly.
enum Console {
    static func out(_ text: String) {
        // EPIPE: the reader went away (`| head`); stop like other Unix tools do.
        if !write(text, to: STDOUT_FILENO) { exit(0) }
    }

    /// Bytes to stdout, as they are (a document rendered straight to UTF-8).
    static func out(_ bytes: UnsafeBufferPointer<UInt8>) {
        if writeAll(bytes, to: STDOUT_FILENO) == EPIPE { exit(0) }
    }

    /// Writes to stdout and says whether the reader is still there, for callers that stop on their own.
    static func tryOut(_ text: String) -> Bool {
        write(text, to: STDOUT_FILENO)
    }

    /// ``tryOut(_:)`` for bytes.
    static func tryOut(_ bytes: [UInt8]) -> Bool {
        bytes.withUnsafeBufferPointer { writeAll($0, to: STDOUT_FILENO) } != EPIPE
    }

    static func error(_ text: String) {
        if !write(text + "\n", to: STDERR_FILENO) { exit(0) }
    }

    /// A status line on stderr written as is (a progress line redraws itself with `\r`).
    static func status(_ text: String) {
        if !write(text, to: STDERR_FILENO) { exit(0) }
    }

    /// False only when the reader has gone away (EPIPE); other errors drop the text.
    private static func write(_ text: String, to descriptor: Int32) -> Bool {
        var text = text
        return text.withUTF8 { writeAll($0, to: descriptor) } != EPIPE
    }
}

/// Writes every byte, resuming after short writes and signals; 0, or the `errno` that stopped it.
private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32) -> Int32 {
    var offset = 0
    while offset < bytes.count {
        let count = Foundation.write(descriptor, bytes.baseAddress! + offset, bytes.count - offset)
        if count < 0 {
            if errno == EINTR { continue }
            return errno
        }
        offset += count
    }
    return 0
}
