/// A first-in first-out queue on one array: pops advance a head index, and the consumed prefix is
/// dropped once it is the larger half (amortised O(1), no per-pop shifting).
struct FIFO<Element> {
    private var items: [Element] = []
    private var head = 0

    var isEmpty: Bool { head == items.count }
    var first: Element? { isEmpty ? nil : items[head] }

    mutating func push(_ e: Element) { items.append(e) }

    /// Puts `e` before the first element.
    mutating func pushFront(_ e: Element) {
        if head > 0 { head -= 1; items[head] = e } else { items.insert(e, at: 0) }
    }

    @discardableResult
    mutating func pop() -> Element? {
        guard !isEmpty else { return nil }
        defer {
            head += 1
            if head == items.count { items.removeAll(keepingCapacity: true); head = 0 }
            else if head > 32 && head * 2 > items.count { items.removeFirst(head); head = 0 }
        }
        return items[head]
    }

    /// Replaces the first element (which must exist).
    mutating func replaceFirst(_ e: Element) { items[head] = e }

    mutating func removeAll() { items.removeAll(keepingCapacity: true); head = 0 }
}
