import Foundation

/// A bounded first-in first-out queue between the walker and the workers of `maqal convert`.
///
/// `push` blocks while the queue is full, so the walk never runs far ahead of the work and memory
/// stays flat however many files there are. `cancel` wakes everyone: pushes fail, pops end.
/// Unchecked `Sendable` because every stored property is read and written only under `condition`.
final class BatchQueue<Element: Sendable>: @unchecked Sendable {
    private let condition = NSCondition()
    private let capacity: Int
    private var items: [Element] = []
    private var head = 0
    private var closed = false
    private var cancelled = false

    init(capacity: Int) {
        self.capacity = max(1, capacity)
        items.reserveCapacity(self.capacity)
    }

    /// Adds `item`, waiting for room; false when the queue was cancelled.
    func push(_ item: Element) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count - head >= capacity && !cancelled { condition.wait() }
        guard !cancelled else { return false }
        if head > 0 && head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// The next item, waiting for one; `nil` once the queue is closed and empty, or cancelled.
    func pop() -> Element? {
        condition.lock()
        defer { condition.unlock() }
        while head == items.count && !closed && !cancelled { condition.wait() }
        guard !cancelled, head < items.count else { return nil }
        let item = items[head]
        head += 1
        if head >= capacity {
            items.removeFirst(head)
            head = 0
        }
        condition.broadcast()
        return item
    }

    /// No more pushes will come: pops drain what is left, then end.
    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }

    /// Stop now: what is queued is dropped; returns how many items were dropped.
    @discardableResult
    func cancel() -> Int {
        condition.lock()
        defer { condition.unlock() }
        let dropped = cancelled ? 0 : items.count - head
        cancelled = true
        items.removeAll()
        head = 0
        condition.broadcast()
        return dropped
    }
}
