/// Arabic site furniture: phrases that mark a line, block or box as not part of the article.
///
/// Entries are written as sites write them; lookups go through ``ArabicKey`` so spelling
/// variants (أيضاً / أيضًا / ايضا, إ / ا) match. Numbers in the comments refer to the table in
/// ARABIC.md §4, where each phrase's source is recorded.
struct BoilerplateLexicon: Sendable {
    /// What a phrase says about the block that holds it.
    enum Role: UInt8, Sendable, Equatable {
        /// The block is furniture: drop it when the phrase is all (or, for `.prefix`, the start) of it.
        case furniture
        /// The block opens a non-article box (related posts, comments): drop it and what follows it.
        case boxTitle
        /// A table of contents title: drop it and the list of links under it.
        case tableOfContents
    }

    /// How much of a block the phrase must cover.
    enum Extent: Sendable, Equatable {
        /// The block's key equals the phrase's key.
        case whole
        /// The block's key starts with the phrase's key (a label followed by a title or a name).
        case prefix
    }

    struct Entry: Sendable {
        let phrase: String
        let role: Role
        let extent: Extent
    }

    /// The lexicon of ``entries``, read from the keys made of them ahead of time
    /// (`BoilerplateLexicon+Table.swift`): making the ~330 keys and their hash table at start-up
    /// cost 1.8M instructions (a fifth of a one-line run), reading the table about 40,000.
    static let shared = BoilerplateLexicon(table: generatedTable)

    /// The table's text (``init(table:)``): its `W` lines hold every phrase's key, sorted by their
    /// UTF-8 bytes (the first entry of a key wins), and ``wholeStarts`` and ``wholeEnds`` say where
    /// each key starts and ends; the role's digit stands two bytes before the key.
    private let tableBytes: [UInt8]
    private let wholeStarts: [Int]
    private let wholeEnds: [Int]
    /// Keys of the prefix phrases as UTF-8, longest first.
    private let prefixBytes: [(key: [UInt8], role: Role)]

    /// The lexicon of `entries`, keyed now (for tests and for writing the table).
    init(entries: [Entry]) {
        var table = Self.table(of: entries)
        self = table.withUTF8 { Self(lines: $0) }
    }

    /// The lexicon of a table written by ``table(of:)``.
    init(table: StaticString) {
        self = table.withUTF8Buffer { Self(lines: $0) }
    }

    private init(lines text: UnsafeBufferPointer<UInt8>) {
        // The keys are read where they stand in one copy of the table, not gathered key by key:
        // this runs in every process that reads a text or a page.
        var wholeStarts: [Int] = [], wholeEnds: [Int] = []
        var prefixBytes: [(key: [UInt8], role: Role)] = []
        wholeStarts.reserveCapacity(text.count / 16)
        wholeEnds.reserveCapacity(text.count / 16)
        // Lines `W<role> <key>` (every key, sorted) and `P<role> <key>` (prefix keys, in order).
        var start = 0
        while start < text.count {
            let end = start + (ByteSearch.offset(of: 0x0A, in: UnsafeBufferPointer(rebasing: text[start...])) ?? text.count - start)
            if end - start >= 3, let role = Role(rawValue: text[start + 1] &- 0x30) {
                if text[start] == 0x57 {  // W
                    wholeStarts.append(start + 3)
                    wholeEnds.append(end)
                } else {
                    prefixBytes.append((Array(text[(start + 3)..<end]), role))
                }
            }
            start = end + 1
        }
        (self.tableBytes, self.wholeStarts, self.wholeEnds, self.prefixBytes) = (Array(text), wholeStarts, wholeEnds, prefixBytes)
    }

    /// The table of `entries` as ``init(table:)`` reads it, which `BoilerplateLexiconTableTests`
    /// compares with the one compiled in (and writes anew with `MAQAL_WRITE_LEXICON_TABLE=1`).
    static func table(of entries: [Entry]) -> String {
        let keyed = entries.map { (key: Self.caseless(ArabicKey.make($0.phrase)), entry: $0) }
        var whole: [String: Role] = [:]
        for (key, entry) in keyed where whole[key] == nil { whole[key] = entry.role }
        let sorted = whole.sorted { Array($0.key.utf8).lexicographicallyPrecedes(Array($1.key.utf8)) }
        // Longest first by characters; ties keep the order of the entries.
        let prefixes = keyed.enumerated().filter { $0.element.entry.extent == .prefix }
            .sorted { ($0.element.key.count, -$0.offset) > ($1.element.key.count, -$1.offset) }
        return (sorted.map { "W\($0.value.rawValue) \($0.key)" }
            + prefixes.map { "P\($0.element.entry.role.rawValue) \($0.element.key)" }).joined(separator: "\n")
    }

