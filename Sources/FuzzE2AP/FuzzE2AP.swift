// libFuzzer target for the E2AP decoder: `scripts/fuzz.sh e2ap SECONDS`; replay a finding with
// `swift run FuzzE2AP FILE`.
//
// The property: any bytes decode to an E2APPDU or an APERError — never a trap — and a PDU that
// decodes re-encodes, and that encoding decodes to the same value.
import APER
import E2AP
import FuzzSupport

@main
struct FuzzE2AP {
    static func main() {
        FuzzDriver.run { bytes in
            guard let pdu = try? E2APPDU(aperBytes: bytes) else { return }
            guard let again = try? pdu.aperBytes() else { fatalError("decoded PDU does not re-encode: \(pdu.message.name)") }
            guard let back = try? E2APPDU(aperBytes: again), back == pdu else {
                fatalError("re-encoded PDU does not decode to the same value: \(pdu.message.name)")
            }
        }
    }
}
