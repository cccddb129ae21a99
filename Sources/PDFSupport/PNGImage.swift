import CPangoCairo
import Foundation

/// A PNG decoded by cairo, to draw on a `PDFCanvas` (cairo embeds it losslessly).
public final class PNGImage {
    /// What cairo's read callback takes bytes from.
    private final class Source {
        let data: Data
        var offset = 0
        init(_ data: Data) { self.data = data }
    }

    let surface: OpaquePointer
    /// The image as `DirectCanvas` embeds it, made on first use (`pdfImage()`).
    let pdfForm = Memo<PDFImageStreams>()
    /// Pixels.
    public let width: Int
    public let height: Int

    public init(png: Data) throws {
        let source = Source(png)
        let closure = Unmanaged.passUnretained(source).toOpaque()
        let image = withExtendedLifetime(source) {
            cairo_image_surface_create_from_png_stream(
                { closure, buffer, length in
                    guard let closure, let buffer else { return CAIRO_STATUS_READ_ERROR }
                    let s = Unmanaged<Source>.fromOpaque(closure).takeUnretainedValue()
                    let count = Int(length)
                    guard s.offset + count <= s.data.count else { return CAIRO_STATUS_READ_ERROR }
                    s.data.copyBytes(to: buffer, from: s.data.startIndex + s.offset..<s.data.startIndex + s.offset + count)
                    s.offset += count
                    return CAIRO_STATUS_SUCCESS
                }, closure)!
        }
        let (w, h) = (Int(cairo_image_surface_get_width(image)), Int(cairo_image_surface_get_height(image)))
        do {
            try Cairo.check(cairo_surface_status(image), "reading the PNG image")
            guard w > 0, h > 0 else { throw PDFError("cairo: the PNG image is empty") }
        } catch {
            cairo_surface_destroy(image)
            throw error
        }
        surface = image
        width = w
        height = h
    }

    private init(surface: OpaquePointer, width: Int, height: Int) {
        self.surface = surface
        self.width = width
        self.height = height
    }

    /// The image scaled down to at most `maxWidth` pixels wide (keeping its shape), or itself when it
    /// is no wider: a logo printed 16 mm wide needs 190 pixels at 300 dpi, and cairo compresses every
    /// pixel of the image it embeds, in every document.
    public func scaled(toWidth maxWidth: Int) throws -> PNGImage {
        guard maxWidth > 0, width > maxWidth else { return self }
        let w = maxWidth
        let h = max(1, Int((Double(height) * Double(w) / Double(width)).rounded()))
        let target = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, Int32(w), Int32(h))!
        let cr = cairo_create(target)!
        defer { cairo_destroy(cr) }
        cairo_scale(cr, Double(w) / Double(width), Double(h) / Double(height))
        cairo_set_source_surface(cr, surface, 0, 0)
        cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD)
        cairo_paint(cr)
        cairo_surface_flush(target)
        do {
            try Cairo.check(cairo_status(cr), "scaling the image")
        } catch {
            cairo_surface_destroy(target)
            throw error
        }
        return PNGImage(surface: target, width: w, height: h)
    }

    deinit { cairo_surface_destroy(surface) }

    /// The image as PNG bytes.
    public func png() throws -> Data {
        final class Sink { var data = Data() }
        let sink = Sink()
        let status = withExtendedLifetime(sink) {
            cairo_surface_write_to_png_stream(
                surface,
                { closure, bytes, length in
                    guard let closure, let bytes else { return CAIRO_STATUS_WRITE_ERROR }
                    Unmanaged<Sink>.fromOpaque(closure).takeUnretainedValue().data.append(bytes, count: Int(length))
                    return CAIRO_STATUS_SUCCESS
                }, Unmanaged.passUnretained(sink).toOpaque())
        }
        try Cairo.check(status, "writing the PNG image")
        return sink.data
    }
}
