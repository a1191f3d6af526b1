// The shared entry point of ranlab's libFuzzer targets (scripts/fuzz.sh).
//
// Built with -DFUZZING -sanitize=fuzzer,address, `FuzzDriver.run` hands control to libFuzzer's
// driver (SwiftPM renames an executable's entry point, so libFuzzer's own main() cannot be used).
// Built normally, it replays the files named on the command line through the same check, to
// reproduce a finding without the sanitizers.
import APER
import Foundation

#if FUZZING
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32
#endif

public enum FuzzDriver {
    nonisolated(unsafe) static var check: ([UInt8]) -> Void = { _ in }

    /// Runs `check` on every input; it must trap on a property violation.
    public static func run(_ check: @escaping ([UInt8]) -> Void) -> Never {
        Self.check = check
        #if FUZZING
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        exit(LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            FuzzDriver.check(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        })
        #else
        let files = CommandLine.arguments.dropFirst()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                FileHandle.standardError.write(Data("cannot read \(file)\n".utf8))
                exit(2)
            }
            check([UInt8](data))
        }
        print("replayed \(files.count) input(s) without a crash")
        exit(0)
        #endif
    }
}

/// The round-trip property for one E2SM type: bytes decode to a value or an APERError, and a
/// value's encoding decodes to a value with the same encoding (compared as bytes: a REAL NaN is
/// not equal to itself).
public func checkRoundTrip<T: APERCodable>(_ type: T.Type, _ bytes: [UInt8]) {
    guard let value = try? T(aperBytes: bytes) else { return }
    guard let again = try? value.aperBytes() else { fatalError("decoded \(T.self) does not re-encode") }
    guard let back = try? T(aperBytes: again), (try? back.aperBytes()) == again else {
        fatalError("re-encoded \(T.self) does not decode to the same value")
    }
}
