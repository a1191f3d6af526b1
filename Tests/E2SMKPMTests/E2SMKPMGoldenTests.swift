import APER
import E2SMCommon
import E2SMKPM
import Foundation
import Testing

@Suite struct E2SMKPMGoldenTests {
    @Test func kpmSamplesMatchAsn1toolsBytes() throws {
        try checkGolden(KPMSamples.all, label: "kpm")
    }
}
