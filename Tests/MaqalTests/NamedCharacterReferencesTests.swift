import CLibXML2
import Testing

@testable import Maqal

/// maqal's table of named character references is libxml2's, entry for entry, so the native
/// reader resolves `&name;` as libxml2 does without calling it.
@Suite struct NamedCharacterReferencesTests {
    /// libxml2's code point for `name`, or `nil` where `htmlEntityLookup` finds none.
    static func libxml2Value(_ name: String) -> UInt32? {
        name.withCString { htmlEntityLookup(UnsafeRawPointer($0).assumingMemoryBound(to: xmlChar.self)) }?.pointee.value
    }

    static func ours(_ name: String) -> UInt32? {
        Array(name.utf8).withUnsafeBufferPointer { NamedCharacterReferences.scalar(named: $0) }
    }

    @Test("the table's names are sorted, as the binary search needs, and each is found")
    func sortedAndFound() {
        let entries = NamedCharacterReferences.entries
        #expect(entries.count == 253)
        for (earlier, later) in zip(entries, entries.dropFirst()) {
            #expect(Array(earlier.name.utf8).lexicographicallyPrecedes(Array(later.name.utf8)), "\(earlier.name) before \(later.name)")
        }
        for entry in entries {
            #expect(!entry.name.isEmpty && entry.name.utf8.count <= NamedCharacterReferences.longestName)
            #expect(entry.name.utf8.allSatisfy { $0 & 0xDF >= 0x41 && $0 & 0xDF <= 0x5A || $0 >= 0x30 && $0 <= 0x39 }, "\(entry.name)")
            #expect(Self.ours(entry.name) == entry.scalar, "\(entry.name)")
        }
    }

    @Test("every name of ours is libxml2's, with libxml2's code point")
    func oursAreLibxml2s() {
        for entry in NamedCharacterReferences.entries {
            #expect(Self.libxml2Value(entry.name) == entry.scalar, "\(entry.name)")
            // libxml2 leaves a name whose value is 0 as written; none in the table has one.
            #expect(entry.scalar > 0, "\(entry.name)")
        }
    }

    /// `htmlEntityValueLookup` finds libxml2's entry for any code point it has one for, so asking
    /// for every code point lists its whole table; an entry sharing its value with another would
    /// hide behind it, so the entries found must also be one unbroken run of the table.
    @Test("every entry of libxml2's table is ours")
    func libxml2sAreOurs() {
        var found: [UnsafePointer<htmlEntityDesc>] = []
        for value in UInt32(0)...0x10FFFF {
            guard let entry = htmlEntityValueLookup(value) else { continue }
            found.append(entry)
            let name = String(cString: entry.pointee.name)
            #expect(Self.ours(name) == value, "\(name) is U+\(String(value, radix: 16)) in libxml2")
        }
        #expect(found.count == NamedCharacterReferences.count)
        let addresses = found.map { Int(bitPattern: $0) }.sorted()
        let stride = MemoryLayout<htmlEntityDesc>.stride
        #expect(zip(addresses, addresses.dropFirst()).allSatisfy { $1 - $0 == stride }, "libxml2's entries found are not one run")
    }

    @Test("names that are nearly a name are none, as in libxml2")
    func nearMisses() {
        var names: Set<String> = ["", "a", "AMP", "Nbsp", "NBSP", "thetasymx", "thetasy", "nbsp ", " nbsp", "nb\tsp", "nb-sp", "x:nbsp"]
        for entry in NamedCharacterReferences.entries {
            let name = entry.name
            for length in 1..<name.count { names.insert(String(name.prefix(length))) }
            for extra in ["1", "x", "z", "-", ".", ":", "_"] { names.insert(name + extra) }
            names.insert(name.uppercased())
            names.insert(name.lowercased())
            names.insert(String(name.dropFirst()))
        }
        for name in names.sorted() {
            #expect(Self.ours(name) == Self.libxml2Value(name), "\(name.debugDescription)")
        }
    }
}
