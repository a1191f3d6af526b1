// Counts heap allocations of this process by interposing the C allocator: the executable
// defines malloc & co., which the dynamic linker binds for every library (libswiftCore included),
// and forwards to glibc's __libc_* entry points. Linux/glibc only; elsewhere `available` is false.
#if os(Linux)
@_silgen_name("__libc_malloc") private func libcMalloc(_ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_calloc") private func libcCalloc(_ n: Int, _ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_realloc") private func libcRealloc(_ p: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer?
@_silgen_name("__libc_memalign") private func libcMemalign(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer?

/// Allocation calls so far (relaxed; the benchmark is single-threaded while it reads it).
nonisolated(unsafe) public var mallocCalls: Int = 0

@_cdecl("malloc") public func countingMalloc(_ size: Int) -> UnsafeMutableRawPointer? {
    mallocCalls &+= 1
    return libcMalloc(size)
}

@_cdecl("calloc") public func countingCalloc(_ n: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    mallocCalls &+= 1
    return libcCalloc(n, size)
}

@_cdecl("realloc") public func countingRealloc(_ p: UnsafeMutableRawPointer?, _ size: Int) -> UnsafeMutableRawPointer? {
    mallocCalls &+= 1
    return libcRealloc(p, size)
}

@_cdecl("aligned_alloc") public func countingAlignedAlloc(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    mallocCalls &+= 1
    return libcMemalign(alignment, size)
}

@_cdecl("memalign") public func countingMemalign(_ alignment: Int, _ size: Int) -> UnsafeMutableRawPointer? {
    mallocCalls &+= 1
    return libcMemalign(alignment, size)
}

@_cdecl("posix_memalign") public func countingPosixMemalign(
    _ out: UnsafeMutablePointer<UnsafeMutableRawPointer?>, _ alignment: Int, _ size: Int
) -> Int32 {
    mallocCalls &+= 1
    guard let p = libcMemalign(alignment, size) else { return 12 }  // ENOMEM
    out.pointee = p
    return 0
}

public enum MallocCounter {
    public static var available: Bool { true }
    public static var calls: Int { mallocCalls }
}
#else
public enum MallocCounter {
    public static var available: Bool { false }
    public static var calls: Int { 0 }
}
#endif
