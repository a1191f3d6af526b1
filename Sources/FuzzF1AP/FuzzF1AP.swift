// libFuzzer target for the F1AP decoder: `scripts/fuzz.sh f1ap SECONDS`; replay a finding with
// `swift run FuzzF1AP FILE`. Property: any bytes decode to an F1APPDU or an APERError, and a PDU
// that decodes re-encodes to bytes that decode to a PDU with the same encoding.
import APER
import F1AP
import FuzzSupport

@main
struct FuzzF1AP {
    static func main() {
        FuzzDriver.run { bytes in checkRoundTrip(F1APPDU.self, bytes) }
    }
}
