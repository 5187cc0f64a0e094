import Testing

@testable import Maqal

/// A broken run and what it must come back as.
struct RepairCase: Sendable, CustomTestStringConvertible {
    let broken: String
    let clean: String
    var evidence: MojibakeRepair.Evidence = .run
    let testDescription: String
}

enum RepairCases {
    /// UTF-8 read as windows-1252 with the five bytes 1252 leaves undefined (0x81 of ف among them) dropped or
    /// turned into U+FFFD by the tool that stored it.
    static func lossy1252(_ text: String, lostAs replacement: String) -> String {
        var result = ""
        for byte in text.utf8 {
            if [0x81, 0x8D, 0x8F, 0x90, 0x9D].contains(byte) {
                result += replacement
            } else {
                result.unicodeScalars.append(CodePage.windows1252.decode([byte]).unicodeScalars.first!)
            }
        }
        return result
    }

    static func as1256(_ text: String) -> String { CodePage.windows1256.decode(Array(text.utf8)) }

    static let repaired: [RepairCase] = [
        .init(broken: lossy1252("في الصف الأول مكثف", lostAs: ""), clean: "في الصف الأول مكثف",
              testDescription: "ف whose 0x81 was dropped"),
        .init(broken: lossy1252("في الصف الأول مكثف", lostAs: "\u{FFFD}"), clean: "في الصف الأول مكثف",
              testDescription: "ف whose 0x81 became U+FFFD"),
        .init(broken: lossy1252("ويتضمن البرنامج", lostAs: "") + "، " + lossy1252("المصاحب ندوات", lostAs: ""),
              clean: "ويتضمن البرنامج، المصاحب ندوات", testDescription: "a clean Arabic comma inside 1252 mojibake"),
        .init(broken: as1256("ويتضمن") + " البرنامج " + as1256("ندوات شعرية"), clean: "ويتضمن البرنامج ندوات شعرية",
              testDescription: "a clean word inside 1256 mojibake"),
        .init(broken: as1256("ويتضمن") + " عکس " + as1256("ندوات"), clean: "ويتضمن عکس ندوات",
              testDescription: "a clean Persian word whose عک looks like a tell-tale pair, inside 1256 mojibake"),
        .init(broken: lossy1252("و", lostAs: ""), clean: "و", evidence: .page,
              testDescription: "a one-letter run between links, on a page with mojibake"),
    ]

    /// Runs that must stay as they are.
    static let kept: [RepairCase] = [
        .init(broken: lossy1252("و", lostAs: ""), clean: "", testDescription: "a one-letter run, judged on its own"),
        .init(broken: "ارتفاع ضغط، الدم عند الكبار", clean: "", evidence: .page,
              testDescription: "clean Arabic with one tell-tale pair (ط،)"),
        .init(broken: "Où est Ùlrich? Éléonore à Ørsted", clean: "", evidence: .page,
              testDescription: "Latin text with Ù and Ø"),
    ]
}

@Suite("Mojibake repair")
struct MojibakeRepairTests {
    @Test("Broken runs come back clean", arguments: RepairCases.repaired)
    func repaired(_ testCase: RepairCase) {
        #expect(MojibakeRepair.repair(testCase.broken, evidence: testCase.evidence) == testCase.clean)
    }

    @Test("Clean or too-weak runs are left alone", arguments: RepairCases.kept)
    func kept(_ testCase: RepairCase) {
        #expect(MojibakeRepair.repair(testCase.broken, evidence: testCase.evidence) == nil)
    }

    @Test("On arbitrary mixes of clean text, mojibake and stray characters a repair never makes a run worse")
    func neverWorse() {
        let alphabet = Array("ويتضمن عکس Ø§Ù„Ø ØªÙ ÙŠ Ùˆ ط§ظ„ ظˆ Çá Ã˜ Â« ، ؟ \u{FFFD}\u{81}\u{AD} abc 12 .")
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<3000 {
            let length = Int.random(in: 1...24, using: &generator)
            let text = String((0..<length).map { _ in alphabet.randomElement(using: &generator)! })
            for evidence in [MojibakeRepair.Evidence.run, .page] {
                guard let fixed = MojibakeRepair.repair(text, evidence: evidence) else { continue }
                #expect(MojibakeRepair.suspicion(fixed) < MojibakeRepair.suspicion(text), "\(text.debugDescription)")
            }
        }
    }

    @Test("The windows-1256 continuation scalars are the code page's, and none is ASCII or a plain Arabic letter")
    func continuations1256() {
        let continuations = Set(CodePage.windows1256.high[..<0x40].filter { $0 != 0 }.map(UInt32.init))
        // The shortcut in isContinuation1256 turns these away without the bit set.
        #expect(!continuations.contains { $0 < 0x80 || (0x0621...0x064A).contains($0) })
        for value in UInt32(0)..<0x2300 {
            #expect(MojibakeRepair.isContinuation1256(value) == continuations.contains(value), "U+\(String(value, radix: 16))")
        }
        // ، and پ are written 0xA1 and 0x81: a pair's second half.
        #expect(MojibakeRepair.isContinuation1256(0x060C) && MojibakeRepair.isContinuation1256(0x067E))
    }

    @Test("A text's one-letter line is repaired once another line was")
    func lines() {
        let heading = RepairCases.lossy1252("مواعيد الزيارة", lostAs: "")
        let short = RepairCases.lossy1252("و", lostAs: "")
        let result = MojibakeRepair.repairLines(heading + "\n\n" + short + "\nنص سليم")
        #expect(result.text == "مواعيد الزيارة\n\nو\nنص سليم")
        #expect(result.repaired == 2)
    }

    @Test("On an HTML page every block is repaired, heading and paragraph alike")
    func everyBlock() throws {
        let broken = { (text: String) in RepairCases.lossy1252(text, lostAs: "") }
        let html = "<html><head><meta charset=\"utf-8\"><title>معرض</title></head><body><article><h1>معرض الخط</h1>"
            + "<p>انطلق المعرض مساء أمس بمشاركة خطاطين من عشر مدن عربية.</p>"
            + "<h2>\(broken("مواعيد الزيارة"))</h2><p>\(broken("يفتح المعرض في العاشرة")) <a href=\"/a\">\(broken("في القاعة"))</a> "
            + "\(broken("و"))<a href=\"/b\">\(broken("الحديقة"))</a>\(broken("، ويغلق في التاسعة."))</p></article></body></html>"
        let document = try Maqal.parse(Array(html.utf8), name: "page.html")
        let text = TestSupport.bodyText(document)
        #expect(text.contains("مواعيد الزيارة"))
        #expect(text.contains("يفتح المعرض في العاشرة في القاعة والحديقة، ويغلق في التاسعة."))
        #expect(!text.contains("Ù") && !text.contains("Ø"))
    }
}

