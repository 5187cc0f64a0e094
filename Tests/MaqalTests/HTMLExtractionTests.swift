import Foundation
import Testing

@testable import Maqal

/// The HTML path on small pages written for one behaviour each.
@Suite("HTML extraction")
struct HTMLExtractionTests {
    static let prose = "هذه فقرة من نص المقال تكفي لتكون نصاً حقيقياً، وفيها فواصل كثيرة، وتنتهي بنقطة في آخرها."

    func parse(_ body: String, head: String = "<title>عنوان المقال</title>") throws -> Document {
        try TestSupport.parse("<html><head>\(head)</head><body>\(body)</body></html>", format: .html)
    }

    @Test("navigation, sidebars, share bars, comments and hidden boxes are not the article")
    func furniture() throws {
        let document = try parse("""
            <nav><a href="/">الرئيسية</a><a href="/a">أخبار</a></nav>
            <div class="share-buttons"><a>فيسبوك</a><a>تويتر</a></div>
            <article><h1>عنوان المقال</h1><p>\(Self.prose)</p><p>\(Self.prose)</p>
            <div style="display: none"><p>نص مخفي لا يظهر للقارئ أبداً في الصفحة.</p></div></article>
            <aside class="sidebar"><h3>الأكثر قراءة</h3><ul><li><a href="/x">خبر آخر</a></li></ul></aside>
            <div id="comments"><h3>التعليقات</h3><p>تعليق من زائر على المقال يقول فيه رأيه بصراحة تامة.</p></div>
            <footer>جميع الحقوق محفوظة</footer>
            """)
        #expect(TestSupport.outline(document.body) == ["p " + Self.prose, "p " + Self.prose])
    }

    @Test("an in-body read-also paragraph and a related box inside the article are dropped")
    func readAlso() throws {
        let document = try parse("""
            <article><p>\(Self.prose)</p><p><strong>اقرأ أيضاً:</strong> <a href="/other">مقال آخر</a></p>
            <p>\(Self.prose)</p><h3>مقالات ذات صلة</h3><ul><li><a href="/1">أول</a></li><li><a href="/2">ثان</a></li></ul></article>
            """)
        #expect(TestSupport.outline(document.body) == ["p " + Self.prose, "p " + Self.prose])
    }

    @Test("opinion disclaimers and comment policies are the site speaking, not the article")
    func siteNotices() throws {
        let document = try parse("""
            <article><p>\(Self.prose)</p><p>\(Self.prose)</p>
            <p>الآراء الواردة أدناه لا تعبر عن رأي الموقع، بل تعكس وجهات نظر أصحابها فقط.</p>
            <p>المقالات المنشورة تعبر عن رأي كاتبها ولا تعبر بالضرورة عن رأي الصحيفة.</p></article>
            """)
        #expect(TestSupport.outline(document.body) == ["p " + Self.prose, "p " + Self.prose])
        // One notice phrase alone is an article's own sentence.
        let reported = try parse("<article><p>\(Self.prose)</p><p>ناقش المجلس الآراء الواردة في التقرير قبل التصويت عليه بالأغلبية.</p></article>")
        #expect(TestSupport.paragraphs(reported.body).count == 2)
    }

    @Test("a heading with nothing after it at the end of the body is a box title, not a section")
    func trailingHeading() throws {
        let document = try parse("""
            <article><p>\(Self.prose)</p><h2>قسم من المقال</h2><p>\(Self.prose)</p>
            <div class="list_box"><h3>أخبار يقرؤها الناس الآن :</h3><ul><li><a href="/1">خبر أول</a></li><li><a href="/2">خبر ثان</a></li></ul></div></article>
            """)
        #expect(TestSupport.outline(document.body) == ["p " + Self.prose, "h2 قسم من المقال", "  p " + Self.prose])
    }

