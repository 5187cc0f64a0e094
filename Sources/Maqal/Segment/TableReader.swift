/// Reads HTML tables: tells data tables from layout tables and expands `colspan`/`rowspan` into
/// a rectangular grid (covered cells are empty strings).
enum TableReader {
    /// Spans larger than these are clamped, so a hostile `colspan="1000000"` stays small.
    static let maxSpan = 100
    static let maxCells = 100_000

    /// A table of data, as opposed to a table that lays out a page: no nested table, more than
    /// one cell, no cell holding a whole article, and header cells or at least a 2×2 grid.
    static func isDataTable(_ index: Int, in tree: HTMLTree, removed: [Bool]) -> Bool {
        if let role = tree.attribute("role", at: index)?.lowercased(), role == "presentation" || role == "none" { return false }
        var rows = 0
        var maxColumns = 0
        var hasHeader = false
        // Cells with text in them: a grid of empty cells around one line of text is layout (a
        // table that places a link or a notice), not data.
        var filledCells = 0
        for descendant in tree.descendants(of: index).dropFirst() where !removed[descendant] {
            switch tree.tag(at: descendant) {
            case .table: return false
            case .tr:
                rows += 1
                let cells = tree.children(of: descendant).filter { isCell(tree.tag(at: $0)) }
                maxColumns = max(maxColumns, cells.count)
            case .th:
                hasHeader = true
                if tree.text(of: descendant).contains(where: { $0.isLetter || $0.isNumber }) { filledCells += 1 }
            case .thead, .caption: hasHeader = true
            case .td:
                let text = tree.text(of: descendant)
                if text.count > 400 { return false }
                if text.contains(where: { $0.isLetter || $0.isNumber }) { filledCells += 1 }
            case .p, .div, .ul, .ol, .h1, .h2, .h3:
                if tree.text(of: descendant).count > 200 { return false }
            default: break
            }
        }
        if rows * maxColumns <= 1 || filledCells <= 1 { return false }
        return hasHeader || (rows >= 2 && maxColumns >= 2)
    }

    private static func isCell(_ tag: HTMLTag) -> Bool {
        tag == .td || tag == .th
    }

    static func read(_ index: Int, in tree: HTMLTree, removed: [Bool]) -> Table? {
        var caption: String?
        var rowNodes: [(node: Int, inHead: Bool)] = []
        collectRows(index, in: tree, removed: removed, inHead: false, caption: &caption, rows: &rowNodes)

        // Lay cells on a grid, honouring spans.
        var grid: [[String?]] = []
        var headerFlags: [Bool] = []
        var cellCount = 0
        for (rowIndex, row) in rowNodes.enumerated() {
            while grid.count <= rowIndex { grid.append([]) }
            var allHeader = true
            var column = 0
            for cell in tree.children(of: row.node) where isCell(tree.tag(at: cell)) && !removed[cell] {
                if tree.tag(at: cell) != .th { allHeader = false }
                while column < grid[rowIndex].count, grid[rowIndex][column] != nil { column += 1 }
                let text = tree.text(of: cell)
                let columnSpan = min(max(Int(tree.attribute("colspan", at: cell) ?? "") ?? 1, 1), maxSpan)
                let rowSpan = min(max(Int(tree.attribute("rowspan", at: cell) ?? "") ?? 1, 1), maxSpan)
                for rowOffset in 0..<rowSpan {
                    let target = rowIndex + rowOffset
                    guard target < rowNodes.count else { break }
                    while grid.count <= target { grid.append([]) }
                    for columnOffset in 0..<columnSpan {
                        let targetColumn = column + columnOffset
                        while grid[target].count <= targetColumn { grid[target].append(nil) }
                        // The text stands in the cell where it is written; cells a span covers are
                        // empty, so a row or a column says each thing once.
                        grid[target][targetColumn] = rowOffset == 0 && columnOffset == 0 ? text : ""
                        cellCount += 1
                        if cellCount > maxCells { return nil }
                    }
                }
                column += columnSpan
            }
            headerFlags.append(row.inHead || allHeader)
        }
        let width = grid.map(\.count).max() ?? 0
        guard width > 0 else { return nil }
        var header: [[String]] = []
        var rows: [[String]] = []
        for (rowIndex, cells) in grid.enumerated() {
            let filled = (0..<width).map { $0 < cells.count ? (cells[$0] ?? "") : "" }
            if filled.allSatisfy(\.isEmpty) { continue }
            if headerFlags[rowIndex] && rows.isEmpty {
                header.append(filled)
            } else {
                rows.append(filled)
            }
        }
        return Table(caption: caption, header: header, rows: rows)
    }

    private static func collectRows(
        _ index: Int, in tree: HTMLTree, removed: [Bool], inHead: Bool, caption: inout String?,
        rows: inout [(node: Int, inHead: Bool)]
    ) {
        for child in tree.children(of: index) where tree.isElement(child) && !removed[child] {
            switch tree.tag(at: child) {
            case .caption:
                let text = tree.text(of: child)
                if !text.isEmpty { caption = text }
            case .thead:
                collectRows(child, in: tree, removed: removed, inHead: true, caption: &caption, rows: &rows)
            case .tbody, .tfoot:
                collectRows(child, in: tree, removed: removed, inHead: false, caption: &caption, rows: &rows)
            case .tr:
                rows.append((child, inHead))
            default:
                continue
            }
        }
    }
}
