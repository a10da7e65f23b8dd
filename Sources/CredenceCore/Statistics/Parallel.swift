import Foundation

extension Array where Element: Sendable {
    /// `map` over the cores, in order: a contest's 3,000 forecasters each need a resampling test,
    /// each too small to keep two cores busy on its own. `transform` must not depend on order.
    package func concurrentMap<T: Sendable>(_ transform: @Sendable (Element) -> T) -> [T] {
        guard count > 1 else { return map(transform) }
        var out = [T?](repeating: nil, count: count)
        out.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let results = buffer
            self.withUnsafeBufferPointer { items in
                nonisolated(unsafe) let items = items
                DispatchQueue.concurrentPerform(iterations: count) { i in results[i] = transform(items[i]) }
            }
        }
        return out.map { $0! }
    }
}
