/// Neumaier's compensated summation, with products added exactly through fma: the spec
/// (docs/statistics.md §1) forbids naive left-to-right sums, and this keeps statistics within
/// 1e-12 of exact arithmetic.
package struct CompensatedSum: Sendable {
    private var sum = 0.0
    private var compensation = 0.0

    package init() {}

    package mutating func add(_ x: Double) {
        let t = sum + x
        if abs(sum) >= abs(x) {
            compensation += (sum - t) + x
        } else {
            compensation += (x - t) + sum
        }
        sum = t
    }

    /// Adds a·b including the rounding error of the product.
    package mutating func add(_ a: Double, times b: Double) {
        let p = a * b
        add(p)
        add((-p).addingProduct(a, b))  // fma: the exact rounding error of a·b
    }

    package var value: Double { sum + compensation }

    package static func of<S: Sequence>(_ values: S) -> Double where S.Element == Double {
        var s = CompensatedSum()
        for v in values { s.add(v) }
        return s.value
    }
}