    /// The role of a key in the sorted table, by binary search over its bytes.
    private func wholeRole(_ key: UnsafeBufferPointer<UInt8>) -> Role? {
        tableBytes.withUnsafeBufferPointer { bytes in
            var (low, high) = (0, wholeEnds.count)
            while low < high {
                let middle = (low + high) / 2
                let start = wholeStarts[middle]
                let candidate = UnsafeBufferPointer(rebasing: bytes[start..<wholeEnds[middle]])
                let common = min(candidate.count, key.count)
                var at = 0
                while at < common && candidate[at] == key[at] { at += 1 }
                let before = at < common ? candidate[at] < key[at] : candidate.count < key.count
                if at == common && candidate.count == key.count { return Role(rawValue: bytes[start - 2] &- 0x30) }
                if before { low = middle + 1 } else { high = middle }
            }
            return nil
        }
    }

    /// The role of a block whose text has the key `key`, if it is furniture at all.
    ///
    /// A prefix phrase matches only a short block (at most `maxWords` words after the phrase), so
    /// a paragraph that merely starts with "تابعونا" is not dropped.
    func role(ofKey key: String, maxWords: Int = 14) -> Role? {
        if key.isEmpty { return nil }
        var key = Self.caseless(key)
        // Compared as bytes: a key holds no combining marks (``ArabicKey`` drops them), so a byte
        // prefix followed by a space is a prefix of whole characters. `hasPrefix` and counting
        // characters cost more than the rest of the lookup.
        return key.withUTF8 { bytes in
            if let role = wholeRole(bytes) { return role }
            for (prefix, role) in prefixBytes where bytes.count > prefix.count && bytes[prefix.count] == 0x20 {
                guard bytes.starts(with: prefix) else { continue }
                if Self.wordCount(UnsafeBufferPointer(rebasing: bytes[(prefix.count + 1)...])) <= maxWords { return role }
            }
            return nil
        }
    }

    /// A key with Latin capitals lower-cased, so `Related Posts` finds `Related posts`; Arabic
    /// keys (no byte in A–Z or the Latin-1 and Latin Extended leads C3–C5) are returned as they are.
    static func caseless(_ key: String) -> String {
        key.utf8.contains(where: { (0x41...0x5A).contains($0) || (0xC3...0xC5).contains($0) }) ? key.lowercased() : key
    }

