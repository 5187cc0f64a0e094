/// Word lists that tell what a line of an article is: ordinals, speech verbs, caption cues and
/// the labels of metadata lines (ARABIC.md §3 and §4 M-class rows).
enum TextCues {
    /// Adverbial ordinals that open heading lines (`أولاً:` … `عاشراً:`); looked up by their keys,
    /// ``ordinalKeys`` (`TextCues+Table.swift`).
    static let ordinalPhrases: [String] = [
        "أولاً", "ثانياً", "ثالثاً", "رابعاً", "خامساً", "سادساً", "سابعاً", "ثامناً", "تاسعاً", "عاشراً",
        "أخيراً", "وأخيراً",
    ]

    /// Heads of a questions-and-answers section, as keys: `أسئلة شائعة`, `الأسئلة المتكررة`, `س و ج`.
    static let faqHeadKeys: [String] = [
        // Guides and service pages (government services, product help): `أسئلة شائعة`, `الأسئلة الشائعة حول …`.
        "أسئلة شائعة", "الأسئلة الشائعة", "أسئلة متكررة", "الأسئلة المتكررة", "الأسئلة الأكثر شيوعاً",
        "أسئلة يكثر طرحها", "أكثر الأسئلة شيوعاً",
        // Interviews and fatwa pages copied as text: `أسئلة وأجوبة`, `س و ج`, and English `FAQ`.
        "أسئلة وأجوبة", "سؤال وجواب", "س و ج", "س وج", "FAQ", "FAQs",
    ].map(ArabicKey.make)

    /// Labels that open a question or an answer line in a questions-and-answers text: `س: …؟`,
    /// `س1 - …`, `ج: …`, `السؤال: …`, `الجواب: …`.
    static let questionLabelKeys: Set<String> = Set(["س", "سؤال", "السؤال"].map(ArabicKey.make))
    static let answerLabelKeys: Set<String> = Set(["ج", "جواب", "الجواب", "الإجابة", "إجابة", "الرد"].map(ArabicKey.make))

    /// Verbs of speech: a "term" containing one is an attribution (`قال الوزير: «…»`), not a term.
    static let speechVerbKeys: Set<String> = Set([
        "قال", "يقول", "تقول", "قالت", "أكد", "أكدت", "يؤكد", "أضاف", "أضافت", "يضيف", "أوضح", "أوضحت",
        "صرح", "صرحت", "أشار", "أشارت", "ذكر", "ذكرت", "كتب", "كتبت", "غرد", "غردت", "أعلن", "أعلنت",
        "نقل", "رد", "ردت", "تابع", "تابعت", "اعتبر", "اعتبرت", "لفت", "لفتت", "وقال", "وقالت", "وأكد",
        "وأضاف", "وأوضح", "وأشار", "وتابع", "يرى", "ترى", "سأل", "أجاب", "أجابت", "علق", "علقت", "حذر",
        "حذرت", "شدد", "شددت", "قائلا", "قائلة", "مضيفا",
    ].map(ArabicKey.make))

    /// Words in a line that name an illustration: `… - صورة توضيحية`, `(صورة أرشيفية)`; their
    /// keys, in this order, are ``captionKeys`` (`TextCues+Table.swift`).
    static let captionPhrases: [String] = [
        "صورة توضيحية", "صورة أرشيفية", "صورة تعبيرية", "صورة ارشيف", "أرشيفية", "مصدر الصورة",
        "الصورة", "صورة", "صور", "تصوير", "رسم توضيحي", "إنفوجراف",
    ]

    /// A metadata label at the start of a line and the field its value goes to.
    enum Field: Sendable, Equatable {
        case author, published, modified, source, tags, categories
    }

    /// Words of trade that stand between a byline label and the name (`بقلم الكاتب فلان`,
    /// `كتب الزميل فلان`): they describe the author and are not part of the name. Titles of
    /// address (`الدكتور`, `د.`) stay: bylines print them as part of the name.
    static let bylineRoleKeys: Set<String> = Set([
        "الكاتب", "الكاتبة", "الصحفي", "الصحفية", "الصحافي", "الصحافية", "الإعلامي", "الإعلامية",
        "المحرر", "المحررة", "الزميل", "الزميلة", "المراسل", "المراسلة",
    ].map(ArabicKey.make))

    /// Labels of credits that are not authorship, as keys: translation, photographs, proofreading,
    /// drawings. A byline's part that starts with one names no author (`بقلم: فلان، ترجمة: فلان`).
    /// They are not metadata labels: the model has no field for a translator, and a line that
    /// credits only one stays in the text rather than being lost.
    static let creditLabelKeys: Set<String> = Set([
        "ترجمة", "ترجمه", "تصوير", "تدقيق", "مراجعة", "رسوم", "تصميم", "إخراج",
    ].map(ArabicKey.make))

    /// Byline labels that are also common words ("حوار خاص…" is a deck): labels only before `:` or `-`.
    static let separatedLabelKeys: Set<String> = Set(["حوار"].map(ArabicKey.make))

    /// Labels of metadata lines (ARABIC.md §4 #43–47) as sites write them; lines are matched
    /// against their keys, ``metadataLabels`` (`TextCues+Table.swift`), longest first.
    static let metadataLabelPhrases: [(phrase: String, field: Field)] = [
        ("بقلم", .author), ("كتب", .author), ("كتبت", .author), ("الكاتب", .author),
        // "He/she wrote it": `كتبه: فلان`, `كتبها فلانة`, the forum and blog form of the byline.
        ("كتبه", .author), ("كتبها", .author), ("كتبته", .author),
        // Two credits joined in one label: `إعداد وتحرير: فلان`.
        ("إعداد وتحرير", .author), ("تحرير وإعداد", .author), ("إعداد وتقديم", .author),
        ("الكاتبة", .author), ("إعداد", .author), ("تحرير", .author), ("بواسطة", .author),
        ("نشر بواسطة", .author), ("تقرير", .author), ("المؤلف", .author), ("اسم الكاتب", .author),
        // Interview bylines, "حوار: فلان" (seen: assabah.com.tn).
        ("حوار", .author), ("أجرى الحوار", .author), ("حاوره", .author), ("حاورها", .author),
        ("تاريخ النشر", .published), ("نشر في", .published), ("نُشر في", .published),
        ("نشر بتاريخ", .published), ("بتاريخ", .published), ("تاريخ", .published), ("التاريخ", .published),
        ("نشر", .published), ("نُشر", .published),
        ("آخر تحديث", .modified), ("تم التحديث", .modified), ("تاريخ التحديث", .modified),
        ("المصدر", .source), ("مصدر الخبر", .source), ("المصادر", .source),
        ("الوسوم", .tags), ("وسوم", .tags), ("الكلمات المفتاحية", .tags), ("كلمات مفتاحية", .tags),
        ("الكلمات الدلالية", .tags), ("كلمات دلالية", .tags), ("الأوسمة", .tags), ("التسميات", .tags),
        ("التصنيف", .categories), ("التصنيفات", .categories), ("القسم", .categories),
        ("الأقسام", .categories),
    ]

    /// ``metadataLabels`` as the phrases give it: their keys, longest first. By bytes, not
    /// characters (counting them was most of the start-up cost here): only labels that start one
    /// another can both match a line, and the longer of two such keys is longer in both.
    static var metadataLabelsMade: [(key: String, field: Field)] {
        metadataLabelPhrases.map { (ArabicKey.make($0.phrase), $0.field) }.sorted { $0.key.utf8.count > $1.key.utf8.count }
    }
}
