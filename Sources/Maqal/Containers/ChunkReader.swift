import Foundation

/// One `read(2)` of a file or pipe into the end of a byte array, retried after a signal: the step
/// ``WARCReader`` and the `records` line reader both read their input by.
package enum ChunkReader {
    /// Appends up to `count` bytes read from `descriptor` to `bytes`; how many were read, 0 at the
    /// end of input and -1 on a read error.
    package static func append(from descriptor: Int32, to bytes: inout [UInt8], count: Int) -> Int {
        bytes.reserveCapacity(bytes.count + count)
        var read = 0
        repeat {
            read = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
                let read = Foundation.read(descriptor, buffer.baseAddress!, buffer.count)
                if read > 0 { bytes.append(contentsOf: buffer[..<read]) }
                return read
            }
        } while read < 0 && errno == EINTR
        return read
    }
}
