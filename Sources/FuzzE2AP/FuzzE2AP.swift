// libFuzzer target for the E2AP decoder (scripts/fuzz.sh e2ap SECONDS).
//
// Built with -DFUZZING -sanitize=fuzzer,address, libFuzzer supplies main() and calls
// LLVMFuzzerTestOneInput with each input. Built normally, this is a replayer: it runs the files
// named on its command line through the same check (to reproduce a crash file under a debugger).
//
// The property: decoding any bytes gives an E2APPDU or an APERError — never a trap — and a PDU that
// decodes re-encodes, and that encoding decodes to the same value.
import APER
import E2AP
import Foundation

@inline(never)
func checkE2AP(_ bytes: [UInt8]) {
    guard let pdu = try? E2APPDU(aperBytes: bytes) else { return }
    guard let again = try? pdu.aperBytes() else {
        fatalError("decoded PDU does not re-encode: \(pdu.message.name)")
    }
    guard let back = try? E2APPDU(aperBytes: again), back == pdu else {
        fatalError("re-encoded PDU does not decode to the same value: \(pdu.message.name)")
    }
}

#if FUZZING
// SwiftPM renames an executable's entry point, so libFuzzer's own main() cannot be used; this
// main hands control to libFuzzer's driver instead.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

@main
struct FuzzE2APMain {
    static func main() {
        var argc = CommandLine.argc
        var argv = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv) { data, size in
            checkE2AP(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
            return 0
        }
        exit(status)
    }
}
#else
@main
struct FuzzE2APReplay {
    static func main() {
        let files = CommandLine.arguments.dropFirst()
        for file in files {
            guard let data = FileManager.default.contents(atPath: file) else {
                print("cannot read \(file)")
                continue
            }
            checkE2AP([UInt8](data))
        }
        print("replayed \(files.count) input(s) without a crash")
    }
}
#endif
