// libFuzzer target for the E2AP decoder: `scripts/fuzz.sh e2ap SECONDS`; replay a finding with
// `swift run FuzzE2AP FILE`.
//
// The property: any bytes decode to an E2APPDU or an APERError — never a trap — and a PDU that
// decodes re-encodes to bytes that decode to a PDU with the same encoding.
import APER
import E2AP
import FuzzSupport

@main
struct FuzzE2AP {
    static func main() {
        FuzzDriver.run { bytes in checkRoundTrip(E2APPDU.self, bytes) }
    }
}
