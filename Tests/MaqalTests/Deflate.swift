import CZlib

/// Compression for the tests, which build the gzip files, gzip members and WARC files that the
/// readers are tested on (no compressed test data is checked in).
enum Deflate {
    enum Wrapper { case gzip, zlib, raw }

    static func compress(_ bytes: [UInt8], wrapper: Wrapper = .gzip) -> [UInt8] {
        var stream = z_stream()
        let windowBits: Int32 = switch wrapper {
        case .gzip: 15 + 16
        case .zlib: 15
        case .raw: -15
        }
        precondition(maqal_deflate_init(&stream, Z_DEFAULT_COMPRESSION, windowBits) == Z_OK)
        defer { deflateEnd(&stream) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, UInt(bytes.count))) + 32)
        var input = bytes
        let produced = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int in
                stream.next_in = source.baseAddress
                stream.avail_in = UInt32(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = UInt32(target.count)
                precondition(deflate(&stream, Z_FINISH) == Z_STREAM_END)
                return target.count - Int(stream.avail_out)
            }
        }
        return Array(output[..<produced])
    }
}
