import Foundation
import Verify
#if canImport(Glibc)
import Glibc
#endif

/// Bad input detected by the command line itself: which option or path, what is wrong, the fix.
struct BadInput: Error, CustomStringConvertible {
    var place: String
    var message: String
    var fix: String
    var description: String { "referee: error: \(place): \(message)\n  fix: \(fix)" }

    /// `--digits N` must request between 1 and `Claim.maximumDigits` correct digits.
    static func checkDigits(_ digits: Int) throws {
        guard digits >= 1, digits <= Claim.maximumDigits else {
            throw BadInput(place: "--digits \(digits)", message: "the digits requested must be a whole number from 1 to \(Claim.maximumDigits)",
                           fix: "write e.g. --digits 30 (the default); a claim can set its own with `digits:`")
        }
    }
}

/// Writes output to standard output or, atomically, to a file: the text goes to a temporary file
/// in the same folder that is renamed into place, so a failure never leaves a half-written file.
enum Output {
    static func write(_ text: String, to path: String?) throws {
        guard let path else {
            FileHandle.standardOutput.write(Data(text.utf8))
            return
        }
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.isEmpty ? "." : folder, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw BadInput(place: "--output \(path)", message: "the folder `\(folder)` does not exist", fix: "create it first or choose another path")
        }
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
            throw BadInput(place: "--output \(path)", message: "is a folder", fix: "give a file name, e.g. \(path)/report.json")
        }
        let shownFolder = folder.isEmpty ? "." : folder
        let notWritable = { (reason: String) in
            BadInput(place: "--output \(path)", message: "the folder `\(shownFolder)` is not writable: cannot create a file in it (\(reason))",
                     fix: "choose a path in a folder you can write to, e.g. --output report.\(url.pathExtension.isEmpty ? "txt" : url.pathExtension)")
        }
        if access(shownFolder, W_OK) != 0 { throw notWritable(String(cString: strerror(errno))) }
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).partial-\(getpid())")
        // The temporary file is written with open(2)/write(2), so a failure reports the system's
        // reason (a pseudo-filesystem such as /proc refuses to create files even for root).
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_EXCL, 0o644)
        guard fd >= 0 else {
            // ENOENT in a folder that exists: a pseudo-filesystem that refuses new files.
            throw notWritable(errno == ENOENT ? "the file system refuses new files there" : String(cString: strerror(errno)))
        }
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBufferPointer { Glibc.write(fd, $0.baseAddress! + written, bytes.count - written) }
            if n <= 0 {
                let reason = String(cString: strerror(errno))
                close(fd)
                unlink(temporary.path)
                throw BadInput(place: "--output \(path)", message: "cannot write the file (\(reason)); nothing was written",
                               fix: "free space in `\(shownFolder)` or choose another folder")
            }
            written += n
        }
        let syncFailed = fsync(fd) != 0 && errno != EINVAL
        close(fd)
        // rename(2) replaces an existing file atomically.
        guard !syncFailed, rename(temporary.path, path) == 0 else {
            let reason = String(cString: strerror(errno))
            unlink(temporary.path)
            throw BadInput(place: "--output \(path)", message: "cannot put the file in place (\(reason)); nothing was written",
                           fix: "check that `\(path)` is not read-only, or choose another path")
        }
    }
}
