import CPangoCairo

extension PNGImage {
    /// The image as a PDF image XObject (ISO 32000-1 §8.9.5): 8-bit RGB samples, and its transparency,
    /// when it has any, as a soft mask; both compressed. Made once per image, so that a logo shared by
    /// every document of a run (`PDFLogo`) is converted and compressed once.
    func pdfImage() throws -> PDFImageStreams {
        try pdfForm.get {
            cairo_surface_flush(surface)
            guard let data = cairo_image_surface_get_data(surface) else { throw PDFError("cairo: an image without pixels") }
            let stride = Int(cairo_image_surface_get_stride(surface))
            let hasAlpha = cairo_image_surface_get_format(surface) == CAIRO_FORMAT_ARGB32
            var rgb = [UInt8]()
            rgb.reserveCapacity(width * height * 3)
            var alpha = [UInt8]()
            alpha.reserveCapacity(hasAlpha ? width * height : 0)
            var opaque = true
            for row in 0..<height {
                // Native-endian 32-bit pixels: A R G B from the high byte, colours premultiplied by alpha.
                let pixels = UnsafeRawPointer(data + row * stride).assumingMemoryBound(to: UInt32.self)
                for column in 0..<width {
                    let p = pixels[column]
                    let a = hasAlpha ? (p >> 24) & 0xFF : 0xFF
                    func channel(_ shift: UInt32) -> UInt8 {
                        let c = (p >> shift) & 0xFF
                        return a == 0 ? 0 : UInt8(min(255, (c * 255 + a / 2) / a))
                    }
                    rgb += [channel(16), channel(8), channel(0)]
                    if hasAlpha {
                        alpha.append(UInt8(a))
                        if a != 0xFF { opaque = false }
                    }
                }
            }
            func image(_ colourSpace: String) -> PDFDictionary {
                PDFDictionary([
                    ("Type", .name("XObject")), ("Subtype", .name("Image")), ("Width", .integer(width)), ("Height", .integer(height)),
                    ("ColorSpace", .name(colourSpace)), ("BitsPerComponent", .integer(8)), ("Interpolate", .true),
                    ("Filter", .name("FlateDecode")),
                ])
            }
            return PDFImageStreams(
                image: (image("DeviceRGB"), try Deflate.compress(rgb)),
                mask: opaque ? nil : (image("DeviceGray"), try Deflate.compress(alpha)))
        }
    }
}

/// An image XObject's dictionary and compressed samples, and its soft mask's (the image's dictionary
/// gets the mask's /SMask when it is written).
struct PDFImageStreams: Sendable {
    var image: (dictionary: PDFDictionary, data: [UInt8])
    var mask: (dictionary: PDFDictionary, data: [UInt8])?
}
