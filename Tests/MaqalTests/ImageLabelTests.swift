import Testing

@testable import Maqal

@Suite("Image labels")
struct ImageLabelTests {
    /// What CMSs and cameras put in `alt` and captions when nobody wrote one.
    static let identifiers = [
        "12", "٣", "۱۴۰۲", "2024-05-11", "#7", "IMG_2034.JPG", "صورة-الخبر.jpg", "my photo.png", "DSC00123",
        "wp-image-4521", "photo_20230501", "image-1234", "5f3a9c2e8b1d", "3f2b8c1e-9d4a-4b6e-8f1a-2c3d4e5f6a7b",
    ]

    /// Real descriptions, some with numbers, codes or dots in them.
    static let descriptions = [
        "صيادون يصلحون شباكهم على الشاطئ عام 1962", "صورة 1", "COVID-19", "F-16", "A320", "iPhone15",
        "Boeing 737", "وزير النقل.", "deadbeef", "الرئيس في القمة 2023",
    ]

    @Test("Only a number, a file name or an id", arguments: identifiers)
    func identifier(_ text: String) {
        #expect(ImageLabel.isIdentifier(text))
    }

    @Test("A description, even with digits or a code in it", arguments: descriptions)
    func description(_ text: String) {
        #expect(!ImageLabel.isIdentifier(text))
    }

    @Test("Such alt text is no alt, no caption and no text in the paragraph")
    func inThePage() throws {
        let html = "<html><head><meta charset=\"utf-8\"><title>معرض الصور</title></head><body><article><h1>معرض الصور</h1>"
            + "<p>قالت رئيسة الجمعية إن الصور <img src=\"/a.jpg\" alt=\"DSC00123\" width=\"300\" height=\"200\"> وصلت من مئة عائلة.</p>"
            + "<figure><img src=\"/b.jpg\" alt=\"IMG_2034.JPG\"><figcaption>12</figcaption></figure>"
            + "<figure><img src=\"/c.jpg\" alt=\"مرفأ المدينة عام 1950\"><figcaption>المرفأ القديم</figcaption></figure>"
            + "</article></body></html>"
        let document = try Maqal.parse(Array(html.utf8), name: "page.html")
        let figures = document.body.compactMap { block -> Figure? in
            if case .figure(let figure) = block { return figure }
            return nil
        }
        #expect(figures.map(\.alt) == [nil, "مرفأ المدينة عام 1950"])
        #expect(figures.map(\.caption) == [nil, "المرفأ القديم"])
        #expect(TestSupport.paragraphs(document.body).map(\.text) == ["قالت رئيسة الجمعية إن الصور وصلت من مئة عائلة."])
    }
}
