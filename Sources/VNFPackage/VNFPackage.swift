import Foundation

/// A VNF package on disk: a directory holding `vnf.yaml`, its artifacts and optionally the
/// detached signature `vnf.yaml.sig`. Loading reads the manifest and the signature once;
/// `verify(_:policy:trust:)` checks the signature over exactly the bytes that were parsed.
public struct VNFPackage: Sendable {
    public static let manifestFileName = "vnf.yaml"
    public static let signatureFileName = "vnf.yaml.sig"

    /// The directory's last path component: the name a topology uses.
    public let name: String
    public let directory: URL
    public let manifest: VNFManifest
    /// The exact bytes of `vnf.yaml` that `manifest` was parsed from.
    public let manifestBytes: Data
    /// The contents of `vnf.yaml.sig`, or nil if the package has none.
    public let signature: Data?

    public var manifestURL: URL { directory.appendingPathComponent(Self.manifestFileName) }
    public var signatureURL: URL { directory.appendingPathComponent(Self.signatureFileName) }

    public static func load(directory: String) throws(ManifestError) -> VNFPackage {
        try load(directory: URL(fileURLWithPath: directory, isDirectory: true))
    }

    /// Reads and strictly parses `directory/vnf.yaml` (and `vnf.yaml.sig` if present).
    public static func load(directory: URL) throws(ManifestError) -> VNFPackage {
        let manifestURL = directory.appendingPathComponent(manifestFileName)
        let file = manifestURL.path
        let bytes: Data
        do {
            bytes = try Data(contentsOf: manifestURL)
        } catch {
            throw ManifestError(issues: [.init(file: file, line: nil, column: nil, message: "cannot read manifest: \(error.localizedDescription)")])
        }
        guard let text = String(data: bytes, encoding: .utf8) else {
            throw ManifestError(issues: [.init(file: file, line: nil, column: nil, message: "manifest is not UTF-8")])
        }
        let manifest = try VNFManifest.parse(text, file: file)
        let sigURL = directory.appendingPathComponent(signatureFileName)
        let signature = FileManager.default.fileExists(atPath: sigURL.path) ? (try? Data(contentsOf: sigURL)) ?? Data() : nil
        return VNFPackage(name: directory.standardizedFileURL.lastPathComponent, directory: directory,
                          manifest: manifest, manifestBytes: bytes, signature: signature)
    }
}

/// The packages under a root folder (`vnfs/`), by directory name: every subdirectory that
/// holds a `vnf.yaml` (so `vnfs/trust/` is not a package).
public struct VNFPackageCatalog: Sendable {
    public let root: URL

    public init(root: String) { self.root = URL(fileURLWithPath: root, isDirectory: true) }
    public init(root: URL) { self.root = root }

    /// Package names, sorted.
    public func names() throws -> [String] {
        let fm = FileManager.default
        return try fm.contentsOfDirectory(atPath: root.path).filter { name in
            var isDir: ObjCBool = false
            let dir = root.appendingPathComponent(name)
            return fm.fileExists(atPath: dir.path, isDirectory: &isDir) && isDir.boolValue
                && fm.fileExists(atPath: dir.appendingPathComponent(VNFPackage.manifestFileName).path)
        }.sorted()
    }

    public func package(named name: String) throws(ManifestError) -> VNFPackage {
        try VNFPackage.load(directory: root.appendingPathComponent(name, isDirectory: true))
    }

    /// Every package, loaded; the first manifest error is thrown.
    public func packages() throws -> [VNFPackage] {
        try names().map { try package(named: $0) }
    }

    /// The interfaces a VNF declares, for the Topology module's link checks.
    public func interfaces(ofVNF name: String) throws(ManifestError) -> [(name: String, protocol: InterfaceProtocol, transports: [InterfaceTransport])] {
        try package(named: name).manifest.interfaces.map { ($0.name, $0.protocol, $0.transports) }
    }
}
