import Foundation
import Maqal

/// Reads lines from a file descriptor in chunks, however long the input: a line over `limit`
/// bytes is not held, only its first bytes (to find its id) and its length.
struct LineReader {
    enum Line {
        /// A whole line without its `\n` (and without a `\r` before it).
        case line(ArraySlice<UInt8>)
        /// A line longer than the limit: its first bytes and its full length.
        case tooLong(prefix: ArraySlice<UInt8>, length: Int)
    }

    private let descriptor: Int32
    private let limit: Int
    private var buffer: [UInt8] = []
    private var start = 0
    private var ended = false
    /// Bytes of an over-long line still to be skipped, and what was kept of it.
    private var overflow: (prefix: ArraySlice<UInt8>, length: Int)?
    static let prefixLength = 4096
    private static let chunkSize = 1 << 20

    init(descriptor: Int32, limit: Int) {
        self.descriptor = descriptor
        self.limit = limit
    }

    /// The next line; `nil` at the end of input. A last line without `\n` still counts; a read
    /// error ends the input.
    mutating func next() -> Line? {
        var searchFrom = start
        while true {
            if let newline = buffer[searchFrom...].firstIndex(of: UInt8(ascii: "\n")) {
                var line = buffer[start..<newline]
                start = newline + 1
                if var over = overflow {
                    overflow = nil
                    over.length += line.count
                    return .tooLong(prefix: over.prefix, length: over.length)
                }
                if line.last == 0x0D { line = line.dropLast() }
                return .line(line)
            }
            if buffer.count - start > limit {
                // Too long to hold: keep its start, drop the rest as it comes.
                if overflow == nil {
                    overflow = (Array(buffer[start..<(start + min(Self.prefixLength, limit))])[...], 0)
                }
                overflow!.length += buffer.count - start
                start = buffer.count
            }
            if ended {
                guard start < buffer.count || overflow != nil else { return nil }
                let line = buffer[start...]
                start = buffer.count
                if var over = overflow {
                    overflow = nil
                    over.length += line.count
                    return .tooLong(prefix: over.prefix, length: over.length)
                }
                return .line(line.last == 0x0D ? line.dropLast() : line)
            }
            if start > 0 {
                buffer.removeFirst(start)
                start = 0
            }
            searchFrom = buffer.count
            read()
        }
    }

    /// What `take` found after a header line.
    enum Body {
        case bytes([UInt8])
        /// The input ended first, after this many of the bytes.
        case short(Int)
    }

    /// The next `count` bytes, whatever they hold (`maqal records --framed`: the page after its
    /// header line). Called between lines only.
    mutating func take(_ count: Int) -> Body {
        if buffer.count - start >= count {
            let body = Array(buffer[start..<(start + count)])
            start += count
            return .bytes(body)
        }
        // The rest of the body is read straight into it, not through the line buffer.
        var body = Array(buffer[start...])
        body.reserveCapacity(count)
        buffer.removeAll(keepingCapacity: true)
        start = 0
        while body.count < count && !ended {
            if ChunkReader.append(from: descriptor, to: &body, count: min(count - body.count, Self.chunkSize)) <= 0 {
                ended = true
            }
        }
        return body.count == count ? .bytes(body) : .short(body.count)
    }

    /// Steps over the next `count` bytes without holding them (a framed body over the size limit);
    /// how many there were, fewer than `count` when the input ended first.
    mutating func skip(_ count: Int) -> Int {
        var left = count
        while left > buffer.count - start {
            left -= buffer.count - start
            buffer.removeAll(keepingCapacity: true)
            start = 0
            if ended { return count - left }
            read()
        }
        start += left
        return count
    }

    private mutating func read() {
        if ChunkReader.append(from: descriptor, to: &buffer, count: Self.chunkSize) <= 0 { ended = true }
    }
}
