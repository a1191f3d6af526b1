import APER
import E2SMCommon
import E2SMRC
import Testing

@Suite("E2SM-RC recursion is bounded by the decoder's depth limit")
struct RCRecursionTests {
    /// A control message whose RAN parameter nests `depth` STRUCTUREs (alternating with LISTs).
    func nestedMessage(depth: Int) -> RCControlMessage {
        var value = RANParameterValueType.element(.valueInt(1))
        for level in 0..<depth {
            let item = RANParameterSTRUCTUREItem(ranParameterID: RANParameterID(Int64(level + 2)), ranParameterValueType: value)
            value = level % 2 == 0 ? .structure([item]) : .list([RANParameterSTRUCTURE(sequenceOfRanParameters: [item])])
        }
        return RCControlMessage(ricControlMessageFormats: .controlMessageFormat1(RCControlMessageFormat1(ranPList: [
            RCControlMessageFormat1Item(ranParameterID: 1, ranParameterValueType: value),
        ])))
    }

    @Test func aTwoHundredDeepParameterTreeIsRefusedAsTooDeep() throws {
        let bytes = try nestedMessage(depth: 200).aperBytes()
        let error = try #require(throws: APERError.self) { try RCControlMessage(aperBytes: bytes) }
        #expect(error.kind == .tooDeep(limit: 64))
        #expect(error.path.starts(with: ["ric-controlMessage-formats", "controlMessage-Format1", "ranP-List"]))
        // a smaller limit stops it earlier, a shallow tree passes
        let strictError = try #require(throws: APERError.self) {
            var strict = APERDecoder(bytes, maxDepth: 16)
            _ = try RCControlMessage(aper: &strict)
        }
        #expect(strictError.kind == .tooDeep(limit: 16))
        let shallow = nestedMessage(depth: 8)
        #expect(try RCControlMessage(aperBytes: shallow.aperBytes()) == shallow)
    }

    @Test func aTwoHundredDeepParameterDefinitionIsRefusedAsTooDeep() throws {
        var definition = RANParameterDefinition.structure([.init(ranParameterID: 1, ranParameterName: "leaf")])
        for level in 0..<200 {
            definition = level % 2 == 0
                ? .list([.init(ranParameterID: 2, ranParameterName: "l", ranParameterDefinition: definition)])
                : .structure([.init(ranParameterID: 3, ranParameterName: "s", ranParameterDefinition: definition)])
        }
        var value = SliceQuotaControl.ranFunctionDefinition()
        value.ranFunctionDefinitionControl?.ricControlStyleList[0].ranControlOutcomeParametersList = [
            ControlOutcomeRANParameterItem(ranParameterID: 1, ranParameterName: "deep", ranParameterDefinition: definition),
        ]
        let bytes = try value.aperBytes()
        let error = try #require(throws: APERError.self) { try RCRANFunctionDefinition(aperBytes: bytes) }
        #expect(error.kind == .tooDeep(limit: 64))
    }
}
