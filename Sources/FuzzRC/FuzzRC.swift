// libFuzzer target for the E2SM-RC v1.03 decoders (the recursive RAN parameter types among them):
// `scripts/fuzz.sh e2sm-rc SECONDS`. The first input byte picks the message type (RAN function
// definition, control header, control message, control outcome); the rest is the payload.
// Property: a value or an APERError, and a value's encoding decodes to a value with the same encoding.
import APER
import E2SMRC
import FuzzSupport

@main
struct FuzzRC {
    static func main() {
        FuzzDriver.run { input in
            guard let selector = input.first else { return }
            let bytes = Array(input.dropFirst())
            switch selector % 4 {
            case 0: checkRoundTrip(RCRANFunctionDefinition.self, bytes)
            case 1: checkRoundTrip(RCControlHeader.self, bytes)
            case 2: checkRoundTrip(RCControlMessage.self, bytes)
            default: checkRoundTrip(RCControlOutcome.self, bytes)
            }
        }
    }
}
