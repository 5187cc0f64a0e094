/// Phrases of what copied articles carry after their last paragraph: the comments section, share
/// bars and follow-us lines, and the trailers of messaging-app forwards. Looked up by
/// ``ArabicKey``; each list says where the shape was seen. ``CommentsTail`` and ``TailLine`` read
/// lines with the key tables made of them ahead of time (`TailLexicon+Table.swift`, one
/// ``KeyTable`` for each list here; ``tables`` pairs them).
enum TailLexicon {
    /// Heads of a comments section, without their count (`التعليقات (3)`, `5 تعليقات`).
    static let commentHeadPhrases: [String] = [
        // WordPress and Blogger themes: `التعليقات (N)`, `N تعليقات`, `أضف تعليقاً`, `اترك تعليقاً`, `اترك رداً`.
        "التعليقات", "تعليقات", "تعليق", "عدد التعليقات", "أضف تعليقاً", "أضف تعليق", "أضف تعليقك", "اترك تعليقاً",
        "اترك تعليقك", "اترك رداً", "اكتب تعليقك", "إرسال تعليق", "شارك بتعليقك",
        // News sites' reader boxes: `تعليقات الزوار`, `تعليقات القراء`, `آراء القراء`, `شارك برأيك`.
        "تعليقات الزوار", "تعليقات القراء", "آراء القراء", "آراء الزوار", "شارك برأيك", "التعليقات على هذا المقال",
        "تعليقات فيسبوك",
        // English themes left untranslated.
        "Comments", "Leave a comment", "Leave a reply"]

    /// What a share bar lists: networks and share actions (`فيسبوك | تويتر | واتساب`, `Facebook Twitter`).
    static let shareTargetPhrases: [String] = [
        "فيسبوك", "فيس", "بوك", "تويتر", "إكس", "واتساب", "واتس", "اب", "تيليجرام", "تلغرام", "تليجرام",
        "لينكدإن", "لينكد", "إن", "انستغرام", "إنستغرام", "انستجرام", "يوتيوب", "تيك", "توك", "سناب", "شات",
        "بينتيريست", "ماسنجر", "البريد", "الإلكتروني", "طباعة", "نسخ", "انسخ", "الرابط", "ريديت",
        "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "instagram", "youtube", "tiktok",
        "pinterest", "reddit", "messenger", "email", "print", "copy", "link"]

    /// Words of a share line besides its targets: `شارك المقال عبر`, `شاركها مع أصدقائك`,
    /// `لا تنس مشاركة المقال`, `Share this`.
    static let shareWordPhrases: [String] = [
        "شارك", "شاركها", "شاركوا", "شاركه", "مشاركة", "المشاركة", "عبر", "على", "في", "مع", "أصدقائك",
        "أصدقائكم", "المقال", "الخبر", "الموضوع", "هذا", "هذه", "لا", "تنس", "تنسى", "تنسوا", "share", "this",
        "via", "on", "article"]
    /// The words that make a line of share words a share line (without them it is a list of names).
    static let shareVerbPhrases: [String] = ["شارك", "شاركها", "شاركوا", "شاركه", "مشاركة", "المشاركة", "share"]

    /// Verbs that open a follow-us line: `تابعونا على …`, `انضموا إلى قناتنا …`, `للاشتراك في قناتنا …`.
    static let followVerbPhrases: [String] = [
        "تابعونا", "تابعنا", "تابعوا", "تابع", "انضم", "انضموا", "انضمي", "اشترك", "اشتركوا", "للاشتراك",
        "للانضمام", "follow", "join", "subscribe"]
    /// What a follow line points to besides a network: our channel, page or accounts.
    static let followObjectPhrases: [String] = [
        "قناتنا", "صفحتنا", "حساباتنا", "حسابنا", "مجموعتنا", "موقعنا", "تطبيقنا", "نشرتنا"]

    /// The last line of a text forwarded in a messaging app: `منقول`, `منقول للفائدة`, `منقول من قناة …`.
    static let forwardTrailerPhrases: [String] = [
        "منقول", "منقولة", "منقول للفائدة", "منقول للامانة", "منقول للأمانة", "منقول بتصرف", "منقوووول",
        "منقول منقول", "كما وصلني", "كما وصلتني", "انشرها تؤجر", "انشر تؤجر", "ارسلها لغيرك"]
    /// What a forward's trailer names as its source after `منقول من` / `منقول عن`: `منقول من قناة …`.
    static let forwardSourcePhrases: [String] = ["قناة", "قناه", "مجموعة", "جروب", "صفحة", "موقع", "حساب"]
    static let forwardFromPhrases: [String] = ["من", "عن"]

    /// The first word of each of ``commentHeadPhrases``: a heading whose first word (numbers aside)
    /// is none of them is no comments head.
    static var commentHeadFirstWordPhrases: [String] {
        commentHeadPhrases.compactMap { ArabicKey.make($0).split(separator: " ").first.map(String.init) }
    }

    /// Every list of phrases with the table made of it, by the table's name: `TailLexiconTableTests`
    /// checks each table against its list and writes `TailLexicon+Table.swift` anew.
    static var tables: [(name: String, phrases: [String], table: KeyTable)] {
        [
            ("commentHeadKeys", commentHeadPhrases, commentHeadKeys),
            ("commentHeadFirstWords", commentHeadFirstWordPhrases, commentHeadFirstWords),
            ("shareTargetKeys", shareTargetPhrases, shareTargetKeys),
            ("shareWordKeys", shareWordPhrases, shareWordKeys),
            ("shareVerbKeys", shareVerbPhrases, shareVerbKeys),
            ("followVerbKeys", followVerbPhrases, followVerbKeys),
            ("followObjectKeys", followObjectPhrases, followObjectKeys),
            ("forwardTrailerKeys", forwardTrailerPhrases, forwardTrailerKeys),
            ("forwardSourceKeys", forwardSourcePhrases, forwardSourceKeys),
            ("forwardFromKeys", forwardFromPhrases, forwardFromKeys),
        ]
    }
}
