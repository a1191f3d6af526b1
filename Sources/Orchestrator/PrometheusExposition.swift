/// Prometheus text exposition format 0.0.4 of a ``KPIStore`` snapshot, written here rather than
/// with swift-prometheus: plug-ins send arbitrary names and label sets, and that library stops
/// the process (fatalError) when one metric name comes with two label layouts — a misbehaving
/// plug-in must not be able to end the orchestrator. Names and label names are made valid
/// (`[a-zA-Z_:][a-zA-Z0-9_:]*`, invalid characters → `_`), label values escaped.
public enum PrometheusExposition {
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    public static func render(_ series: [(KPIStore.Series, KPIStore.Value)]) -> String {
        var out = ""
        var lastName = ""
        for (s, v) in series {
            let name = sanitize(s.name, colonAllowed: true)
            if name != lastName {
                out += "# TYPE \(name) \(name.hasSuffix("_total") ? "counter" : "gauge")\n"
                lastName = name
            }
            out += name
            if !s.labels.isEmpty {
                out += "{" + s.labels.map { "\(sanitize($0.name, colonAllowed: false))=\"\(escape($0.value))\"" }.joined(separator: ",") + "}"
            }
            out += " \(format(v.value))\n"
        }
        return out
    }

    static func sanitize(_ s: String, colonAllowed: Bool) -> String {
        var out = ""
        for (i, c) in s.unicodeScalars.enumerated() {
            let ok = (c >= "a" && c <= "z") || (c >= "A" && c <= "Z") || c == "_" || (colonAllowed && c == ":") || (i > 0 && c >= "0" && c <= "9")
            out.unicodeScalars.append(ok ? c : "_")
        }
        return out.isEmpty ? "_" : out
    }

    static func escape(_ s: String) -> String {
        var out = ""
        for c in s {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    static func format(_ v: Double) -> String {
        if v.isNaN { return "NaN" }
        if v.isInfinite { return v > 0 ? "+Inf" : "-Inf" }
        if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
        return "\(v)"
    }
}
