/// Eight bytes at a time (SWAR): which bytes of a word are equal to, or below, a value, as the
/// high bit of each such byte. Exact for every byte, so a count of set bits counts bytes.
///
/// The scans over whole pages (UTF-8 validation, the UTF-16 and binary sniffs) are where these
/// pay: a byte-at-a-time loop spends several instructions a byte, a word one about one.
enum ByteMask {
    static let highBits: UInt64 = 0x8080_8080_8080_8080
    private static let lowBits: UInt64 = 0x7F7F_7F7F_7F7F_7F7F
    private static let ones: UInt64 = 0x0101_0101_0101_0101

    /// The eight bytes at `pointer`, the first in the lowest byte whatever the machine.
    @inline(__always)
    static func word(_ pointer: UnsafePointer<UInt8>) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(pointer).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of every byte of `word` that is `byte`.
    @inline(__always)
    static func equal(_ word: UInt64, _ byte: UInt8) -> UInt64 {
        let folded = word ^ (UInt64(byte) &* ones)
        // A byte's low seven bits plus 0x7F carry into its high bit unless they are all zero;
        // with the byte's own high bit or'ed in, only a zero byte is left clear. No byte carries
        // into the next.
        return ~(((folded & lowBits) &+ lowBits) | folded) & highBits
    }

    /// The high bit of every byte of `word` below `limit` (at most 0x80).
    @inline(__always)
    static func below(_ word: UInt64, _ limit: UInt8) -> UInt64 {
        ~(((word & lowBits) &+ UInt64(0x80 - limit) &* ones) | word) & highBits
    }
}
