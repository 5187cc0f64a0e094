/// What the tree builder asks about an element's `class` and `id` values: the names they hold
/// and flags the later stages want about those names, worked out once per distinct class value
/// while the tree is built instead of each time an element is looked at.
///
/// Read knows no class names: Extract supplies the reader (``MarkupClassNames``) and gives the
/// flags their meaning.
protocol ClassNameReader: Sendable {
    /// The names of an element with this `class` and `id`.
    func names(class classes: String?, id: String?) -> [String]
    /// The flags `names` earn; Read stores them on the node without looking at them.
    func flags(of names: [String]) -> NameFlags
}

/// Flags about an element's class and id names (``HTMLTree/Node/nameFacts``); their meaning is
/// given by the ``ClassNameReader`` that set them.
struct NameFlags: OptionSet, Sendable {
    let rawValue: UInt8
}
