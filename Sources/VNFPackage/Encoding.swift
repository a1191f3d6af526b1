import Foundation

enum KeyText {
    /// 64 hex digits or base64 (whitespace ignored) to bytes.
    static func decode(_ text: String) -> Data? {
        let compact = text.filter { !$0.isWhitespace }
        if compact.count % 2 == 0, compact.count > 0, compact.allSatisfy(\.isHexDigit), let data = hex(compact) {
            // A 44-character base64 key is never all hex (it ends in '='), so 64 hex digits are hex.
            if compact.count == 64 || compact.count == 128 { return data }
        }
        return Data(base64Encoded: compact)
    }

    static func hex(_ text: String) -> Data? {
        var data = Data()
        data.reserveCapacity(text.utf8.count / 2)
        var high: UInt8?
        for c in text.utf8 {
            let v: UInt8
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): v = c - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): v = c - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): v = c - UInt8(ascii: "A") + 10
            default: return nil
            }
            if let h = high { data.append(h << 4 | v); high = nil } else { high = v }
        }
        return high == nil ? data : nil
    }
}

extension Sequence where Element == UInt8 {
    var hexString: String { map { String(format: "%02x", $0) }.joined() }
}
