import Foundation
import PDFSupport
import TequioModel

/// The branding's logo as the PDF embeds it: scaled down to 300 dpi at its printed size (cairo
/// compresses every pixel of an image in every document), once per process and logo.
enum PDFLogo {
    /// Pixels per inch the logo keeps.
    static let resolution = 300.0

    private final class Cache: @unchecked Sendable {
        let lock = NSLock()
        var scaled: [Data: Data] = [:]
    }

    private static let cache = Cache()

    /// The image to draw, or nil when the branding has no PNG logo.
    static func image(_ logo: Branding.Logo?) throws -> PNGImage? {
        guard let logo, let png = logo.png else { return nil }
        cache.lock.lock()
        let known = cache.scaled[png]
        cache.lock.unlock()
        if let known { return try PNGImage(png: known) }
        let width = Int((logo.widthMM / 25.4 * resolution).rounded(.up))
        let scaled = try PNGImage(png: png).scaled(toWidth: width)
        let data = try scaled.png()
        cache.lock.lock()
        cache.scaled[png] = data
        cache.lock.unlock()
        return scaled
    }
}
