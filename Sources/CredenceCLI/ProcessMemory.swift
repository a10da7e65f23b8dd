import Foundation

// glibc's mallopt, which Swift's Glibc module does not export (it lives in malloc.h).
@_silgen_name("mallopt") private func mallopt(_ parameter: Int32, _ value: Int32) -> Int32

package enum ProcessMemory {
    /// A command lives for milliseconds: keep freed memory for reuse rather than handing it back
    /// to the kernel, whose unmapping interrupts the other core to flush its TLB (about 3 ms of
    /// system time in a 45 ms report over a million forecasts). Large blocks still come from
    /// mmap above 32 MB; the heap is trimmed once 64 MB sit free at its top.
    package static func keepFreedMemory() {
        _ = mallopt(-1, 64 << 20)  // M_TRIM_THRESHOLD
        _ = mallopt(-3, 32 << 20)  // M_MMAP_THRESHOLD
    }
}
