import CZlib

/// One compressed stream (a gzip member, by default) inflated piece by piece as its bytes arrive:
/// how ``WARCReader`` reads a `.warc.gz` of any size without holding it, and the loop that
/// ``Inflate/stream(_:wrapper:limit:)`` drives over a stream held whole.
///
/// zlib's state points back at its `z_stream`, so the stream lives at a fixed heap address owned
/// by this object and freed with it; no pointer leaves the type.
package final class InflateStream {
    /// What one ``inflate(_:into:)`` call did.
    package enum Step: Equatable {
        /// All of the input was taken; the member goes on in the next input.
        case needsInput
        /// The member ended after `consumed` bytes of this input: a next member starts there.
        case ended(consumed: Int)
        /// zlib refused the data (a bad header, a bad block, a check value that does not match)
        /// after taking `consumed` bytes of this input.
        case corrupt(String, consumed: Int)
    }

    private let zstream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
    private var output = [UInt8](repeating: 0, count: 1 << 16)

    package init(wrapper: Inflate.Wrapper = .gzip) {
        zstream.initialize(to: z_stream())
        // A 32 KiB window (15), plus 16 for gzip's header and trailer or 32 to tell zlib from gzip.
        let windowBits: Int32 = switch wrapper {
        case .gzip: 15 + 16
        case .zlibOrGzip: 15 + 32
        case .raw: -15
        }
        precondition(maqal_inflate_init(zstream, windowBits) == Z_OK, "zlib could not start")
    }

    deinit {
        inflateEnd(zstream)
        zstream.deinitialize(count: 1)
        zstream.deallocate()
    }

    /// Starts a new member (after ``Step/ended(consumed:)`` or to resynchronise after damage).
    package func reset() {
        inflateReset(zstream)
    }

    /// Inflates what `input` holds of the current member, appending the bytes it makes to `target`.
    package func inflate(_ input: UnsafeBufferPointer<UInt8>, into target: inout [UInt8]) -> Step {
        guard let base = input.baseAddress, !input.isEmpty else { return .needsInput }
        zstream.pointee.next_in = UnsafeMutablePointer(mutating: base)
        zstream.pointee.avail_in = UInt32(input.count)
        while true {
            let status = output.withUnsafeMutableBufferPointer { buffer -> Int32 in
                zstream.pointee.next_out = buffer.baseAddress
                zstream.pointee.avail_out = UInt32(buffer.count)
                let status = CZlib.inflate(zstream, Z_NO_FLUSH)
                target.append(contentsOf: buffer[..<(buffer.count - Int(zstream.pointee.avail_out))])
                return status
            }
            switch status {
            case Z_STREAM_END:
                return .ended(consumed: input.count - Int(zstream.pointee.avail_in))
            case Z_OK:
                if zstream.pointee.avail_in == 0 && zstream.pointee.avail_out > 0 { return .needsInput }
            case Z_BUF_ERROR:
                // No progress possible: every input byte is taken and zlib waits for more.
                return .needsInput
            default:
                let message = zstream.pointee.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                return .corrupt(message, consumed: input.count - Int(zstream.pointee.avail_in))
            }
        }
    }
}
