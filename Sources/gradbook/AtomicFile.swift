import Foundation
import Glibc
import Synchronization

/// Files replaced whole: the pages of the workbook and the entries of the build cache.
enum AtomicFile {
    /// Writes `data` into a temporary file beside `url` and renames it over `url`: a
    /// reader sees the old file or the new one, never half of one. Unlike Foundation's
    /// atomic write it does not wait for the disk (fsync): that took longer than
    /// making the page; a build interrupted by a crash is simply run again, and a
    /// cache entry cut short fails its checksum.
    static func write(_ data: [UInt8], to url: URL) throws {
        var temporary: URL, file: Int32
        repeat {  // a name no other writer uses: this process's id and a count; O_EXCL makes sure
            temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(getpid()).\(made.withLock { $0 += 1; return $0 })")
            file = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o644)
        } while file < 0 && errno == EEXIST
        guard file >= 0 else { throw OutputFolder.WriteError(reason: String(cString: strerror(errno))) }
        var written = 0
        data.withUnsafeBytes { bytes in
            while written < bytes.count {
                let n = Glibc.write(file, bytes.baseAddress! + written, bytes.count - written)
                if n < 0, errno == EINTR { continue }
                guard n > 0 else { break }
                written += n
            }
        }
        let failure = written < data.count ? errno : 0
        if close(file) != 0 || failure != 0 || rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(failure != 0 ? failure : errno))
            unlink(temporary.path)
            throw OutputFolder.WriteError(reason: reason)
        }
    }

    /// The temporary files made so far, which number their names (Foundation's
    /// UUID opened /dev/urandom for each name: one more open a file written).
    private static let made = Mutex(0)
}
