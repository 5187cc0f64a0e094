import Foundation

/// Reads the records of a WARC file one at a time, from a `.warc.gz` (one gzip member per record,
/// or any other cut of the stream into members) or a plain `.warc`, told apart by the first bytes.
///
/// The file is read in chunks and inflated as it goes: memory holds one record, not the file.
/// Damage never ends the reading: a corrupt gzip member is reported and reading resumes at the
/// next gzip header; a record whose header cannot be read is reported and reading resumes at the
/// next `WARC/1.` line; a file that ends inside a record says so.
public final class WARCReader {
    /// What ``next()`` found.
    public enum Item: Sendable {
        case record(WARCRecord)
        case damaged(WARCDamage)
    }

    /// Blocks longer than this are skipped unread (``WARCRecord/blockTooLarge``).
    public static let defaultRecordLimit = 64 * 1024 * 1024
    /// A WARC header longer than this is not a header.
    static let headerLimit = 1 << 16
    private static let chunkSize = 1 << 20
    private static let gzipMagic: [UInt8] = [0x1F, 0x8B, 0x08]
    private static let versionLine = Array("WARC/1.".utf8)

    private enum Source {
        case descriptor(Int32)
        case memory([UInt8], position: Int)
    }

    private var source: Source
    private let recordLimit: Int
    private var sourceEnded = false
    /// Bytes read from the source so far (compressed bytes for a `.warc.gz`).
    public private(set) var bytesRead = 0
    /// Whether the file is gzip; decided by its first bytes.
    public private(set) var compressed: Bool?

    /// Source bytes not yet inflated (gzip only), from `rawStart`; `rawBase` is the file offset of `raw[0]`.
    private var raw: [UInt8] = []
    private var rawStart = 0
    private var rawBase = 0
    private var inflater: InflateStream?
    /// Whether the current gzip member has started and not ended.
    private var inMember = false
    private var memberOffset = 0

    /// The WARC stream (inflated, or the file itself), unparsed from `dataStart`; `dataBase` is the
    /// stream offset of `data[0]`.
    private var data: [UInt8] = []
    private var dataStart = 0
    private var dataBase = 0
    /// Where each gzip member's output begins in the stream, for the offsets records report.
    private var memberStarts: [(stream: Int, file: Int)] = []
    /// Bytes of a too-large block still to be skipped.
    private var skipping = 0
    private var pendingDamage: WARCDamage?

    /// Reads the file open at `descriptor` (not closed by the reader).
    public init(descriptor: Int32, recordLimit: Int = WARCReader.defaultRecordLimit) {
        source = .descriptor(descriptor)
        self.recordLimit = recordLimit
    }

    /// Reads a WARC file held in memory.
    public init(bytes: [UInt8], recordLimit: Int = WARCReader.defaultRecordLimit) {
        source = .memory(bytes, position: 0)
        self.recordLimit = recordLimit
    }

    /// The next record or damage report; `nil` at the end of the file.
    public func next() -> Item? {
        while true {
            if let damage = pendingDamage {
                pendingDamage = nil
                return .damaged(damage)
            }
            if let item = parseRecord() { return item }
            if !produce() {
                if let damage = pendingDamage {
                    pendingDamage = nil
                    return .damaged(damage)
                }
                let rest = data[dataStart...]
                if rest.contains(where: { !Self.isSpace($0) }) {
                    let offset = streamOffsetToFile(dataBase + dataStart)
                    data.removeAll()
                    dataStart = 0
                    return .damaged(WARCDamage(offset: offset, message: "the file ends inside a record"))
                }
                return nil
            }
        }
    }

    // MARK: - Records

    /// A whole record from the stream, or damage; `nil` when more bytes are needed.
    private func parseRecord() -> Item? {
        if skipping > 0 && !skipBuffered() { return nil }
        while dataStart < data.count && Self.isSpace(data[dataStart]) { dataStart += 1 }
        compact()
        guard dataStart < data.count else { return nil }
        let start = dataStart
        guard let headerEnd = HeaderFields.blankLine(in: data, from: start, end: min(data.count, start + Self.headerLimit)) else {
            if data.count - start >= Self.headerLimit || !startsLikeVersion(at: start) {
                return resynchronise(from: start, message: "no WARC header here")
            }
            return nil
        }
        guard startsLikeVersion(at: start) else {
            return resynchronise(from: start, message: "no WARC header here")
        }
        let firstLineEnd = data[start..<headerEnd.fieldsEnd].firstIndex(of: UInt8(ascii: "\n")) ?? headerEnd.fieldsEnd
        let version = String(decoding: data[start..<firstLineEnd], as: UTF8.self)
            .trimmingCharacters(in: .whitespacesAndNewlines)
        let headers = HeaderFields.parse(data[firstLineEnd..<headerEnd.fieldsEnd])
        guard let lengthText = headers["Content-Length"], let length = Int(lengthText), length >= 0 else {
            return resynchronise(from: start, message: "a WARC record without a valid Content-Length")
        }
        let offset = streamOffsetToFile(dataBase + start)
        if length > recordLimit {
            dataStart = headerEnd.bodyStart
            skipping = length
            _ = skipBuffered()
            return .record(WARCRecord(version: version, headers: headers, block: [], blockTooLarge: true, offset: offset))
        }
        guard data.count - headerEnd.bodyStart >= length else { return nil }
        let block = Array(data[headerEnd.bodyStart..<(headerEnd.bodyStart + length)])
        dataStart = headerEnd.bodyStart + length
        return .record(WARCRecord(version: version, headers: headers, block: block, blockTooLarge: false, offset: offset))
    }

