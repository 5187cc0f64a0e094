import CZlib

/// gzip, zlib and raw deflate streams, inflated through zlib: `.html.gz` pages, WARC members and
/// HTTP `Content-Encoding` payloads are unwrapped with this before Decode (DESIGN.md, "Containers").
package enum Inflate {
    /// Which header and trailer the compressed bytes carry.
    package enum Wrapper: Sendable {
        /// A gzip member (RFC 1952): `.gz` files, WARC members, `Content-Encoding: gzip`.
        case gzip
        /// zlib (RFC 1950) or gzip, told apart by the header: what `Content-Encoding: deflate` means in
        /// practice.
        case zlibOrGzip
        /// A bare deflate stream (RFC 1951), which some servers send as `deflate`.
        case raw
    }

    /// How a stream ended.
    package enum Outcome: Sendable, Equatable {
        /// The stream's end was reached and its check value matched.
        case complete
        /// The input ran out before the stream's end: what was inflated is kept.
        case truncated
        /// zlib refused the data (a bad header, a bad block, a check value that does not match).
        case corrupt(String)
        /// The inflated size went past the caller's limit; inflation stopped there.
        case tooLarge
    }

    /// What one call inflated.
    package struct Result: Sendable {
        /// The inflated bytes (all of them for `complete`, what could be read otherwise).
        package var bytes: [UInt8]
        /// How many input bytes the stream took: a next member starts there.
        package var consumed: Int
        package var outcome: Outcome
    }

    /// Whether `bytes` start with gzip's magic number.
    package static func isGzip<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> Bool {
        var iterator = bytes.makeIterator()
        return iterator.next() == 0x1F && iterator.next() == 0x8B
    }

    /// Inflates the one stream that starts at the beginning of `input`, stopping at its end, so that
    /// `consumed` tells where what follows it (a next gzip member, a next WARC record) begins.
    package static func stream(_ input: ArraySlice<UInt8>, wrapper: Wrapper, limit: Int = .max) -> Result {
        var zstream = z_stream()
        let windowBits: Int32 = switch wrapper {
        case .gzip: 15 + 16
        case .zlibOrGzip: 15 + 32
        case .raw: -15
        }
        guard maqal_inflate_init(&zstream, windowBits) == Z_OK else {
            return Result(bytes: [], consumed: 0, outcome: .corrupt("zlib could not start"))
        }
        defer { inflateEnd(&zstream) }
        var output: [UInt8] = []
        output.reserveCapacity(Swift.min(limit, input.count * 4, 1 << 24))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        return input.withUnsafeBufferPointer { source -> Result in
            var offset = 0
            var status = Z_OK
            var tooLarge = false
            repeat {
                if zstream.avail_in == 0 && offset < source.count {
                    // avail_in is 32 bits: feed inputs over 4 GiB in slices.
                    let length = Swift.min(source.count - offset, Int(UInt32.max))
                    zstream.next_in = UnsafeMutablePointer(mutating: source.baseAddress! + offset)
                    zstream.avail_in = UInt32(length)
                    offset += length
                }
                status = chunk.withUnsafeMutableBufferPointer { buffer -> Int32 in
                    zstream.next_out = buffer.baseAddress
                    zstream.avail_out = UInt32(buffer.count)
                    let status = inflate(&zstream, Z_NO_FLUSH)
                    output.append(contentsOf: buffer[..<(buffer.count - Int(zstream.avail_out))])
                    return status
                }
                if output.count > limit {
                    output.removeSubrange(limit...)
                    tooLarge = true
                    break
                }
            } while status == Z_OK && (zstream.avail_in > 0 || zstream.avail_out == 0 || offset < source.count)
            let consumed = offset - Int(zstream.avail_in)
            if tooLarge { return Result(bytes: output, consumed: consumed, outcome: .tooLarge) }
            switch status {
            case Z_STREAM_END:
                return Result(bytes: output, consumed: consumed, outcome: .complete)
            case Z_OK, Z_BUF_ERROR:
                return Result(bytes: output, consumed: consumed, outcome: .truncated)
            default:
                let message = zstream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return Result(bytes: output, consumed: consumed, outcome: .corrupt(message))
            }
        }
    }

    /// A whole `.gz` file: every gzip member in turn, as `gzip -d` reads them (a file may hold
    /// several). Bytes after the last member that are not gzip are ignored, as gzip does.
    package static func gunzip(_ input: [UInt8], limit: Int = .max) -> Result {
        var output: [UInt8] = []
        var offset = 0
        repeat {
            var member = stream(input[offset...], wrapper: .gzip, limit: limit - output.count)
            if output.isEmpty { swap(&output, &member.bytes) } else { output += member.bytes }
            offset += member.consumed
            if member.outcome != .complete { return Result(bytes: output, consumed: offset, outcome: member.outcome) }
        } while offset < input.count && isGzip(input[offset...])
        return Result(bytes: output, consumed: offset, outcome: .complete)
    }
}
