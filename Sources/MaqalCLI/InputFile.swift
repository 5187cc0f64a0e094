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
            let data = FileHandle.standardInput.readDataToEndOfFile()
            return [UInt8](data)
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
    static func write(_ text: String, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let directory = url.deletingLastPathComponent()
        let temporary = directory.appendingPathComponent(".\(url.lastPathComponent).maqal-\(getpid()).tmp")
        do {
            try Data(text.utf8).write(to: temporary)
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
        write(text, to: STDOUT_FILENO)
    }

    static func error(_ text: String) {
        write(text + "\n", to: STDERR_FILENO)
    }

    private static func write(_ text: String, to descriptor: Int32) {
        var bytes = Array(text.utf8)
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeMutableBytes { buffer in
                Foundation.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                // EPIPE: the reader went away (`| head`); stop like other Unix tools do.
                if errno == EPIPE { exit(0) }
                return
            }
            offset += written
        }
        bytes.removeAll()
    }
}
