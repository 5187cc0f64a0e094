import Foundation
import Maqal

/// The mark an output of `maqal convert` carries: which maqal, options and input wrote it.
///
/// It is an extended attribute (`user.maqal`) on the output itself, set on the temporary file before
/// the rename, so a file has its mark the moment it has its name and there is no manifest to keep in
/// step, to lock between workers or to hold in memory. Its value is the maqal version and a hash of
/// everything the output depends on: the options, the input's name as given (it is `source.name`),
/// its size and its modification time to the nanosecond. A re-run skips an output whose mark is what
/// this run would write and that is at least as new as its input. On a file system without extended
/// attributes nothing is marked, so nothing is ever skipped: slower, never wrong.
struct BatchMarker: Sendable {
    static let attribute = "user.maqal"

    /// Everything about this run that shapes an output: the version, reading and rendering options.
    let settings: String

    /// The mark an output of `input` (read as `name`) gets in this run.
    func value(name: String, input: BatchFileStatus) -> String {
        var hash = BatchFingerprint()
        hash.add(settings)
        hash.add(name)
        hash.add(String(input.size))
        hash.add(String(input.modified))
        return "maqal \(Maqal.version) \(hash.hex)"
    }

    /// Whether `output` exists, was written from this very input by this run's settings, is not older
    /// than it and still has the size it was written with (a file cut short by a crash or by hand is redone).
    func isUpToDate(_ output: String, mark: String, input: BatchFileStatus) -> Bool {
        guard let status = BatchFileStatus(linkAt: output), status.kind == .regular, status.modified >= input.modified
        else { return false }
        return Self.read(output) == Self.stored(mark, size: status.size)
    }

    /// What the attribute holds: the mark and the size of the output it was set on.
    private static func stored(_ mark: String, size: Int) -> String {
        "\(mark) \(size) bytes"
    }

    /// Foundation's key for a file's extended attributes, a dictionary of names to bytes.
    private static let extendedAttributes = FileAttributeKey("NSFileExtendedAttributes")

    /// Whether the file at `path` carries a mark: it is an output of maqal.
    static func isMarked(_ path: String) -> Bool {
        read(path)?.hasPrefix("maqal ") ?? false
    }

    static func read(_ path: String) -> String? {
        let attributes = try? FileManager.default.attributesOfItem(atPath: path)
        guard let marks = attributes?[extendedAttributes] as? [String: Data], let mark = marks[attribute] else {
            return nil
        }
        return String(decoding: mark, as: UTF8.self)
    }

    /// Marks the file at `path` with `mark` and its present size; false when the file system refused
    /// (it keeps no extended attributes): the output is then unmarked, and the next run converts it again.
    static func write(_ mark: String, to path: String) -> Bool {
        guard let status = BatchFileStatus(linkAt: path) else { return false }
        let value = Data(stored(mark, size: status.size).utf8)
        let attributes: [FileAttributeKey: Any] = [extendedAttributes: [attribute: value]]
        return (try? FileManager.default.setAttributes(attributes, ofItemAtPath: path)) != nil
    }
}
