import Foundation

/// A hash of bytes that is the same on every machine and run (Swift's `Hasher` is seeded per process):
/// for identifiers computed from content, so the same input gives the same file.
public enum StableHash {
    /// 128 bits as 32 upper-case hexadecimal digits: two FNV-1a hashes with different offsets, enough to
    /// tell documents apart (not a cryptographic hash).
    public static func hex128(_ bytes: UnsafeRawBufferPointer) -> String {
        var a: UInt64 = 0xCBF2_9CE4_8422_2325
        var b: UInt64 = 0x6C62_272E_07BB_0142
        for byte in bytes {
            a = (a ^ UInt64(byte)) &* 0x100_0000_01B3
            b = (b ^ UInt64(byte)) &* 0x100_0000_01B3
        }
        return hex(a) + hex(b)
    }

    public static func hex128(_ bytes: [UInt8]) -> String { bytes.withUnsafeBytes { hex128($0) } }

    public static func hex128(_ data: Data) -> String { data.withUnsafeBytes { hex128($0) } }

    private static func hex(_ value: UInt64) -> String {
        let digits = String(value, radix: 16, uppercase: true)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }
}