    @Test("headings are re-based so the top section is level 2, and the title's h1 goes")
    func headingLevels() throws {
        let document = try parse("""
            <article><h1>عنوان المقال</h1><p>\(Self.prose)</p><h3>قسم</h3><p>\(Self.prose)</p><h4>فرع</h4><p>\(Self.prose)</p></article>
            """)
        #expect(TestSupport.outline(document.body) == [
            "p " + Self.prose, "h2 قسم", "  p " + Self.prose, "  h3 فرع", "    p " + Self.prose,
        ])
    }

    @Test("links resolve against the base, emphasis and code stay as inlines")
    func inlines() throws {
        let document = try parse("""
            <article><p>قرأت <a href="/wiki/x">مقالاً مهماً</a> عن <strong>البحث</strong> و<em>الترتيب</em> و<code>a + b</code> في الموسوعة، وكان ممتعاً جداً.</p>
            <p>\(Self.prose)</p></article>
            """, head: "<title>ت</title><base href=\"https://example.org/a/\">")
        let paragraph = try #require(TestSupport.paragraphs(document.body).first)
        #expect(paragraph.text == "قرأت مقالاً مهماً عن البحث والترتيب وa + b في الموسوعة، وكان ممتعاً جداً.")
        #expect(paragraph.inlines == [
            .text("قرأت "), .link(href: "https://example.org/wiki/x", children: [.text("مقالاً مهماً")]), .text(" عن "),
            .strong([.text("البحث")]), .text(" و"), .emphasis([.text("الترتيب")]), .text(" و"), .code("a + b"),
            .text(" في الموسوعة، وكان ممتعاً جداً."),
        ])
        #expect(TestSupport.paragraphs(document.body)[1].inlines == nil)
    }

    @Test("tables: header rows, caption, colspan and rowspan expanded to a rectangle")
    func table() throws {
        let document = try parse("""
            <article><p>\(Self.prose)</p><table><caption>جدول</caption><thead><tr><th>أ</th><th>ب</th><th>ج</th></tr></thead>
            <tbody><tr><td rowspan="2">1</td><td>2</td><td>3</td></tr><tr><td colspan="2">4</td></tr></tbody></table></article>
            """)
        let tables = TestSupport.all(document.body) { if case .table = $0 { true } else { false } }
        guard case .table(let table)? = tables.first else {
            Issue.record("no table")
            return
        }
        #expect(table.caption == "جدول")
        #expect(table.header == [["أ", "ب", "ج"]])
        #expect(table.rows == [["1", "2", "3"], ["", "4", ""]])
    }

    @Test("a layout table is a container, not data")
    func layoutTable() throws {
        let document = try parse("<table><tr><td><p>\(Self.prose)</p><p>\(Self.prose)</p></td></tr></table>")
        #expect(TestSupport.outline(document.body) == ["p " + Self.prose, "p " + Self.prose])
    }

    @Test("lists: ordered start, nested lists, term items, definition lists")
    func lists() throws {
        let document = try parse("""
            <article><p>\(Self.prose)</p><ol start="3"><li>الثالث</li><li>الرابع<ul><li>فرعي</li></ul></li></ol>
            <ul><li><b>المكونات:</b> ماء وملح</li></ul><dl><dt>المصطلح</dt><dd>شرحه</dd></dl></article>
            """)
        #expect(TestSupport.outline(document.body) == [
            "p " + Self.prose, "ol 3", "  - الثالث", "  - الرابع", "    ul", "      - فرعي", "ul", "  - [المكونات] المكونات: ماء وملح",
            "ul", "  - [المصطلح] المصطلح: شرحه",
        ])
    }

    @Test("lazy images, srcset, tracking pixels and icons")
    func images() throws {
        let document = try parse("""
            <article><p>\(Self.prose)</p>
            <figure><img src="data:image/gif;base64,R0lGOD" data-src="/img/a.jpg" alt="وصف"><figcaption>تعليق الصورة</figcaption></figure>
            <p><img srcset="/img/b-800.jpg 800w, /img/b-400.jpg 400w"></p>
            <img src="https://track.example.com/p.gif" width="1" height="1"><img src="/icons/fb.svg" width="16">
            <p>\(Self.prose)</p></article>
            """, head: "<title>ت</title><link rel=\"canonical\" href=\"https://news.example/x/y\">")
        #expect(TestSupport.figures(document.body) == [
            Figure(src: "https://news.example/img/a.jpg", alt: "وصف", caption: "تعليق الصورة"),
            Figure(src: "https://news.example/img/b-800.jpg"),
        ])
    }

    @Test("<br> soup: paragraphs at double breaks, marker lines as lists, bold lines as headings")
    func brSoup() throws {
        let document = try parse("""
            <div>\(Self.prose)<br><br><b>قسم أول</b><br><br>\(Self.prose)<br>- بند أول<br>- بند ثان<br><br>\(Self.prose)</div>
            """)
        #expect(TestSupport.outline(document.body) == [
            "p " + Self.prose, "h2 قسم أول", "  p " + Self.prose, "  ul", "    - بند أول", "    - بند ثان", "  p " + Self.prose,
        ])
    }

    @Test("a bold line is not a heading in a page that has real headings")
    func boldWithHeadings() throws {
        let document = try parse("""
            <article><h2>قسم</h2><p><b>سطر عريض قصير</b></p><p>\(Self.prose)</p></article>
            """)
        #expect(TestSupport.headings(document.body) == ["قسم"])
    }

    @Test("an ez-toc table of contents leaves no trace")
    func tableOfContents() throws {
        let document = try parse("""
            <article><p>\(Self.prose)</p><div id="ez-toc-container"><p class="ez-toc-title">جدول المحتويات</p>
            <nav><ul class="ez-toc-list"><li><a href="#a">القسم</a></li></ul></nav></div>
            <h2><span class="ez-toc-section" id="a"></span>القسم<span class="ez-toc-section-end"></span></h2><p>\(Self.prose)</p></article>
            """)
        #expect(TestSupport.outline(document.body) == ["p " + Self.prose, "h2 القسم", "  p " + Self.prose])
    }

    @Test("metadata from OpenGraph, JSON-LD and the title's site suffix")
    func metadata() throws {
        let head = """
            <title>عنوان الخبر - موقع الأخبار</title>
            <meta property="og:site_name" content="موقع الأخبار"><meta property="article:tag" content="سياسة">
            <meta property="article:tag" content="اقتصاد"><link rel="canonical" href="https://news.example/a">
            <script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"WebPage","name":"x"},
            {"@type":"NewsArticle","headline":"عنوان الخبر","datePublished":"2024-03-15T10:30:00+03:00",
            "author":[{"@type":"Person","name":"سلمى"}],"articleSection":"محليات"}]}</script>
            """
        let document = try parse("<html lang=\"ar\" dir=\"rtl\"><article><p>\(Self.prose)</p></article>", head: head)
        let metadata = document.metadata
        #expect(metadata.title == "عنوان الخبر")
        #expect(metadata.site == "موقع الأخبار")
        #expect(metadata.published == "2024-03-15T10:30:00+03:00")
        #expect(metadata.authors == ["سلمى"])
        #expect(metadata.tags == ["سياسة", "اقتصاد"])
        #expect(metadata.categories == ["محليات"])
        #expect(metadata.url == "https://news.example/a")
    }

    @Test("a visible Arabic date under the headline when nothing else dates the page")
    func visibleDate() throws {
        let document = try parse("""
            <div class="top">السبت 6 رمضان 1445هـ</div><h1>عنوان المقال</h1><div class="info">الثلاثاء 2 رمضان 1445هـ - 12 مارس 2024م</div>
            <div class="text"><p>\(Self.prose)</p><p>\(Self.prose)</p></div><div class="c">الأربعاء 3 رمضان 1445هـ</div>
            """)
        #expect(document.metadata.published == "2024-03-12")
    }

    @Test("a category listing says it is not an article")
    func listing() throws {
        var cards = ""
        for index in 1...8 {
            cards += "<div class=\"card\"><h2><a href=\"/n/\(index)\">خبر رقم \(index) في القسم</a></h2><p>مقتطف قصير من الخبر.</p></div>"
        }
        let document = try parse("<main>\(cards)</main>")
        #expect(document.body.isEmpty)
        #expect(document.diagnostics.contains { $0.id == .contentListing })
    }

    @Test("libxml2 is never left to guess: the decoded text is handed over as UTF-8")
    func noLibxmlGuessing() throws {
        // A UTF-8 page whose meta lies: libxml2 on its own would produce ط§ظ„ mojibake.
        let html = "<html><head><meta charset=\"windows-1256\"><title>العربية</title></head><body><p>\(Self.prose)</p></body></html>"
        let document = try Maqal.parse(Array(html.utf8), name: "x.html")
        #expect(document.metadata.title == "العربية")
        #expect(!JSONRenderer.render(document).contains("ط§"))
    }

    @Test("JSON-LD articleBody settles which box is the article when scoring alone would not")
    func articleBodyCrossCheck() throws {
        let article = "بدأت البلدية اليوم أعمال ترميم السوق القديم في وسط المدينة بعد سنوات من الإهمال والانتظار الطويل "
            + "ويشمل المشروع إصلاح الأسقف الخشبية وتجديد الأرضيات الحجرية وتحسين الإنارة في الممرات الضيقة "
            + "ويتوقع المسؤولون أن تنتهي المرحلة الأولى قبل نهاية العام وأن يعود التجار إلى محالهم بعد ذلك مباشرة"
        // A box of long, comma-rich text that out-scores the plainly written article.
        let chatter = (1...6).map { index in
            "<p>رأي رقم \(index)، وهو رأي طويل، فيه فواصل كثيرة، وكلام كثير، عن أمور شتى، لا علاقة لها بالخبر، "
                + "ولا بالسوق، ولا بالبلدية، بل بأشياء أخرى، كثيرة، متنوعة، ومتفرقة.</p>"
        }.joined()
        let head = """
            <title>ترميم السوق</title><script type="application/ld+json">{"@type":"NewsArticle",
            "headline":"ترميم السوق","articleBody":"\(article)"}</script>
            """
        let document = try parse("<div class=\"a\"><div>\(article)</div></div><div class=\"b\">\(chatter)</div>", head: head)
        let text = TestSupport.bodyText(document)
        #expect(text.contains("بدأت البلدية اليوم"))
        #expect(!text.contains("رأي رقم"))
    }

    @Test("a paragraph the page marks in another language carries lang")
    func paragraphLanguage() throws {
        let document = try TestSupport.parse("""
            <html lang="ar"><head><title>ت</title></head><body><article><p>\(Self.prose)</p>
            <blockquote lang="en"><p>This is what the minister said in English.</p></blockquote>
            <p lang="ar-EG">\(Self.prose)</p></article></body></html>
            """, format: .html)
        let paragraphs = TestSupport.paragraphs(document.body)
        #expect(paragraphs.map(\.lang) == [nil, "en", nil])
        #expect(paragraphs[1].dir == .ltr)
    }

    @Test("a heading bold throughout carries no inlines, and link labels keep their spaces outside the brackets")
    func boldHeadingAndLinkSpaces() throws {
        let document = try parse("""
            <article><h2><strong>قسم عريض</strong></h2><p>رأينا <a href="https://x.example/a">ضغط الدم </a>يرتفع في الصيف، \
            وهذه جملة تكفي لتكون فقرة، وتنتهي هنا.</p></article>
            """)
        guard case .section(let section)? = document.body.first else {
            Issue.record("no section")
            return
        }
        #expect(section.heading.inlines == nil)
        let markdown = MarkdownRenderer.render(document)
        #expect(markdown.contains("## قسم عريض\n"))
        #expect(markdown.contains("رأينا [ضغط الدم](https://x.example/a) يرتفع"))
    }
}
