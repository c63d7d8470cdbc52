/// Runs `body` over `items` on up to `width` tasks at once and returns the results in the
/// items' order, whatever order they finish in — so output never depends on timing.
func concurrentMap<Item: Sendable, Result: Sendable>(
    _ items: [Item], width: Int, _ body: @escaping @Sendable (Item) -> Result
) async -> [Result] {
    guard !items.isEmpty else { return [] }
    return await withTaskGroup(of: (Int, Result).self, returning: [Result].self) { group in
        var results = [Result?](repeating: nil, count: items.count)
        var next = 0
        func addNext() {
            let index = next
            let item = items[index]
            group.addTask { (index, body(item)) }
            next += 1
        }
        for _ in 0..<min(max(1, width), items.count) { addNext() }
        while let (index, result) = await group.next() {
            results[index] = result
            if next < items.count { addNext() }
        }
        return results.map { $0! }
    }
}
