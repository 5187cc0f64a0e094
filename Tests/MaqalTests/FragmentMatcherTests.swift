import Testing

@testable import Maqal

/// The class-name matcher finds each fragment wherever it stands, whatever other fragments share
/// its first bytes: its lookup groups fragments by their first two bytes, and a one-byte fragment
/// belongs to every group of its byte.
@Suite("Fragment matcher")
struct FragmentMatcherTests {
    private let matcher = FragmentMatcher(sets: [["a", "nav"], ["ab", "navbar", "ad-"], ["menu"]])

    @Test("Each set is found by its own fragments, and only by them")
    func setsFound() {
        #expect(matcher.sets(in: "xyz") == 0)
        #expect(matcher.sets(in: "side-nav") == 0b001)
        #expect(matcher.sets(in: "top-navbar") == 0b011)
        #expect(matcher.sets(in: "ad-slot") == 0b011)
        #expect(matcher.sets(in: "main-menu") == 0b101)
        #expect(matcher.sets(in: "men") == 0)
        #expect(matcher.matches("tab"))
        #expect(!matcher.matches("footer"))
    }

    @Test("Fragments that share first bytes are counted one by one")
    func countsFragments() {
        // `a`, `nav`, `ab`, `navbar` occur in "navbar-tab"; `ad-` and `menu` do not.
        #expect(matcher.countFound(in: "navbar-tab", upTo: 10) == 4)
        #expect(matcher.countFound(in: "navbar-tab", upTo: 2) == 2)
        #expect(matcher.countFound(in: "ad-menu", upTo: 10) == 3)
    }
}
