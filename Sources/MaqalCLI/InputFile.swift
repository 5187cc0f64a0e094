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
            return try Maqal.parse(bytes, name: path, options: options)
        } catch {
            throw Failure(message: error.description)
        }
    }

    static func read(_ path: String, limit: Int) throws(Failure) -> [UInt8] {
        if path == "-" {
            // Read at most one byte past the limit: a huge pipe is refused without being held in memory.
            var bytes: [UInt8] = []
            while bytes.count <= limit {
                let chunk = FileHandle.standardInput.readData(ofLength: min(1 << 20, limit + 1 - bytes.count))
                if chunk.isEmpty { break }
                bytes += chunk
            }
            if bytes.count > limit {
                throw Failure(message: "standard input is over the limit of \(limit) bytes (raise it with --max-bytes)")
            }
            return bytes
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw Failure(message: "no such file")
        }
        if isDirectory.boolValue {
            throw Failure(message: "is a directory (name the files inside it)")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw Failure(message: "cannot be read (permission denied?)")
        }
        defer { try? handle.close() }
        do {
            // Read one byte past the limit to tell "at the limit" from "over it" without loading more.
            let data = try handle.read(upToCount: limit + 1) ?? Data()
            if data.count > limit {
                let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? data.count
                throw Failure(message: ParseError.tooLarge(bytes: size, limit: limit).description)
            }
            return [UInt8](data)
        } catch let failure as Failure {
            throw failure
        } catch {
            throw Failure(message: "cannot be read: \(error.localizedDescription)")
        }
    }
}

/// Writes a result file whole or not at all: a temporary file beside it, renamed into place.
enum OutputFile {
    /// `beforeRename` sees the finished temporary file's path, to mark it before it takes the name.
    static func write(_ text: String, to path: String, beforeRename: (String) -> Void = { _ in }) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).maqal-\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
            beforeRename(temporary.path)
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSLocalizedDescriptionKey: String(cString: strerror(errno))])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }
}

/// stdout for results, stderr for everything else; a closed pipe ends the program quietly.
enum Console {
    static func out(_ text: String) {
        // EPIPE: the reader went away (`| head`); stop like other Unix tools do.
        if !write(text, to: STDOUT_FILENO) { exit(0) }
    }

    /// Writes to stdout and says whether the reader is still there, for callers that stop on their own.
    static func tryOut(_ text: String) -> Bool {
        write(text, to: STDOUT_FILENO)
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
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return errno != EPIPE
            }
            offset += written
        }
        bytes.removeAll()
        return true
    }
}
