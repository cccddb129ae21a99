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
        /// The images given to documents drawn by `DirectCanvas`, which only reads their pixels, once
        /// (`PNGImage.pdfImage`): one image for every document of the run.
        var shared: [Data: PNGImage] = [:]
    }

    private static let cache = Cache()

    /// The image to draw, or nil when the branding has no PNG logo.
    /// - Parameter shared: the same image for every document (for `DirectCanvas`), rather than a new one
    ///   (cairo, which may keep data on the images it draws).
    static func image(_ logo: Branding.Logo?, shared: Bool = false) throws -> PNGImage? {
        guard let logo, let png = logo.png else { return nil }
        if shared, let image = cache.lock.withLock({ cache.shared[png] }) { return image }
        let image: PNGImage
        if let known = cache.lock.withLock({ cache.scaled[png] }) {
            image = try PNGImage(png: known)
        } else {
            let width = Int((logo.widthMM / 25.4 * resolution).rounded(.up))
            image = try PNGImage(png: png).scaled(toWidth: width)
            let data = try image.png()
            cache.lock.withLock { cache.scaled[png] = data }
        }
        if shared { cache.lock.withLock { cache.shared[png] = image } }
        return image
    }
}