    /// Space-separated words of a key.
    private static func wordCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var words = 0
        var previous: UInt8 = 0x20
        for byte in bytes {
            if previous == 0x20 && byte != 0x20 { words += 1 }
            previous = byte
        }
        return words
    }

    func role(of text: some StringProtocol) -> Role? {
        guard text.utf8.count <= Self.longestText else { return nil }
        return role(ofKey: ArabicKey.make(text))
    }

    /// ``role(of:)`` for a text whose key the caller has made already.
    func role(of text: String, key: String) -> Role? {
        guard text.utf8.count <= Self.longestText else { return nil }
        return role(ofKey: key)
    }

    /// No phrase plus its title runs longer (in UTF-8 bytes); a paragraph of prose is never
    /// furniture by the lexicon.
    static let longestText = 400

    /// Phrases of comment policies, opinion disclaimers and site notices ("الآراء الواردة في
    /// التعليقات تعبر عن رأي أصحابها…", "… لا تعبر بالضرورة عن رأي الموقع"): a paragraph that uses
    /// two or more of them is the site speaking, not the article.
    static let noticeKeys: [String] = [
        "التعليقات", "سياسة الخصوصية", "شروط الاستخدام", "شروط استخدام الموقع", "ارشادات الاستخدام",
        "تعبر عن راي اصحابها", "لا تعكس", "وجهات نظر اصحابها", "قبل نشرها", "الحقوق محفوظة", "ملفات تعريف الارتباط",
        "الاراء الواردة", "لا تعبر عن راي", "لا تعبر بالضروره عن", "تعبر عن راي كاتبها",
    ].map(ArabicKey.make)

    /// Whether a paragraph reads as a site notice (two or more notice phrases, and short).
    static func isSiteNotice(_ text: String) -> Bool {
        guard WordCounter.count(text, upTo: 90) <= 90 else { return false }
        return isSiteNotice(key: ArabicKey.make(text))
    }

    /// ``isSiteNotice(_:)`` for a paragraph of at most 90 words, by its key.
    static func isSiteNotice(key: String) -> Bool {
        noticePhrases.countFound(in: key, upTo: 2) >= 2
    }

    private static let noticePhrases = FragmentMatcher(noticeKeys)

    /// The first crumb of a breadcrumb trail, naming the site's front page (``BreadcrumbLine``).
    static let homeCrumbKeys: Set<String> = Set([
        // `الرئيسية » أخبار » …`: news and blog themes in Arabic (the common spelling).
        "الرئيسية", "الصفحة الرئيسية", "الرئيسة",
        // English themes left untranslated on Arabic sites, and the icon's label.
        "Home", "الصفحة الأم",
    ].map(ArabicKey.make))

    // MARK: - The table

    static let entries: [Entry] = {
        var list: [Entry] = []
        func add(_ role: Role, _ extent: Extent, _ phrases: String...) {
            list += phrases.map { Entry(phrase: $0, role: role, extent: extent) }
        }
        // §4 #1–2, #52: "read also" labels followed by a linked title.
        add(.furniture, .prefix, "اقرأ أيضاً", "إقرأ أيضاً", "اقرأ أيضا", "اقرأ المزيد", "إقرأ المزيد",
            "أكمل القراءة", "تابع القراءة", "للمزيد", "لمزيد من المعلومات اقرأ", "اقرأ كذلك", "طالع أيضاً",
            "يمكنك أيضاً قراءة", "ننصحك بقراءة", "قد يهمك أيضاً", "قد يعجبك أيضاً", "شاهد أيضاً")
        // §4 #3–9: titles of related-posts boxes and sidebar lists.
        add(.boxTitle, .whole, "مقالات ذات صلة", "أخبار ذات صلة", "موضوعات ذات صلة", "مواضيع ذات صلة",
            "مقالات مشابهة", "مواضيع مشابهة", "أخبار مشابهة", "قد يعجبك أيضاً", "قد يهمك", "مقالات قد تهمك",
            "الأكثر قراءة", "الأكثر مشاهدة", "الأكثر تداولاً", "الأكثر شعبية", "رائج الآن", "آخر الأخبار",
            "أحدث الأخبار", "أحدث المقالات", "أحدث المنشورات", "المشاركات الشائعة", "المزيد من الأخبار",
            "مقالات أخرى", "اخترنا لك", "المقالات المرتبطة")
        // §4 #27, #30–31: comment sections.
        add(.boxTitle, .whole, "اترك تعليقاً", "اترك رداً", "أضف تعليقاً", "أضف تعليق", "شارك بتعليقك",
            "التعليقات", "تعليقات فيسبوك", "إرسال تعليق", "لا توجد تعليقات", "كن أول من يعلق", "تعليق واحد",
            "0 تعليق", "التعليقات مغلقة")
        // §4 #10–19: tickers, "more", post navigation, breadcrumbs, UI words.
        add(.furniture, .whole, "عاجل", "الأخبار العاجلة", "شريط الأخبار", "المزيد", "عرض المزيد",
            "إظهار المزيد", "تحميل المزيد", "المقال السابق", "المقال التالي", "الخبر السابق", "الخبر التالي",
            "السابق", "التالي", "رسالة أحدث", "رسالة أقدم", "الصفحة الرئيسية", "الرئيسية", "إغلاق", "بحث",
            "بحث عن", "ابحث", "ابحث هنا", "اكتب كلمة البحث", "القائمة", "القائمة الرئيسية",
            "القائمة الجانبية", "تبديل التنقل", "تسجيل الدخول", "تسجيل", "حسابي", "تسجيل الخروج",
            "نسيت كلمة المرور", "رد", "إلغاء الرد")
        // §4 #15: back-to-top links.
        add(.furniture, .whole, "زر الذهاب إلى الأعلى", "العودة إلى الأعلى", "الرجوع للأعلى", "للأعلى",
            "العودة للأعلى", "الذهاب إلى الأعلى")
        // §4 #20: table-of-contents titles (the seed article writes "جدول المحتوي").
        add(.tableOfContents, .whole, "جدول المحتويات", "جدول المحتوي", "محتويات المقال", "فهرس المحتويات",
            "المحتويات", "محتويات", "فهرس المقال", "محتوى المقال")
        // §4 #21–26: share, follow, save and newsletter bars.
        add(.furniture, .whole, "شارك", "شارك المقال", "شارك الخبر", "شاركها", "مشاركة", "انسخ الرابط",
            "تم نسخ الرابط", "فيسبوك", "تويتر", "إكس", "واتساب", "تيليجرام", "تلغرام", "لينكدإن", "بينتيريست",
            "البريد الإلكتروني", "طباعة", "أرسل لصديق", "إرسال بالبريد", "حفظ", "أضف إلى المفضلة",
            "اشترك الآن", "النشرة البريدية", "النشرة الإخبارية", "شارك هذا المقال", "مشاركة الخبر")
        add(.furniture, .prefix, "تابعونا", "تابعنا", "تابعوا", "انضم إلى قناتنا", "تابع آخر الأخبار",
            "اشترك في قناتنا", "اشترك في النشرة البريدية", "أدخل بريدك الإلكتروني", "شارك المقال على",
            "شارك على", "حمل التطبيق", "حمّل التطبيق", "تحميل تطبيق")
        // A share label with the networks' names after it on one line (`شارك المقال: فيسبوك تويتر`);
        // the bare verb `شارك` ("took part") starts prose too often to be a prefix.
        add(.furniture, .prefix, "شارك المقال", "شارك الخبر", "شارك هذا المقال")
        // §4 #28–29: WordPress comment form.
        add(.furniture, .prefix, "لن يتم نشر عنوان بريدك الإلكتروني", "احفظ اسمي", "إرسال التعليق")
        add(.furniture, .whole, "الاسم", "التعليق", "الموقع الإلكتروني")
        // §4 #32–38: cookies, legal footers, footer navigation, ads.
        add(.furniture, .prefix, "يستخدم هذا الموقع ملفات تعريف الارتباط", "نستخدم ملفات تعريف الارتباط",
            "جميع الحقوق محفوظة", "حقوق النشر محفوظة", "حقوق الطبع والنشر", "تم اكتشاف مانع الإعلانات",
            "يرجى تعطيل مانع الإعلانات")
        add(.furniture, .whole, "أوافق", "موافق", "قبول", "قبول الكل", "رفض", "سياسة الخصوصية",
            "شروط الاستخدام", "الشروط والأحكام", "اتفاقية الاستخدام", "من نحن", "اتصل بنا", "أعلن معنا",
            "أعلن لدينا", "هيئة التحرير", "فريق العمل", "خريطة الموقع", "إعلان", "إعلانات", "مساحة إعلانية",
            "Advertisement", "محتوى مدفوع", "محتوى ممول")
        // §4 #49: view counters.
        add(.furniture, .prefix, "عدد القراءات", "عدد المشاهدات", "المشاهدات", "قراءات", "مشاهدات")
        // Author archives under an article ("more by this writer").
        add(.boxTitle, .whole, "مواضيع أخرى للكاتب", "مقالات أخرى للكاتب", "مواضيع أخرى", "المزيد للكاتب",
            "مقالات الكاتب", "المزيد من مقالات الكاتب")
        // §4 #40–42: engagement widgets and calls to action.
        add(.furniture, .whole, "هل أعجبك المقال", "ما رأيك", "قيم هذا المقال", "شاركنا رأيك",
            "هل كان المقال مفيداً", "مواقيت الصلاة", "أسعار العملات", "أسعار الذهب", "حالة الطقس",
            "اضغط هنا", "انقر هنا")
        // Furniture in other languages on Arabic pages, as sites write it (English and French
        // cookie banners, share bars, related boxes, legal lines; seen on lbcgroup.tv, assabah.com.tn,
        // urdupoint.com and Maghreb sites that run French templates).
        add(.furniture, .prefix, "We use cookies", "This website uses cookies", "This site uses cookies",
            "By continuing to use this site", "By using this website", "Nous utilisons des cookies",
            "Ce site utilise des cookies", "En poursuivant votre navigation", "All rights reserved",
            "Copyright", "Tous droits réservés", "Share this", "Share on", "Follow us", "Suivez-nous",
            "Partager sur", "Click here", "Cliquez ici", "Read more", "Read also", "Lire aussi", "Lire la suite")
        add(.furniture, .whole, "Accept", "Accept all", "Accept cookies", "I agree", "Got it", "Learn more",
            "Tweet", "Share", "Partager", "J'accepte", "Accepter", "Print", "Imprimer", "Email",
            "Facebook", "Twitter", "WhatsApp", "Telegram", "LinkedIn", "Share on Whatsapp")
        // Ad-break markers of Urdu and Persian pages, on a line of their own in the middle of the
        // text where an ad or a "continue reading" fold stood: `(جاری ہے)` "(it continues)",
        // `ادامه دارد`, `ادامه مطلب`.
        add(.furniture, .whole, "(جاری ہے)", "جاری ہے", "ادامه دارد", "ادامه مطلب")
        add(.boxTitle, .whole, "Related posts", "Related articles", "Related news", "Related", "You may also like",
            "You might also like", "Most read", "Most popular", "Latest news", "Recent posts", "More stories",
            "Articles similaires", "À lire aussi", "A lire aussi", "Sur le même sujet", "Les plus lus",
            "Leave a comment", "Leave a reply", "Comments", "Commentaires", "Laisser un commentaire")
        return list
    }()
}
