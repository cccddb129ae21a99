import Foundation
import XCTest

/// A fresh folder for one test, removed afterwards.
final class Sandbox {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("zipsupport-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func file(_ path: String) -> URL { url.appendingPathComponent(path) }

    /// Every file and folder in the sandbox, hidden ones included, as sorted relative paths.
    func listing() -> [String] {
        let enumerator = FileManager.default.enumerator(atPath: url.path)
        return (enumerator?.allObjects as? [String] ?? []).sorted()
    }
}

/// Runs `body` with the process time zone set to `zone` (through `TZ` and `tzset`).
func withTimeZone<T>(_ zone: String, _ body: () throws -> T) rethrows -> T {
    let saved = getenv("TZ").map { String(cString: $0) }
    setenv("TZ", zone, 1)
    tzset()
    defer {
        if let saved { setenv("TZ", saved, 1) } else { unsetenv("TZ") }
        tzset()
    }
    return try body()
}

/// Runs `body` with `SOURCE_DATE_EPOCH` set to `value` (or unset for nil).
func withSourceDateEpoch<T>(_ value: String?, _ body: () throws -> T) rethrows -> T {
    let saved = getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) }
    if let value { setenv("SOURCE_DATE_EPOCH", value, 1) } else { unsetenv("SOURCE_DATE_EPOCH") }
    defer {
        if let saved { setenv("SOURCE_DATE_EPOCH", saved, 1) } else { unsetenv("SOURCE_DATE_EPOCH") }
    }
    return try body()
}

/// A UTC date from an ISO 8601 string such as `2021-03-14T02:30:00Z`.
func utc(_ text: String) -> Date {
    ISO8601DateFormatter().date(from: text)!
}

/// Deterministic bytes that deflate does not shrink much (a simple linear congruential generator).
func noise(_ count: Int, seed: UInt32 = 1) -> Data {
    var state = seed
    return Data(
        (0..<count).map { _ in
            state = state &* 1_664_525 &+ 1_013_904_223
            return UInt8(state >> 24)
        })
}
