import Testing
@testable import Maqal

@Suite struct InflateTests {
    let article = Array(String(repeating: "<p>الساعات المائية في الحضارة العربية، وكيف قيس الوقت.</p>\n", count: 400).utf8)

    @Test func gzipMemberComesBackWhole() {
        let result = Inflate.stream(Deflate.compress(article)[...], wrapper: .gzip)
        #expect(result.outcome == .complete)
        #expect(result.bytes == article)
    }

    @Test(arguments: [Deflate.Wrapper.gzip, .zlib])
    func deflateHeaderIsToldFromTheBytes(wrapper: Deflate.Wrapper) {
        let result = Inflate.stream(Deflate.compress(article, wrapper: wrapper)[...], wrapper: .zlibOrGzip)
        #expect(result.outcome == .complete)
        #expect(result.bytes == article)
    }

    @Test func rawDeflate() {
        let result = Inflate.stream(Deflate.compress(article, wrapper: .raw)[...], wrapper: .raw)
        #expect(result.bytes == article)
    }

    @Test func consumedPointsAtTheNextMember() {
        let first = Deflate.compress(Array("first".utf8))
        let second = Deflate.compress(Array("second".utf8))
        let result = Inflate.stream((first + second)[...], wrapper: .gzip)
        #expect(result.bytes == Array("first".utf8))
        #expect(result.consumed == first.count)
        #expect(Inflate.gunzip(first + second).bytes == Array("firstsecond".utf8))
    }

    @Test func truncatedStreamKeepsWhatWasRead() {
        let compressed = Deflate.compress(article)
        let result = Inflate.gunzip(Array(compressed.prefix(compressed.count / 2)))
        #expect(result.outcome == .truncated)
        #expect(!result.bytes.isEmpty)
        #expect(article.starts(with: result.bytes))
    }

    @Test func corruptStreamIsSaid() {
        var compressed = Deflate.compress(article)
        for index in 12..<40 { compressed[index] ^= 0x5A }
        let result = Inflate.gunzip(compressed)
        guard case .corrupt = result.outcome else {
            Issue.record("expected corrupt, got \(result.outcome)")
            return
        }
    }

    @Test func limitStopsInflation() {
        let result = Inflate.gunzip(Deflate.compress(article), limit: 1000)
        #expect(result.outcome == .tooLarge)
        #expect(result.bytes.count == 1000)
    }

    @Test func notGzipIsNotGzip() {
        #expect(!Inflate.isGzip(Array("<html>".utf8)))
        #expect(Inflate.isGzip(Deflate.compress([1, 2, 3])))
    }
}
