/// An RGB raster for the PNG pictures: filled rectangles, one-pixel frames, lines (solid or dashed, by
/// Bresenham's algorithm, with a width) and numbers in a 3 × 5 pixel font scaled by an integer factor —
/// enough for axes, ticks, tick labels and boundary lines without a text-rendering library.
/// Coordinates: x to the right, y downwards, (0, 0) the top-left pixel; drawing outside is clipped.
public struct RasterCanvas: Sendable {
    public let width: Int
    public let height: Int
    /// Row-major RGB, 3 bytes per pixel.
    public private(set) var pixels: [UInt8]

    public typealias Colour = (UInt8, UInt8, UInt8)

    public init(width: Int, height: Int, background: Colour = (255, 255, 255)) {
        self.width = width
        self.height = height
        pixels = [UInt8](repeating: 0, count: width * height * 3)
        fill(x: 0, y: 0, width: width, height: height, background)
    }

    public mutating func set(_ x: Int, _ y: Int, _ c: Colour) {
        guard x >= 0, y >= 0, x < width, y < height else { return }
        let o = (y * width + x) * 3
        pixels[o] = c.0; pixels[o + 1] = c.1; pixels[o + 2] = c.2
    }

    public func colour(_ x: Int, _ y: Int) -> Colour {
        let o = (y * width + x) * 3
        return (pixels[o], pixels[o + 1], pixels[o + 2])
    }

    public mutating func fill(x: Int, y: Int, width w: Int, height h: Int, _ c: Colour) {
        for yy in max(0, y)..<min(height, y + h) where yy >= 0 {
            for xx in max(0, x)..<min(width, x + w) { set(xx, yy, c) }
        }
    }

    /// A one-pixel rectangle outline around (x, y, w, h) drawn just outside it.
    public mutating func frame(x: Int, y: Int, width w: Int, height h: Int, _ c: Colour) {
        line(x - 1, y - 1, x + w, y - 1, c)
        line(x - 1, y + h, x + w, y + h, c)
        line(x - 1, y - 1, x - 1, y + h, c)
        line(x + w, y - 1, x + w, y + h, c)
    }

    /// A line from (x0, y0) to (x1, y1); `dash` = (on, off) pixels for a dashed line; `thickness` ≥ 1.
    public mutating func line(_ x0: Int, _ y0: Int, _ x1: Int, _ y1: Int, _ c: Colour, thickness: Int = 1, dash: (Int, Int)? = nil) {
        var x = x0, y = y0
        let dx = abs(x1 - x0), dy = -abs(y1 - y0), sx = x0 < x1 ? 1 : -1, sy = y0 < y1 ? 1 : -1
        var err = dx + dy, k = 0
        let lo = -(thickness - 1) / 2, hi = thickness / 2
        while true {
            if dash.map({ k % ($0.0 + $0.1) < $0.0 }) ?? true {
                for a in lo...hi { for b in lo...hi { set(x + a, y + b, c) } }
            }
            k += 1
            if x == x1 && y == y1 { break }
            let e2 = 2 * err
            if e2 >= dy { err += dy; x += sx }
            if e2 <= dx { err += dx; y += sy }
        }
    }

    /// 3 × 5 glyphs (rows top to bottom, 3 bits each, most significant = left) for tick labels.
    static let glyphs: [Character: [UInt8]] = [
        "0": [7, 5, 5, 5, 7], "1": [2, 6, 2, 2, 7], "2": [7, 1, 7, 4, 7], "3": [7, 1, 7, 1, 7], "4": [5, 5, 7, 1, 1],
        "5": [7, 4, 7, 1, 7], "6": [7, 4, 7, 5, 7], "7": [7, 1, 1, 1, 1], "8": [7, 5, 7, 5, 7], "9": [7, 5, 7, 1, 7],
        ".": [0, 0, 0, 0, 2], "-": [0, 0, 7, 0, 0],
    ]

    /// Pixel width of `text` at `scale` (4 columns per glyph including the gap, minus the last gap).
    public static func textWidth(_ text: String, scale: Int) -> Int { max(0, text.count * 4 * scale - scale) }

    /// Draws digits, '.', '-' of `text` with its top-left corner at (x, y); other characters leave a gap.
    public mutating func text(_ text: String, x: Int, y: Int, scale: Int, _ c: Colour) {
        var cx = x
        for ch in text {
            if let rows = Self.glyphs[ch] {
                for (r, bits) in rows.enumerated() {
                    for col in 0..<3 where bits & (4 >> col) != 0 {
                        fill(x: cx + col * scale, y: y + r * scale, width: scale, height: scale, c)
                    }
                }
            }
            cx += 4 * scale
        }
    }
}
