#if canImport(Glibc)
import Glibc
#endif

extension String {
    /// Whether `needle` occurs in the string, compared as UTF-8 bytes.
    ///
    /// With Foundation imported, `contains(_:)` on strings bridges to `NSString.range(of:)`, which
    /// profiling showed costing two thirds of a page's parse in the class-name checks alone.
    func includes(_ needle: String) -> Bool {
        byteRange(of: needle) != nil
    }

    /// The first occurrence of `needle`, compared as UTF-8 bytes (the fast stand-in for
    /// Foundation's `range(of:)`, which bridges through NSString; see ``includes(_:)``).
    func byteRange(of needle: String) -> Range<String.Index>? {
        var haystack = self
        var pattern = needle
        let offset = haystack.withUTF8 { bytes in pattern.withUTF8 { ByteSearch.offset(of: $0, in: bytes) } }
        guard let offset else { return nil }
        let lower = utf8.index(startIndex, offsetBy: offset)
        let upper = utf8.index(lower, offsetBy: needle.utf8.count)
        return lower..<upper
    }
}

enum ByteSearch {
    /// Where `byte` first occurs in `haystack`, as a byte offset (the C library's `memchr`).
    static func offset(of byte: UInt8, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let base = haystack.baseAddress, let found = memchr(base, Int32(byte), haystack.count) else { return nil }
        return base.distance(to: found.assumingMemoryBound(to: UInt8.self))
    }

    /// Where `needle` first occurs in `haystack`, as a byte offset.
    static func offset(of needle: UnsafeBufferPointer<UInt8>, in haystack: UnsafeBufferPointer<UInt8>) -> Int? {
        guard !needle.isEmpty else { return 0 }
        guard needle.count <= haystack.count else { return nil }
        let first = needle[0]
        var index = 0
        let last = haystack.count - needle.count
        while index <= last {
            // Words without the needle's first byte are passed over whole.
            if index + 8 <= haystack.count {
                let found = ByteMask.equal(ByteMask.word(haystack.baseAddress! + index), first)
                if found == 0 {
                    index += 8
                    continue
                }
                index += found.trailingZeroBitCount >> 3
                if index > last { return nil }
            }
            if haystack[index] == first {
                var offset = 1
                while offset < needle.count && haystack[index + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return index }
            }
            index += 1
        }
        return nil
    }
}

/// Finds which of many short fragments (class-name words, Arabic notice phrases as keys) occur in
/// a text, in one pass over it: fragments are grouped by their first two bytes (in Arabic UTF-8
/// the first byte alone tells little, and in class names one first letter starts a dozen
/// fragments), so each position is compared only with the fragments that can start there.
///
/// Fragments may come in several sets, which one scan tells apart (``sets(in:)``): callers that
/// asked two matchers about the same name read it twice.
struct FragmentMatcher: Sendable {
    /// One bit per pair of a first byte and the byte after it that starts some fragment: most
    /// positions of a name start none, and this turns them away with one lookup. At the end of
    /// the text the next byte reads as 0, and a one-byte fragment sets its byte with every next
    /// byte.
    private let pairs: [UInt64]
    /// How many bits of ``pairs`` are set before each of its words: a pair's group is the number
    /// of set bits before its own.
    private let setBitsBefore: [Int]
    /// The fragments of group `g` are `groups[groupStarts[g]..<groupStarts[g + 1]]` (a one-byte
    /// fragment is in each group of its byte); their bytes are in `storage`. Flat arrays keep the
    /// inner loop free of reference counting.
    private let groups: [Fragment]
    private let groupStarts: [Int]
    private let storage: [UInt8]
    /// Every set's bit: the scan for ``sets(in:)`` stops once all are found.
    private let allSets: UInt32
    private let fragmentCount: Int

    private struct Fragment {
        /// Its place among the fragments the matcher was made with, all sets counted in turn.
        var index: Int
        var start: Int
        var count: Int
        /// The bit of the set it came from.
        var set: UInt32
    }

    /// A matcher for one set of fragments.
    init(_ fragments: [String]) {
        self.init(sets: [fragments])
    }

