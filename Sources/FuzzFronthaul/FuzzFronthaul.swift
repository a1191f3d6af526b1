// libFuzzer target for the fronthaul decoders (eCPRI + O-RAN CUS-plane C/U-plane, BFP):
// `scripts/fuzz.sh ecpri SECONDS`. Property: any bytes decode to a frame or a FronthaulError —
// never a trap — and a frame that decodes re-encodes to bytes that decode to the same encoding.
import Fronthaul
import FuzzSupport

@main
struct FuzzFronthaul {
    static func main() {
        FuzzDriver.run { bytes in
            guard let frame = try? FronthaulMessage(bytes: bytes) else { return }
            guard let again = try? frame.encode() else { fatalError("decoded frame does not re-encode") }
            guard let back = try? FronthaulMessage(bytes: again), (try? back.encode()) == again else {
                fatalError("re-encoded frame does not decode to the same encoding")
            }
        }
    }
}
