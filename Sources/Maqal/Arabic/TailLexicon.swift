/// Phrases of what copied articles carry after their last paragraph: the comments section, share
/// bars and follow-us lines, and the trailers of messaging-app forwards. Looked up by
/// ``ArabicKey``; each table says where the shape was seen. ``CommentsTail`` and ``TailLine`` read
/// lines with them.
enum TailLexicon {
    /// Heads of a comments section, without their count (`التعليقات (3)`, `5 تعليقات`).
    static let commentHeadKeys: Set<String> = keys(
        // WordPress and Blogger themes: `التعليقات (N)`, `N تعليقات`, `أضف تعليقاً`, `اترك تعليقاً`, `اترك رداً`.
        "التعليقات", "تعليقات", "تعليق", "عدد التعليقات", "أضف تعليقاً", "أضف تعليق", "أضف تعليقك", "اترك تعليقاً",
        "اترك تعليقك", "اترك رداً", "اكتب تعليقك", "إرسال تعليق", "شارك بتعليقك",
        // News sites' reader boxes: `تعليقات الزوار`, `تعليقات القراء`, `آراء القراء`, `شارك برأيك`.
        "تعليقات الزوار", "تعليقات القراء", "آراء القراء", "آراء الزوار", "شارك برأيك", "التعليقات على هذا المقال",
        "تعليقات فيسبوك",
        // English themes left untranslated.
        "Comments", "Leave a comment", "Leave a reply")

    /// What a share bar lists: networks and share actions (`فيسبوك | تويتر | واتساب`, `Facebook Twitter`).
    static let shareTargetKeys: Set<String> = keys(
        "فيسبوك", "فيس", "بوك", "تويتر", "إكس", "واتساب", "واتس", "اب", "تيليجرام", "تلغرام", "تليجرام",
        "لينكدإن", "لينكد", "إن", "انستغرام", "إنستغرام", "انستجرام", "يوتيوب", "تيك", "توك", "سناب", "شات",
        "بينتيريست", "ماسنجر", "البريد", "الإلكتروني", "طباعة", "نسخ", "انسخ", "الرابط", "ريديت",
        "facebook", "twitter", "x", "whatsapp", "telegram", "linkedin", "instagram", "youtube", "tiktok",
        "pinterest", "reddit", "messenger", "email", "print", "copy", "link")

    /// Words of a share line besides its targets: `شارك المقال عبر`, `شاركها مع أصدقائك`,
    /// `لا تنس مشاركة المقال`, `Share this`.
    static let shareWordKeys: Set<String> = keys(
        "شارك", "شاركها", "شاركوا", "شاركه", "مشاركة", "المشاركة", "عبر", "على", "في", "مع", "أصدقائك",
        "أصدقائكم", "المقال", "الخبر", "الموضوع", "هذا", "هذه", "لا", "تنس", "تنسى", "تنسوا", "share", "this",
        "via", "on", "article")
    /// The words that make a line of share words a share line (without them it is a list of names).
    static let shareVerbKeys: Set<String> = keys("شارك", "شاركها", "شاركوا", "شاركه", "مشاركة", "المشاركة", "share")

    /// Verbs that open a follow-us line: `تابعونا على …`, `انضموا إلى قناتنا …`, `للاشتراك في قناتنا …`.
    static let followVerbKeys: Set<String> = keys(
        "تابعونا", "تابعنا", "تابعوا", "تابع", "انضم", "انضموا", "انضمي", "اشترك", "اشتركوا", "للاشتراك",
        "للانضمام", "follow", "join", "subscribe")
    /// What a follow line points to besides a network: our channel, page or accounts.
    static let followObjectKeys: Set<String> = keys(
        "قناتنا", "صفحتنا", "حساباتنا", "حسابنا", "مجموعتنا", "موقعنا", "تطبيقنا", "نشرتنا")

    /// The last line of a text forwarded in a messaging app: `منقول`, `منقول للفائدة`, `منقول من قناة …`.
    static let forwardTrailerKeys: Set<String> = keys(
        "منقول", "منقولة", "منقول للفائدة", "منقول للامانة", "منقول للأمانة", "منقول بتصرف", "منقوووول",
        "منقول منقول", "كما وصلني", "كما وصلتني", "انشرها تؤجر", "انشر تؤجر", "ارسلها لغيرك")
    /// What a forward's trailer names as its source after `منقول من` / `منقول عن`: `منقول من قناة …`.
    static let forwardSourceKeys: Set<String> = keys("قناة", "قناه", "مجموعة", "جروب", "صفحة", "موقع", "حساب")
    static let forwardFromKeys: Set<String> = keys("من", "عن")

    /// The first word of each of ``commentHeadKeys``: a heading whose first word (numbers aside)
    /// is none of them is no comments head.
    static let commentHeadFirstWords: Set<String> = Set(commentHeadKeys.compactMap { $0.split(separator: " ").first.map(String.init) })

    private static func keys(_ phrases: String...) -> Set<String> { Set(phrases.map(ArabicKey.make)) }
}
