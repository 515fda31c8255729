import CZlib
import Foundation

/// zlib's CRC-32 of some bytes: what tells a whole cache entry from a damaged one,
/// as it does for gzip and PNG. Not a defence against someone who means harm: a
/// cache entry is as trusted as the lectures beside it.
enum Checksum {
    /// The CRC-32 of `bytes`, as 8 lowercase hex digits.
    static func crc32(_ bytes: some ContiguousBytes) -> String {
        let value = bytes.withUnsafeBytes { buffer in
            CZlib.crc32(0, buffer.bindMemory(to: UInt8.self).baseAddress, uInt(buffer.count))
        }
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

extension Checksum {
    /// A file name for `text`: its 64-bit FNV-1a hash, as 16 lowercase hex digits. Names
    /// may collide; what is kept under one holds its text whole, compared before use.
    static func name(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