    /// Skips what is buffered of a too-large block; whether all of it is skipped.
    private func skipBuffered() -> Bool {
        let count = min(skipping, data.count - dataStart)
        dataStart += count
        skipping -= count
        return skipping == 0
    }

    /// Whether the bytes at `start` are (so far) a `WARC/1.` version line.
    private func startsLikeVersion(at start: Int) -> Bool {
        let count = min(Self.versionLine.count, data.count - start)
        return data[start..<(start + count)].elementsEqual(Self.versionLine[..<count])
    }

    /// Reports damage at `start` and drops the stream up to the next `WARC/1.` at a line start.
    private func resynchronise(from start: Int, message: String) -> Item {
        let offset = streamOffsetToFile(dataBase + start)
        let pattern = Array("\nWARC/1.".utf8)
        let found = data.withUnsafeBufferPointer { all in
            pattern.withUnsafeBufferPointer { needle in
                ByteSearch.offset(of: needle, in: UnsafeBufferPointer(rebasing: all[(start + 1)...]))
            }
        }
        if let found {
            dataStart = start + 1 + found + 1
        } else {
            // Keep a tail that may be the start of a version line cut by the chunk's end.
            dataStart = max(start + 1, data.count - pattern.count)
        }
        return .damaged(WARCDamage(offset: offset, message: message))
    }

    private func streamOffsetToFile(_ streamOffset: Int) -> Int {
        guard compressed == true else { return streamOffset }
        return memberStarts.last { $0.stream <= streamOffset }?.file ?? memberOffset
    }

    private func compact() {
        guard dataStart > 0, dataStart == data.count || (dataStart >= Self.chunkSize && dataStart * 2 >= data.count)
        else { return }
        data.removeFirst(dataStart)
        dataBase += dataStart
        dataStart = 0
        if let current = memberStarts.last(where: { $0.stream <= dataBase }) {
            memberStarts.removeAll { $0.stream <= dataBase }
            memberStarts.insert((dataBase, current.file), at: 0)
        }
    }

    private static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x0A || byte == 0x0D || byte == 0x20 || byte == 0x09
    }

    // MARK: - Bytes

    /// Adds bytes to the stream; false at the end of the file.
    private func produce() -> Bool {
        if compressed == nil {
            guard fill() else { return false }
            compressed = raw.count >= 2 && raw[0] == 0x1F && raw[1] == 0x8B
            if compressed == false {
                data.append(contentsOf: raw)
                raw.removeAll()
                return true
            }
            inflater = InflateStream()
        }
        guard compressed == true, let inflater else {
            guard fill() else { return false }
            data.append(contentsOf: raw)
            raw.removeAll()
            return true
        }
        if rawStart == raw.count {
            rawBase += raw.count
            raw.removeAll(keepingCapacity: true)
            rawStart = 0
            guard fill() else {
                if inMember {
                    inMember = false
                    pendingDamage = WARCDamage(offset: memberOffset, message: "the file ends inside a gzip member")
                    data.removeSubrange(dataStart...)
                }
                return false
            }
        }
        if !inMember {
            inMember = true
            memberOffset = rawBase + rawStart
            memberStarts.append((dataBase + data.count, memberOffset))
        }
        let step = raw.withUnsafeBufferPointer { inflater.inflate(UnsafeBufferPointer(rebasing: $0[rawStart...]), into: &data) }
        switch step {
        case .needsInput:
            rawStart = raw.count
        case .ended(let consumed):
            rawStart += consumed
            inflater.reset()
            inMember = false
        case .corrupt(let message, let consumed):
            inflater.reset()
            inMember = false
            // The record the broken member was part of cannot be trusted: every complete record
            // before it was already taken, so all that is left is dropped.
            data.removeSubrange(dataStart...)
            skipping = 0
            pendingDamage = WARCDamage(offset: memberOffset, message: "a corrupt gzip member (\(message))")
            rawStart += max(consumed, 1)
            seekGzipMagic()
        }
        return true
    }

    /// Moves `rawStart` to the next gzip header, reading on as needed; at the end of the file, past it all.
    private func seekGzipMagic() {
        while true {
            let found = raw.withUnsafeBufferPointer { all in
                Self.gzipMagic.withUnsafeBufferPointer { needle in
                    ByteSearch.offset(of: needle, in: UnsafeBufferPointer(rebasing: all[rawStart...]))
                }
            }
            if let found {
                rawStart += found
                return
            }
            // Keep the last two bytes: a header may straddle the chunk's end.
            let keep = min(2, raw.count - rawStart)
            rawBase += raw.count - keep
            raw.removeFirst(raw.count - keep)
            rawStart = 0
            if !fill() {
                rawStart = raw.count
                return
            }
        }
    }

    /// Appends the next chunk of the source to `raw`; false at its end.
    private func fill() -> Bool {
        guard !sourceEnded else { return false }
        switch source {
        case .memory(let bytes, let position):
            guard position < bytes.count else {
                sourceEnded = true
                return false
            }
            let end = min(bytes.count, position + Self.chunkSize)
            raw.append(contentsOf: bytes[position..<end])
            source = .memory(bytes, position: end)
            bytesRead += end - position
            return true
        case .descriptor(let descriptor):
            let count = ChunkReader.append(from: descriptor, to: &raw, count: Self.chunkSize)
            guard count > 0 else {
                sourceEnded = true
                return false
            }
            bytesRead += count
            return true
        }
    }
}
