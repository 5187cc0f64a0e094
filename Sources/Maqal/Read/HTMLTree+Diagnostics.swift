extension HTMLTree {
    /// What went wrong while the page was read: nesting flattened, attributes dropped, the parse
    /// stopped before the end.
    var diagnostics: [Diagnostic] {
        var result: [Diagnostic] = []
        if flattened > 0 {
            result.append(Diagnostic(
                .warning, .htmlDeepNesting,
                "the page nests elements more than \(HTMLTree.maxDepth) deep; \(flattened) deeper elements were flattened"))
        }
        if droppedAttributes > 0 {
            result.append(Diagnostic(
                .warning, .htmlExcessAttributes,
                "elements with more than \(ExcessAttributes.limit) attributes: \(droppedAttributes) attributes were dropped"))
        }
        if let reason = stoppedEarly {
            result.append(Diagnostic(
                .warning, .htmlTruncated, "the page could not be read to its end (\(reason)); what follows is missing"))
        }
        return result
    }
}