    /// A matcher for up to 32 sets, told apart by bit `k` for `sets[k]` in ``sets(in:)``.
    init(sets: [[String]]) {
        precondition(sets.count <= 32)
        var storage: [UInt8] = []
        // Every (pair, fragment) entry in a flat list sorted by pair, fragments of one pair in the
        // order they were given, rather than grouped in an `[Int: [Fragment]]`: the matchers are
        // built in a process's first page, and its first dictionary of that type cost a
        // protocol-conformance scan of the whole binary.
        var entries: [(pair: Int, fragment: Fragment)] = []
        var index = 0
        for (number, set) in sets.enumerated() {
            for fragment in set where !fragment.isEmpty {
                let bytes = Array(fragment.utf8)
                let entry = Fragment(index: index, start: storage.count, count: bytes.count, set: 1 << UInt32(number))
                storage += bytes
                index += 1
                let first = Int(bytes[0]) << 8
                if bytes.count == 1 {
                    for next in 0..<256 { entries.append((first | next, entry)) }
                } else {
                    entries.append((first | Int(bytes[1]), entry))
                }
            }
        }
        // Ties are broken by the fragment's place, so the order within a group does not depend
        // on the sort being stable.
        entries.sort { ($0.pair, $0.fragment.index) < ($1.pair, $1.fragment.index) }
        var pairs = [UInt64](repeating: 0, count: 1024)
        var groups: [Fragment] = []
        var groupStarts: [Int] = []
        for (position, entry) in entries.enumerated() {
            if position == 0 || entries[position - 1].pair != entry.pair {
                pairs[entry.pair >> 6] |= 1 << UInt64(entry.pair & 63)
                groupStarts.append(groups.count)
            }
            groups.append(entry.fragment)
        }
        groupStarts.append(groups.count)
        self.pairs = pairs
        setBitsBefore = pairs.reduce(into: [0]) { $0.append($0.last! + $1.nonzeroBitCount) }
        self.groups = groups
        self.groupStarts = groupStarts
        self.storage = storage
        allSets = sets.isEmpty ? 0 : UInt32.max >> (32 - UInt32(sets.count))
        fragmentCount = index
    }

    /// Whether any fragment occurs in `name`.
    func matches(_ name: String) -> Bool {
        sets(in: name) != 0
    }

    /// The sets with a fragment in `text`: bit `k` for the `k`th set the matcher was made with.
    func sets(in text: String) -> UInt32 {
        var found: UInt32 = 0
        search(text) { fragment in
            found |= fragment.set
            return found == allSets
        }
        return found
    }

    /// How many different fragments occur in `text`; counting stops at `limit`.
    func countFound(in text: String, upTo limit: Int) -> Int {
        var seen = [Bool](repeating: false, count: fragmentCount)
        var count = 0
        search(text) { fragment in
            if !seen[fragment.index] {
                seen[fragment.index] = true
                count += 1
            }
            return count >= limit
        }
        return count
    }

    /// Calls `found` with each fragment at each place it occurs, in text order, until `found`
    /// returns true.
    ///
    /// Runs for every class and id name of every element: on buffers, the loop has no bounds
    /// checks.
    @inline(__always)
    private func search(_ text: String, _ found: (Fragment) -> Bool) {
        var text = text
        text.withUTF8 { bytes in
            pairs.withUnsafeBufferPointer { pairs in
                setBitsBefore.withUnsafeBufferPointer { setBitsBefore in
                    groups.withUnsafeBufferPointer { groups in
                        groupStarts.withUnsafeBufferPointer { groupStarts in
                            storage.withUnsafeBufferPointer { storage in
                                for start in bytes.indices {
                                    let room = bytes.count - start
                                    let pair = Int(bytes[start]) << 8 | (room > 1 ? Int(bytes[start + 1]) : 0)
                                    let word = pairs[pair >> 6]
                                    let bit: UInt64 = 1 << UInt64(pair & 63)
                                    guard word & bit != 0 else { continue }
                                    let group = setBitsBefore[pair >> 6] + (word & (bit - 1)).nonzeroBitCount
                                    for fragment in groups[groupStarts[group]..<groupStarts[group + 1]] {
                                        guard fragment.count <= room else { continue }
                                        // The first two bytes are the group's (one, for a one-byte
                                        // fragment); offsets stay within `room` and the storage.
                                        var offset = 2
                                        while offset < fragment.count
                                            && bytes[start &+ offset] == storage[fragment.start &+ offset]
                                        {
                                            offset &+= 1
                                        }
                                        if offset >= fragment.count && found(fragment) { return }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }
}
