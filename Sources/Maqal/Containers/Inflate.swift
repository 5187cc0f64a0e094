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
        let inflater = InflateStream(wrapper: wrapper)
        var output: [UInt8] = []
        output.reserveCapacity(Swift.min(limit, input.count * 4, 1 << 24))
        return input.withUnsafeBufferPointer { source -> Result in
            var offset = 0
            // Fed a slice at a time, so a stream that inflates past `limit` (a zip bomb) is stopped
            // within a slice's worth of output (deflate makes at most ~1,000 bytes of one).
            let slice = 1 << 14
            while true {
                let piece = UnsafeBufferPointer(rebasing: source[offset..<Swift.min(offset + slice, source.count)])
                let step = inflater.inflate(piece, into: &output)
                if output.count > limit {
                    output.removeSubrange(limit...)
                    return Result(bytes: output, consumed: offset + piece.count, outcome: .tooLarge)
                }
                switch step {
                case .ended(let consumed):
                    return Result(bytes: output, consumed: offset + consumed, outcome: .complete)
                case .corrupt(let message, let consumed):
                    return Result(bytes: output, consumed: offset + consumed, outcome: .corrupt(message))
                case .needsInput:
                    offset += piece.count
                    if offset >= source.count {
                        return Result(bytes: output, consumed: offset, outcome: .truncated)
                    }
                }
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
