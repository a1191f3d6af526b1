// libFuzzer target for the E2SM-KPM v3.00 decoders: `scripts/fuzz.sh e2sm-kpm SECONDS`.
// The first input byte picks the message type (RAN function description, event trigger, action
// definition, indication header, indication message); the rest is the payload. Same property as
// the E2AP target: a value or an APERError, and a value's encoding decodes to a value with the
// same encoding.
import APER
import E2SMKPM
import FuzzSupport

/// Values are compared by their encodings (a REAL NaN is not equal to itself).
func roundTrip<T: APERCodable>(_ type: T.Type, _ bytes: [UInt8]) {
    guard let value = try? T(aperBytes: bytes) else { return }
    guard let again = try? value.aperBytes() else { fatalError("decoded \(T.self) does not re-encode") }
    guard let back = try? T(aperBytes: again), (try? back.aperBytes()) == again else {
        fatalError("re-encoded \(T.self) does not decode to the same value")
    }
}

@main
struct FuzzKPM {
    static func main() {
        FuzzDriver.run { input in
            guard let selector = input.first else { return }
            let bytes = Array(input.dropFirst())
            switch selector % 5 {
            case 0: roundTrip(KPMRANfunctionDescription.self, bytes)
            case 1: roundTrip(KPMEventTriggerDefinition.self, bytes)
            case 2: roundTrip(KPMActionDefinition.self, bytes)
            case 3: roundTrip(KPMIndicationHeader.self, bytes)
            default: roundTrip(KPMIndicationMessage.self, bytes)
            }
        }
    }
}
