import APER
import E2SMCommon
import Foundation
import Testing

@Suite struct E2SMCommonTests {
    @Test func commonSamplesMatchAsn1toolsBytes() throws {
        try checkGolden(CommonSamples.all, label: "common")
    }
}
