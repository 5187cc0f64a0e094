extension HTMLTree {
    /// What went wrong while the page was read: nesting flattened, attributes dropped, the parse
    /// stopped before the end.
    var diagnostics: [Diagnostic] {
        var result: [Diagnostic] = []
        if flattened > 0 {
            result.append(Diagnostic(
                .warning, "html.deep-nesting",
                "the page nests elements more than \(HTMLTree.maxDepth) deep; \(flattened) deeper elements were flattened"))
        }
        if droppedAttributes > 0 {
            result.append(Diagnostic(
                .warning, "html.excess-attributes",
                "elements with more than \(ExcessAttributes.limit) attributes: \(droppedAttributes) attributes were dropped"))
        }
        if let reason = stoppedEarly {
            result.append(Diagnostic(
                .warning, "html.truncated", "the page could not be read to its end (\(reason)); what follows is missing"))
        }
        return result
    }
}
