// libFuzzer target for the E2SM-KPM v3.00 decoders: `scripts/fuzz.sh e2sm-kpm SECONDS`.
// The first input byte picks the message type (RAN function description, event trigger, action
// definition, indication header, indication message); the rest is the payload. Same property as
// the E2AP target: a value or an APERError, and a value's encoding decodes to a value with the
// same encoding.
import APER
import E2SMKPM
import FuzzSupport

@main
struct FuzzKPM {
    static func main() {
        FuzzDriver.run { input in
            guard let selector = input.first else { return }
            let bytes = Array(input.dropFirst())
            switch selector % 5 {
            case 0: checkRoundTrip(KPMRANfunctionDescription.self, bytes)
            case 1: checkRoundTrip(KPMEventTriggerDefinition.self, bytes)
            case 2: checkRoundTrip(KPMActionDefinition.self, bytes)
            case 3: checkRoundTrip(KPMIndicationHeader.self, bytes)
            default: checkRoundTrip(KPMIndicationMessage.self, bytes)
            }
        }
    }
}
