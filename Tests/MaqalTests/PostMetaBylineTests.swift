import Testing

@testable import Maqal

/// A byline inside a post-meta box (`entry-meta`, `post-meta`): the box is furniture, its labelled
/// byline is the author; a name with no label in it is not.
@Suite("Post-meta bylines")
struct PostMetaBylineTests {
    private static let prose = "<p>يحتاج الزعتر إلى شمس وافرة وتربة خفيفة جيدة التصريف، ولذلك تناسبه أسطح البيوت في المدن أكثر مما يظن كثيرون من سكانها.</p><p>تبدأ الزراعة في الربيع بعد انقضاء موجات البرد، وتكفي الشتلة الواحدة أصيصاً متوسط الحجم يُسقى مرة كل أسبوع.</p>"

    private static func parse(meta box: String, head: String = "") throws -> Document {
        let page = "<html><head><title>زراعة الزعتر على الأسطح</title><meta property=\"og:site_name\" content=\"مدونة البستان\">\(head)</head><body><article><h1>زراعة الزعتر على الأسطح</h1>\(box)\(prose)</article></body></html>"
        return try Maqal.parse(Array(page.utf8), options: ParseOptions(inputFormat: .html))
    }

    @Test("a labelled byline in a meta box is the author, without the date beside it", arguments: [
        ("<p class=\"post-meta\">كتبه: حسن العبدلي | 12 مارس 2024</p>", "حسن العبدلي"),
        ("<div class=\"article-meta\">بقلم: حسن العبدلي 12 مارس 2024</div>", "حسن العبدلي"),
        ("<div class=\"entry-meta\"><span>بقلم: حسن العبدلي</span> <time datetime=\"2024-03-12\">12 مارس 2024</time></div>", "حسن العبدلي"),
        ("<div class=\"meta\">12 مارس 2024 | إعداد: ريم السعدي | 3 تعليقات</div>", "ريم السعدي"),
        ("<div class=\"entry-meta\">نشر في 12 مارس 2024 - كتب: ريم السعدي</div>", "ريم السعدي"),
    ])
    func labelled(_ box: String, _ author: String) throws {
        let document = try Self.parse(meta: box)
        #expect(document.metadata.authors == [author])
        #expect(document.metadata.published?.hasPrefix("2024-03-12") == true)
        #expect(!MarkdownRenderer.render(document).contains(author))
    }

    @Test("a name and a date with no label in a meta box is no author")
    func unlabelled() throws {
        let document = try Self.parse(meta: "<div class=\"post-meta\">سعاد المراكشي 12 مارس 2024</div>")
        #expect(document.metadata.authors.isEmpty)
    }

    @Test("a byline span in a meta box gives its author once")
    func nestedOnce() throws {
        let box = "<div class=\"entry-meta\"><span class=\"byline\">بقلم: سلمى الخطيب</span> <span class=\"date\">12 مارس 2024</span></div>"
        #expect(try Self.parse(meta: box).metadata.authors == ["سلمى الخطيب"])
    }

    @Test("the site credited in a meta box is no author")
    func site() throws {
        let document = try Self.parse(meta: "<p class=\"post-meta\">بقلم: مدونة البستان | 12 مارس 2024</p>")
        #expect(document.metadata.authors.isEmpty)
    }

    @Test("the page's own author is not joined by the meta box's")
    func headAuthorWins() throws {
        let document = try Self.parse(
            meta: "<p class=\"post-meta\">كتبه: حسن العبدلي | 12 مارس 2024</p>",
            head: "<meta name=\"author\" content=\"حسن العبدلي\">")
        #expect(document.metadata.authors == ["حسن العبدلي"])
    }
}
