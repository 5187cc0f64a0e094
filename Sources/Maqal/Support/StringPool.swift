import Foundation

/// One `String` per distinct byte sequence, for the attribute values of one parse.
///
/// Pages repeat their values: across the corpus over half of all `class` and `style` values,
/// and most `rel` and `target` values, are repeats on the same page. A repeat that finds its
/// string here skips an allocation and a UTF-8 check when the tree is built, and a free when it
/// is dropped. Entries are numbered in the order they were added, so callers can keep what
/// they work out from a value (its class names) beside its number.
struct StringPool {
    private var hashes: [UInt64] = []
    private var strings: [String] = []
    /// Open addressing over `entries`: an entry number plus one, 0 for a free slot.
    private var slots: [Int32]
    private var mask: Int

    init(capacity: Int = 1024) {
        var size = 16
        while size < 2 * capacity { size *= 2 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        hashes.reserveCapacity(capacity)
        strings.reserveCapacity(capacity)
    }

    /// How many distinct values the pool holds.
    var count: Int { strings.count }

    subscript(number: Int) -> String { strings[number] }

    /// The number of the entry for `value`, adding it if it is new.
    mutating func number(of value: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(UnsafeRawBufferPointer(value))
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot]) - 1
            if hashes[number] == hash && Self.equal(strings[number], value) { return number }
            slot = (slot + 1) & mask
        }
        let number = strings.count
        hashes.append(hash)
        strings.append(String(decoding: value, as: UTF8.self))
        slots[slot] = Int32(number + 1)
        // Half full at most, so a probe for a new value soon meets a free slot.
        if 2 * strings.count > slots.count { grow() }
        return number
    }

    private static func equal(_ string: String, _ value: UnsafeBufferPointer<UInt8>) -> Bool {
        string.utf8.withContiguousStorageIfAvailable { stored in
            stored.count == value.count && (value.isEmpty || memcmp(stored.baseAddress!, value.baseAddress!, value.count) == 0)
        } ?? string.utf8.elementsEqual(value)
    }

    private mutating func grow() {
        let size = slots.count * 2
        slots = Array(repeating: 0, count: size)
        mask = size - 1
        for (number, hash) in hashes.enumerated() {
            var slot = Int(truncatingIfNeeded: hash) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }

    /// Mixes eight bytes at a time: values run to tens of bytes, so a
    /// byte-at-a-time hash would cost more than the lookup saves.
    private static func hash(_ value: UnsafeRawBufferPointer) -> UInt64 {
        let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
        var hash = UInt64(value.count) &* multiplier
        var offset = 0
        while offset + 8 <= value.count {
            hash = (hash ^ value.loadUnaligned(fromByteOffset: offset, as: UInt64.self)) &* multiplier
            hash ^= hash >> 29
            offset += 8
        }
        if offset < value.count {
            var tail: UInt64 = 0
            for index in offset..<value.count { tail = tail << 8 | UInt64(value[index]) }
            hash = (hash ^ tail) &* multiplier
        }
        // The multiplications mix upwards: fold the high half in, as slots take the low bits.
        return hash ^ hash >> 32
    }
}
