import CCairo

/// The file formats a figure is written in.
public enum FigureFormat: String, CaseIterable, Sendable {
    case png, pdf, svg
}

/// Bytes written by a cairo stream surface (PDF, SVG) or PNG writer.
final class ByteSink {
    var bytes: [UInt8] = []
}

/// The C callback cairo calls with each chunk of output; `closure` is the unretained `ByteSink`.
private let appendToSink: cairo_write_func_t = { closure, data, length in
    guard let closure, let data else { return CAIRO_STATUS_WRITE_ERROR }
    let sink = Unmanaged<ByteSink>.fromOpaque(closure).takeUnretainedValue()
    sink.bytes.append(contentsOf: UnsafeBufferPointer(start: data, count: Int(length)))
    return CAIRO_STATUS_SUCCESS
}

/// One cairo surface and its drawing context: the only owner of both (destroyed in `deinit`).
/// Coordinates are points (PDF, SVG) or pixels (PNG), origin at the top left.
final class CairoDrawing {
    let format: FigureFormat
    let surface: OpaquePointer
    let context: OpaquePointer
    private let sink = ByteSink()
    static let fontFamily = "DejaVu Sans"

    init(format: FigureFormat, width: Double, height: Double) {
        self.format = format
        let closure = Unmanaged.passUnretained(sink).toOpaque()
        switch format {
        case .png:
            surface = cairo_image_surface_create(CAIRO_FORMAT_RGB24, Int32(width.rounded(.up)), Int32(height.rounded(.up)))
        case .pdf:
            surface = cairo_pdf_surface_create_for_stream(appendToSink, closure, width, height)
        case .svg:
            surface = cairo_svg_surface_create_for_stream(appendToSink, closure, width, height)
        }
        context = cairo_create(surface)
        cairo_select_font_face(context, Self.fontFamily, CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL)
    }

    /// A context for measuring text only.
    static func measuring() -> CairoDrawing { CairoDrawing(format: .png, width: 1, height: 1) }

    deinit {
        cairo_destroy(context)
        cairo_surface_destroy(surface)
    }

    /// Finishes the surface and returns the file's bytes.
    func finish() throws -> [UInt8] {
        cairo_surface_flush(surface)
        switch format {
        case .png:
            let status = cairo_surface_write_to_png_stream(surface, appendToSink, Unmanaged.passUnretained(sink).toOpaque())
            guard status == CAIRO_STATUS_SUCCESS else { throw FigureError(status) }
        case .pdf, .svg:
            cairo_surface_finish(surface)
            let status = cairo_surface_status(surface)
            guard status == CAIRO_STATUS_SUCCESS else { throw FigureError(status) }
        }
        return sink.bytes
    }

    // MARK: Paths and colours

    func setColour(_ c: Colour, alpha: Double = 1) { cairo_set_source_rgba(context, c.red, c.green, c.blue, alpha) }
    func setLine(width: Double, dash: [Double]? = nil) {
        cairo_set_line_width(context, width)
        if let dash, !dash.isEmpty { cairo_set_dash(context, dash, Int32(dash.count), 0) } else { cairo_set_dash(context, nil, 0, 0) }
    }
    func rectangle(_ x: Double, _ y: Double, _ w: Double, _ h: Double) { cairo_rectangle(context, x, y, w, h) }
    func move(_ x: Double, _ y: Double) { cairo_move_to(context, x, y) }
    func line(_ x: Double, _ y: Double) { cairo_line_to(context, x, y) }
    func circle(_ x: Double, _ y: Double, _ r: Double) { cairo_new_sub_path(context); cairo_arc(context, x, y, r, 0, 2 * Double.pi) }
    func fill() { cairo_fill(context) }
    func stroke() { cairo_stroke(context) }
    func save() { cairo_save(context) }
    func restore() { cairo_restore(context) }
    func clip() { cairo_clip(context) }

    /// Paints `colours` (row 0 at the bottom) as sharp-edged cells filling the rectangle. Runs of equal colour in a
    /// row are one rectangle (a phase map of 100 × 100 cells is a few hundred paths, crisp in PDF and SVG and small),
    /// drawn without antialiasing and overlapping their neighbours by a hair, so that no seam shows between cells.
    func cells(_ map: CellMap, x: Double, y: Double, width: Double, height: Double) {
        let cw = width / Double(map.columns), ch = height / Double(map.rows)
        save()
        rectangle(x, y, width, height); clip()
        cairo_set_antialias(context, CAIRO_ANTIALIAS_NONE)
        let overlap = format == .png ? 0 : 0.25
        for row in 0..<map.rows {
            var start = 0
            while start < map.columns {
                let c = map.colours[row * map.columns + start]
                var end = start + 1
                while end < map.columns && map.colours[row * map.columns + end] == c { end += 1 }
                setColour(c)
                let top = y + height - Double(row + 1) * ch
                rectangle(x + Double(start) * cw, top - overlap, Double(end - start) * cw + overlap, ch + overlap)
                fill()
                start = end
            }
        }
        restore()
    }

    // MARK: Text (cairo's toy text API; subscripts at 70 % size, shifted)

    static let scriptScale = 0.7

    func runSize(_ run: RichText.Run, _ size: Double) -> Double { run.placement == .baseline ? size : size * Self.scriptScale }
    func runShift(_ run: RichText.Run, _ size: Double) -> Double {
        switch run.placement {
        case .baseline: return 0
        case .lowered: return 0.22 * size
        case .raised: return -0.38 * size
        }
    }

    /// The advance width of the text at `size`.
    func width(_ text: RichText, size: Double) -> Double {
        var w = 0.0
        var extents = cairo_text_extents_t()
        for run in text.runs {
            cairo_set_font_size(context, runSize(run, size))
            cairo_text_extents(context, run.text, &extents)
            w += extents.x_advance
        }
        return w
    }

    /// Draws the text with its baseline at y; `anchor` 0 puts its left end at x, 0.5 its centre, 1 its right end;
    /// `vertical` rotates it by −90° (reading upwards, the baseline then at x).
    func text(_ text: RichText, x: Double, y: Double, size: Double, anchor: Double = 0, vertical: Bool = false, colour: Colour = .black) {
        let w = width(text, size: size)
        save()
        setColour(colour)
        cairo_translate(context, x, y)
        if vertical { cairo_rotate(context, -Double.pi / 2) }
        var pen = -anchor * w
        var extents = cairo_text_extents_t()
        for run in text.runs {
            cairo_set_font_size(context, runSize(run, size))
            cairo_move_to(context, pen, runShift(run, size))
            cairo_show_text(context, run.text)
            cairo_text_extents(context, run.text, &extents)
            pen += extents.x_advance
        }
        restore()
    }
}

/// cairo reported an error while writing a figure.
public struct FigureError: Error, CustomStringConvertible {
    public let message: String
    init(_ status: cairo_status_t) { message = String(cString: cairo_status_to_string(status)) }
    public var description: String { "cairo: \(message)" }
}
