//! A small flowing-page writer over printpdf: A4 pages with a running header and "page i of
//! n" footer, headings, wrapped paragraphs, label–value rows, tables whose header repeats on
//! every page, and images. Text is laid out by `crate::text` (DejaVu Sans from `assets/fonts`,
//! the system's fonts for scripts it lacks, bidi order and shaping), the same layout the
//! charts use, right-to-left runs in visual order as on paper; each font is embedded as a
//! subset of the glyphs used, with a ToUnicode map, so the text can be searched and copied
//! (readers put right-to-left runs back in logical order themselves; an /ActualText span
//! made poppler reverse them a second time). Text no font here draws is noted on every page.
//! The output is deterministic: fixed resource names, no document id, dates from the record.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use printpdf::{
    Codepoint, Color, FontId, ImageCompression, ImageOptimizationOptions, Line, LineCapStyle,
    LineDashPattern, LineJoinStyle, LinePoint, Mm, Op, PaintMode, ParsedFont, PdfDocument, PdfFont,
    PdfFontHandle, PdfPage, PdfSaveOptions, Point, Polygon, PolygonRing, Pt, RawImage,
    RawImageData, RawImageFormat, Rect, Rgb, TextItem, WindingOrder, XObject, XObjectId,
    XObjectTransform,
};

use crate::render::measure;
use crate::text::{Fonts, fonts};

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
pub const MARGIN: f32 = 18.0;
/// Width of the text block, mm.
pub const BODY_W: f32 = PAGE_W - 2.0 * MARGIN;
const TOP: f32 = 22.0;
const BOTTOM: f32 = 18.0;
const PT_PER_MM: f32 = 72.0 / 25.4;
/// Tables: text size (pt), line height and cell padding (mm).
const TABLE_SIZE: f32 = 8.5;
const TABLE_LINE_H: f32 = TABLE_SIZE * 0.47;
const TABLE_PAD: f32 = 1.2;

/// Text colours.
pub const INK: [f32; 3] = [0.13, 0.13, 0.16];
pub const MUTED: [f32; 3] = [0.38, 0.38, 0.44];
pub const ACCENT: [f32; 3] = [0.10, 0.36, 0.55];
pub const ALERT: [f32; 3] = [0.69, 0.12, 0.18];
/// A change that counts as progress (it passed its thresholds); never used for one that did not.
pub const GOOD: [f32; 3] = [0.10, 0.42, 0.27];
pub const RULE: [f32; 3] = [0.78, 0.78, 0.82];
const SHADE: [f32; 3] = [0.95, 0.95, 0.97];
/// The band behind table headers.
const HEADER_BAND: [f32; 3] = [0.88, 0.91, 0.95];

fn rgb([r, g, b]: [f32; 3]) -> Color {
    Color::Rgb(Rgb {
        r,
        g,
        b,
        icc_profile: None,
    })
}

/// Width of `text` at `size` pt, in mm.
fn text_width_mm(text: &str, size: f32) -> f32 {
    measure(text, size).0 / PT_PER_MM
}

/// `text` broken into lines no wider than `width` mm at `size` pt: at spaces (never at a
/// no-break space, as in "MDC\u{a0}2"), and inside words longer than a line; the writer's own
/// line breaks kept.
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        let words = paragraph
            .split(|c: char| c.is_whitespace() && c != '\u{a0}')
            .filter(|w| !w.is_empty());
        for word in words {
            let candidate = if line.is_empty() {
                word.to_owned()
            } else {
                format!("{line} {word}")
            };
            if text_width_mm(&candidate, size) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            // A word wider than the line is cut where it must be.
            let mut piece = String::new();
            for c in word.chars() {
                piece.push(c);
                if text_width_mm(&piece, size) > width && piece.chars().count() > 1 {
                    piece.pop();
                    lines.push(std::mem::take(&mut piece));
                    piece.push(c);
                }
            }
            line = piece;
        }
        lines.push(line);
    }
    if lines.is_empty() {
        lines.push(String::new());
    }
    lines
}

/// An opaque picture (a chart) as RGB bytes, row by row.
pub struct Picture {
    pub width: usize,
    pub height: usize,
    pub rgb: Vec<u8>,
}

impl Picture {
    fn into_raw(self) -> RawImage {
        RawImage {
            pixels: RawImageData::U8(self.rgb),
            width: self.width,
            height: self.height,
            data_format: RawImageFormat::RGB8,
            tag: Vec::new(),
        }
    }
}

/// A table column: heading and width (mm).
pub struct Column<'a> {
    pub title: &'a str,
    pub width: f32,
}

impl<'a> Column<'a> {
    pub const fn new(title: &'a str, width: f32) -> Self {
        Self { title, width }
    }
}

/// How a line is drawn: width in pt, colour, and dashes (dash and gap lengths in pt) or solid.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Stroke {
    pub width: f32,
    pub colour: [f32; 3],
    pub dash: Option<[f32; 2]>,
}

/// A face the document uses: its resource name and the glyphs drawn, in order of first use
/// (their number in the embedded subset is that order, after .notdef).
struct UsedFace {
    id: FontId,
    order: Vec<u16>,
    number: HashMap<u16, u16>,
}

impl UsedFace {
    /// The glyph's number in the subset.
    fn number(&mut self, glyph: u16) -> u16 {
        if glyph == 0 {
            return 0;
        }
        *self.number.entry(glyph).or_insert_with(|| {
            self.order.push(glyph);
            u16::try_from(self.order.len()).unwrap_or(0)
        })
    }
}

pub struct Writer {
    doc: PdfDocument,
    fonts: &'static Fonts,
    /// By face index of `fonts`.
    used: BTreeMap<usize, UsedFace>,
    /// Scripts of text no font here draws.
    missing: BTreeSet<&'static str>,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// Distance of the next line's top from the top of the page, mm.
    y: f32,
    header: String,
    images: usize,
    /// How full each finished page was: the share of the room between the header and the
    /// footer its content took (the layout's own numbers, for tests of the layout).
    fills: Vec<f32>,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be read")]
    Font,
    #[error("the font {0} could not be embedded: {1}")]
    Subset(String, String),
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

impl Writer {
    /// A document titled `title`, dated `date` (the record's time, so the same record gives
    /// the same file), whose pages carry `header` at the top.
    pub fn new(
        title: &str,
        author: &str,
        date: jiff::civil::DateTime,
        header: String,
    ) -> Result<Self, PdfError> {
        Self::with_fonts(title, author, date, header, fonts().ok_or(PdfError::Font)?)
    }

    /// As [`Writer::new`], drawing text with `fonts` (tests give fonts without fallbacks).
    pub fn with_fonts(
        title: &str,
        author: &str,
        date: jiff::civil::DateTime,
        header: String,
        fonts: &'static Fonts,
    ) -> Result<Self, PdfError> {
        let mut doc = PdfDocument::new(title);
        doc.metadata.info.author = author.to_owned();
        let seconds = jiff::tz::TimeZone::UTC
            .to_timestamp(date)
            .map_or(0, |t| t.as_second());
        if let Ok(date) = printpdf::OffsetDateTime::from_unix_timestamp(seconds) {
            doc.metadata.info.creation_date = date;
            doc.metadata.info.modification_date = date;
            doc.metadata.info.metadata_date = date;
        }
        doc.metadata.info.creator = "myomap".to_owned();
        doc.metadata.info.producer = "myomap".to_owned();
        let mut writer = Self {
            doc,
            fonts,
            used: BTreeMap::new(),
            missing: BTreeSet::new(),
            pages: Vec::new(),
            ops: Vec::new(),
            y: TOP,
            header,
            images: 0,
            fills: Vec::new(),
        };
        writer.start_page();
        Ok(writer)
    }

    fn start_page(&mut self) {
        self.y = TOP;
        let header = self.header.clone();
        self.text_at(&header, MARGIN, 12.0, 8.0, MUTED);
        self.rule(14.0, RULE);
    }

    fn new_page(&mut self) {
        self.fills.push(self.fill());
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(ops);
        self.start_page();
    }

    /// Starts a new page unless `height` mm still fit on this one; whether it did.
    pub fn ensure(&mut self, height: f32) -> bool {
        let new_page = self.y + height > PAGE_H - BOTTOM && self.y > TOP + 1.0;
        if new_page {
            self.new_page();
        }
        new_page
    }

    /// How much of this page's room (between header and footer) is used so far, 0 to 1.
    fn fill(&self) -> f32 {
        ((self.y - TOP) / (PAGE_H - BOTTOM - TOP)).clamp(0.0, 1.0)
    }

    /// How full each page is, the last one as far as it goes: 0 to 1 of the room between the
    /// header and the footer.
    #[cfg(test)]
    pub fn page_fills(&self) -> Vec<f32> {
        let mut fills = self.fills.clone();
        fills.push(self.fill());
        fills
    }

    /// Where the next block starts: mm from the top of the page.
    pub fn cursor(&self) -> f32 {
        self.y
    }

    /// How much of this page is left below the cursor, mm.
    pub fn room(&self) -> f32 {
        PAGE_H - BOTTOM - self.y
    }

    /// Moves the next block `mm` further down the page (after drawing at positions).
    pub fn advance(&mut self, mm: f32) {
        self.y += mm;
    }

    /// Text with the left end of its baseline `baseline` mm from the page top: the glyphs as
    /// laid out, one text object per run of one face (and per mark the font raised).
    fn text_at(&mut self, text: &str, x: f32, baseline: f32, size: f32, colour: [f32; 3]) {
        if text.is_empty() {
            return;
        }
        let line = self.fonts.layout(text, size);
        self.missing.extend(line.missing.iter().copied());
        let mut start = 0;
        while start < line.glyphs.len() {
            let first = &line.glyphs[start];
            let end = if first.rise != 0.0 {
                start + 1
            } else {
                line.glyphs[start..]
                    .iter()
                    .position(|g| g.face != first.face || g.rise != 0.0)
                    .map_or(line.glyphs.len(), |n| start + n)
            };
            self.glyph_run(text, &line.glyphs[start..end], x, baseline, size, colour);
            start = end;
        }
    }

    /// Text at a position: the left end of its baseline `x` mm from the page's left edge and
    /// `baseline` mm from its top, `size` pt. For layouts the flowing blocks do not cover.
    pub fn text(&mut self, text: &str, x: f32, baseline: f32, size: f32, colour: [f32; 3]) {
        self.text_at(text, x, baseline, size, colour);
    }

    /// Glyphs of one face, shown from the first one's position; the TJ offsets carry the
    /// shaper's advances where they differ from the font's own.
    fn glyph_run(
        &mut self,
        text: &str,
        glyphs: &[crate::text::Glyph],
        x: f32,
        baseline: f32,
        size: f32,
        colour: [f32; 3],
    ) {
        let Some(first) = glyphs.first() else {
            return;
        };
        let Some(face) = self.fonts.face(first.face) else {
            return;
        };
        let index = first.face;
        let used = self.used.entry(index).or_insert_with(|| UsedFace {
            id: FontId(if index == 0 {
                "FDejaVu".to_owned()
            } else {
                format!("FFallback{index}")
            }),
            order: Vec::new(),
            number: HashMap::new(),
        });
        let per_unit = size / face.units_per_em();
        let mut items = Vec::with_capacity(glyphs.len());
        for (i, glyph) in glyphs.iter().enumerate() {
            // After a glyph the reader moves by its advance in the font; the shaper may
            // want the next one elsewhere (kerning, joining, marks).
            let offset = glyphs.get(i + 1).map_or(0.0, |next| {
                let moved = face.advance_units(glyph.id) * per_unit;
                let wanted = next.x - glyph.x;
                let shift = (moved - wanted) * 1000.0 / size;
                if shift.abs() < 0.01 { 0.0 } else { shift }
            });
            items.push(Codepoint {
                gid: used.number(glyph.id),
                offset,
                cid: Some(text.get(glyph.chars.clone()).unwrap_or_default().to_owned()),
            });
        }
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: rgb(colour) },
            Op::SetFont {
                font: PdfFontHandle::External(used.id.clone()),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point::new(
                    Mm(x + first.x / PT_PER_MM),
                    Mm(PAGE_H - baseline + first.rise / PT_PER_MM),
                ),
            },
            Op::ShowText {
                items: vec![TextItem::GlyphIds(items)],
            },
            Op::EndTextSection,
        ]);
    }

    /// A rule across the text block `at` mm from the top of the page.
    pub fn rule(&mut self, at: f32, colour: [f32; 3]) {
        self.ops.extend([
            Op::SetOutlineColor { col: rgb(colour) },
            Op::SetOutlineThickness { pt: Pt(0.5) },
            Op::DrawLine {
                line: Line {
                    points: vec![
                        LinePoint {
                            p: Point::new(Mm(MARGIN), Mm(PAGE_H - at)),
                            bezier: false,
                        },
                        LinePoint {
                            p: Point::new(Mm(PAGE_W - MARGIN), Mm(PAGE_H - at)),
                            bezier: false,
                        },
                    ],
                    is_closed: false,
                },
            },
        ]);
    }

    /// A line through `points`, each (x, y) mm from the page's left and top edges; nothing
    /// for fewer than two points. Round caps and joins; the dash does not outlast the line.
    pub fn polyline(&mut self, points: &[(f32, f32)], stroke: Stroke) {
        if points.len() < 2 {
            return;
        }
        let dash = stroke.dash.map_or_else(LineDashPattern::solid, |pattern| {
            LineDashPattern::new(0.0, &pattern)
        });
        self.ops.extend([
            Op::SaveGraphicsState,
            Op::SetOutlineColor {
                col: rgb(stroke.colour),
            },
            Op::SetOutlineThickness {
                pt: Pt(stroke.width),
            },
            Op::SetLineCapStyle {
                cap: LineCapStyle::Round,
            },
            Op::SetLineJoinStyle {
                join: LineJoinStyle::Round,
            },
            Op::SetLineDashPattern { dash },
            Op::DrawLine {
                line: Line {
                    points: points
                        .iter()
                        .map(|&(x, y)| LinePoint {
                            p: Point::new(Mm(x), Mm(PAGE_H - y)),
                            bezier: false,
                        })
                        .collect(),
                    is_closed: false,
                },
            },
            Op::RestoreGraphicsState,
        ]);
    }

    /// A filled disc of radius `r` mm centred `x` mm from the left edge and `y` mm from the
    /// top: four cubic Béziers.
    pub fn disc(&mut self, x: f32, y: f32, r: f32, colour: [f32; 3]) {
        // The control-point distance that makes a quarter circle of a cubic Bézier.
        const KAPPA: f32 = 0.552_284_8;
        let k = KAPPA * r;
        let y = PAGE_H - y;
        let point = |dx: f32, dy: f32, bezier: bool| LinePoint {
            p: Point::new(Mm(x + dx), Mm(y + dy)),
            bezier,
        };
        let points = vec![
            point(r, 0.0, false),
            point(r, k, true),
            point(k, r, true),
            point(0.0, r, false),
            point(-k, r, true),
            point(-r, k, true),
            point(-r, 0.0, false),
            point(-r, -k, true),
            point(-k, -r, true),
            point(0.0, -r, false),
            point(k, -r, true),
            point(r, -k, true),
            point(r, 0.0, false),
        ];
        self.ops.extend([
            Op::SetFillColor { col: rgb(colour) },
            Op::DrawPolygon {
                polygon: Polygon {
                    rings: vec![PolygonRing { points }],
                    mode: PaintMode::Fill,
                    winding_order: WindingOrder::NonZero,
                },
            },
        ]);
    }

    /// A filled rectangle `top` mm from the top of the page.
    pub fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32, colour: [f32; 3]) {
        self.ops.extend([
            Op::SetFillColor { col: rgb(colour) },
            Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(PaintMode::Fill),
                    ..Rect::from_xywh(
                        Mm(x).into(),
                        Mm(PAGE_H - top - height).into(),
                        Mm(width).into(),
                        Mm(height).into(),
                    )
                },
            },
        ]);
    }

    /// The document's title line.
    pub fn title(&mut self, text: &str) {
        self.ensure(12.0);
        self.text_at(text, MARGIN, self.y + 7.0, 17.0, INK);
        self.y += 11.0;
    }

    /// A section heading with a rule under it; kept with at least `keep` mm of what follows.
    pub fn heading(&mut self, text: &str, keep: f32) {
        self.ensure(12.0 + keep);
        self.y += 3.0;
        self.text_at(text, MARGIN, self.y + 5.0, 12.5, ACCENT);
        self.rule(self.y + 7.0, RULE);
        self.y += 10.0;
    }

    /// A wrapped paragraph.
    pub fn paragraph(&mut self, text: &str, size: f32, colour: [f32; 3]) {
        self.paragraph_at(text, MARGIN, BODY_W, size, colour);
    }

    pub fn paragraph_at(&mut self, text: &str, x: f32, width: f32, size: f32, colour: [f32; 3]) {
        let line_h = size * 0.5;
        for line in wrap(text, size, width) {
            self.ensure(line_h);
            self.text_at(&line, x, self.y + size * 0.36, size, colour);
            self.y += line_h;
        }
        self.y += 1.0;
    }

    /// Label–value rows: the label muted on the left, the value wrapped beside it.
    pub fn fields(&mut self, rows: &[(&str, String)]) {
        let size = 9.5;
        let line_h = size * 0.5;
        let label_w = 42.0;
        for (label, value) in rows {
            if value.trim().is_empty() {
                continue;
            }
            let lines = wrap(value, size, BODY_W - label_w);
            self.ensure(line_h * lines.len().min(3) as f32);
            self.text_at(label, MARGIN, self.y + size * 0.36, size, MUTED);
            for line in lines {
                self.ensure(line_h);
                self.text_at(&line, MARGIN + label_w, self.y + size * 0.36, size, INK);
                self.y += line_h;
            }
            self.y += 0.8;
        }
    }

    /// Height of the band [`Writer::column_titles`] draws for `columns`, mm.
    pub fn column_titles_height(columns: &[Column<'_>]) -> f32 {
        let lines = columns
            .iter()
            .map(|c| wrap(c.title, TABLE_SIZE, c.width - 2.0 * TABLE_PAD).len())
            .max()
            .unwrap_or(1);
        lines as f32 * TABLE_LINE_H + 2.0 * TABLE_PAD
    }

    /// The titles of `columns` on a shaded band across the text block, as a table's header
    /// (also over rows drawn at positions); the cursor moves below it.
    pub fn column_titles(&mut self, columns: &[Column<'_>]) {
        let (size, line_h, pad) = (TABLE_SIZE, TABLE_LINE_H, TABLE_PAD);
        let height = Self::column_titles_height(columns);
        self.fill_rect(MARGIN, self.y, BODY_W, height, HEADER_BAND);
        let mut x = MARGIN;
        for column in columns {
            for (i, line) in wrap(column.title, size, column.width - 2.0 * pad)
                .iter()
                .enumerate()
            {
                let baseline = self.y + pad + i as f32 * line_h + size * 0.36;
                self.text_at(line, x + pad, baseline, size, ACCENT);
            }
            x += column.width;
        }
        self.y += height;
    }

    /// A table: wrapped cells, the header repeated on each page, rows shaded alternately;
    /// `alert(row)` colours a row's text when it needs attention.
    pub fn table(
        &mut self,
        columns: &[Column<'_>],
        rows: &[Vec<String>],
        alert: &dyn Fn(usize) -> bool,
    ) {
        let (size, line_h, pad) = (TABLE_SIZE, TABLE_LINE_H, TABLE_PAD);
        let header_height = Self::column_titles_height(columns);
        let cells_of = |row: &[String]| -> Vec<Vec<String>> {
            columns
                .iter()
                .zip(row)
                .map(|(column, text)| wrap(text, size, column.width - 2.0 * pad))
                .collect()
        };
        let height_of = |cells: &[Vec<String>]| {
            cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * line_h + 2.0 * pad
        };
        // The header is kept with (the start of) the first row.
        let few_lines = 3.0 * line_h + 2.0 * pad;
        let first = rows
            .first()
            .map_or(0.0, |r| height_of(&cells_of(r)).min(few_lines));
        let header = |w: &mut Self| {
            w.ensure(header_height + first);
            w.column_titles(columns);
        };
        header(self);
        for (index, row) in rows.iter().enumerate() {
            let cells = cells_of(row);
            let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
            // A row that fits a page is kept together; a longer one starts here (when a few
            // of its lines fit) and continues on the next pages, the header repeated.
            let height = height_of(&cells);
            let page = PAGE_H - BOTTOM - TOP - header_height;
            let room = PAGE_H - BOTTOM - self.y;
            if (height > room && height <= page) || room < few_lines.min(height) {
                self.new_page();
                header(self);
            }
            let colour = if alert(index) { ALERT } else { INK };
            let mut line = 0;
            while line < lines {
                let room = ((PAGE_H - BOTTOM - self.y - 2.0 * pad) / line_h).floor() as usize;
                let take = room.clamp(1, lines - line);
                let height = take as f32 * line_h + 2.0 * pad;
                if index % 2 == 1 {
                    self.fill_rect(MARGIN, self.y, BODY_W, height, SHADE);
                }
                let mut x = MARGIN;
                for (column, cell) in columns.iter().zip(&cells) {
                    for (i, text) in cell.iter().enumerate().skip(line).take(take) {
                        let baseline = self.y + pad + (i - line) as f32 * line_h + size * 0.36;
                        self.text_at(text, x + pad, baseline, size, colour);
                    }
                    x += column.width;
                }
                self.y += height;
                line += take;
                if line < lines {
                    self.new_page();
                    header(self);
                }
            }
        }
        self.y += 2.0;
    }

    /// PNG charts side by side in rows, each captioned under it: as many to a row as fit at
    /// two thirds of `height` mm, then the row enlarged to fill the width, up to `height`.
    pub fn charts(&mut self, charts: Vec<(Picture, String)>, height: f32) {
        let gap = 4.0;
        let min_height = height * 2.0 / 3.0;
        let mut row: Vec<(RawImage, String, f32)> = Vec::new();
        for (picture, caption) in charts {
            let image = picture.into_raw();
            let aspect = image.width as f32 / image.height.max(1) as f32;
            let used: f32 = row.iter().map(|(_, _, a)| min_height * a + gap).sum();
            if !row.is_empty() && used + min_height * aspect > BODY_W {
                self.chart_row(std::mem::take(&mut row), height, min_height, gap);
            }
            row.push((image, caption, aspect));
        }
        if !row.is_empty() {
            self.chart_row(row, height, min_height, gap);
        }
    }

    /// One row of charts (image, caption, width ÷ height), as tall as fits the width. A row
    /// that does not fit the rest of the page at that height, but does at `min_height` or
    /// more, is made as tall as the room left rather than leaving the page half empty.
    fn chart_row(
        &mut self,
        row: Vec<(RawImage, String, f32)>,
        max_height: f32,
        min_height: f32,
        gap: f32,
    ) {
        let aspects: f32 = row.iter().map(|(_, _, a)| a).sum();
        let gaps = gap * (row.len() - 1) as f32;
        let mut height = ((BODY_W - gaps) / aspects.max(1e-3)).min(max_height);
        let room = self.room() - 7.0;
        if height > room && room >= min_height.min(height) {
            height = room;
        }
        let total = height * aspects + gaps;
        self.ensure(height + 7.0);
        let mut x = MARGIN + (BODY_W - total).max(0.0) / 2.0;
        for (image, caption, aspect) in row {
            let width = height * aspect;
            let dpi = image.width as f32 * 25.4 / width;
            self.images += 1;
            let id = XObjectId(format!("Chart{}", self.images));
            self.doc
                .resources
                .xobjects
                .map
                .insert(id.clone(), XObject::Image(image));
            self.ops.push(Op::UseXobject {
                id,
                transform: XObjectTransform {
                    translate_x: Some(Mm(x).into()),
                    translate_y: Some(Mm(PAGE_H - self.y - height).into()),
                    dpi: Some(dpi),
                    ..XObjectTransform::default()
                },
            });
            let caption_w = text_width_mm(&caption, 8.0);
            self.text_at(
                &caption,
                x + (width - caption_w) / 2.0,
                self.y + height + 4.0,
                8.0,
                MUTED,
            );
            x += width + gap;
        }
        self.y += height + 7.0;
    }

    /// The finished PDF's bytes: every page footed with "page i of n".
    pub fn finish(mut self, footer: &str) -> Result<Vec<u8>, PdfError> {
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(ops);
        let count = self.pages.len();
        let pages = std::mem::take(&mut self.pages);
        let note = crate::text::missing_note(self.missing.iter().copied());
        for (i, ops) in pages.into_iter().enumerate() {
            self.ops = ops;
            let page = format!("page {} of {count}", i + 1);
            if let Some(note) = &note {
                self.text_at(note, MARGIN, PAGE_H - 13.5, 7.5, ALERT);
            }
            self.text_at(footer, MARGIN, PAGE_H - 10.0, 7.5, MUTED);
            let w = text_width_mm(&page, 7.5);
            self.text_at(&page, PAGE_W - MARGIN - w, PAGE_H - 10.0, 7.5, MUTED);
            let ops = std::mem::take(&mut self.ops);
            self.doc
                .pages
                .push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops));
        }
        self.embed_fonts()?;
        let options = PdfSaveOptions {
            image_optimization: Some(ImageOptimizationOptions {
                format: Some(ImageCompression::Flate),
                max_image_size: None,
                auto_optimize: Some(false),
                ..ImageOptimizationOptions::default()
            }),
            ..PdfSaveOptions::default()
        };
        let mut warnings = Vec::new();
        let mut document = self.doc.to_lopdf_document(&options, &mut warnings);
        let errors: Vec<String> = warnings
            .into_iter()
            .filter(|w| matches!(w.severity, printpdf::PdfParseErrorSeverity::Error))
            .map(|w| w.msg)
            .collect();
        if !errors.is_empty() {
            return Err(PdfError::Write(errors.join("; ")));
        }
        // No random document id: the same record gives the same bytes.
        document.trailer.remove(b"ID");
        document.compress();
        let mut out = Vec::new();
        document
            .save_to(&mut out)
            .map_err(|e| PdfError::Write(e.to_string()))?;
        Ok(out)
    }
}

impl Writer {
    /// Each face used, as a subset of the glyphs drawn (numbered in order of first use, as
    /// `UsedFace::number` gave them), with allsorts; printpdf writes it with /W widths and a
    /// ToUnicode map from the characters each glyph was drawn for.
    fn embed_fonts(&mut self) -> Result<(), PdfError> {
        use allsorts::binary::read::ReadScope;
        use allsorts::font_data::FontData;
        use allsorts::subset::{CmapTarget, SubsetProfile, subset};

        for (index, used) in &self.used {
            let Some(face) = self.fonts.face(*index) else {
                continue;
            };
            let failed = |e: String| PdfError::Subset(face.family.clone(), e);
            let (bytes, face_index) = face.file();
            let file = ReadScope::new(bytes)
                .read::<FontData<'_>>()
                .map_err(|e| failed(e.to_string()))?;
            let provider = file
                .table_provider(face_index as usize)
                .map_err(|e| failed(e.to_string()))?;
            let glyphs: Vec<u16> = std::iter::once(0)
                .chain(used.order.iter().copied())
                .collect();
            let program = subset(&provider, &glyphs, &SubsetProfile::Pdf, CmapTarget::Unicode)
                .map_err(|e| failed(e.to_string()))?;
            let mut font = ParsedFont::from_bytes(&program, 0, &mut Vec::new())
                .ok_or_else(|| failed("the subset cannot be read back".to_owned()))?;
            // A subset's name carries a tag of six capitals (ISO 32000-1, 9.6.4), here
            // from the glyphs it holds, so the same text gives the same file.
            let family: String = face.family.split_whitespace().collect();
            font.font_name = Some(format!("{}+{family}", subset_tag(&glyphs)));
            self.doc
                .resources
                .fonts
                .map
                .insert(used.id.clone(), PdfFont::new(font));
        }
        Ok(())
    }
}

/// Six capital letters from an FNV-1a hash of the glyph ids, as a subset's name tag.
fn subset_tag(glyphs: &[u16]) -> String {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in glyphs.iter().flat_map(|g| g.to_be_bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 8)) % 26) as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::NoFallbacks;

    const NAME: &str = "王秀英 · ليلى حداد · अनीता";

    fn pdf_with(fonts: &'static Fonts) -> Vec<u8> {
        let date = jiff::civil::date(2026, 5, 4).at(9, 30, 0, 0);
        let mut writer =
            Writer::with_fonts("Report", "Test", date, NAME.to_owned(), fonts).expect("a writer");
        writer.title(NAME);
        writer.paragraph("Plain text in DejaVu Sans.", 9.5, INK);
        writer.finish("footer").expect("written")
    }

    fn text_of(pdf: &[u8]) -> String {
        let document = lopdf::Document::load_mem(pdf).expect("parses");
        let pages: Vec<u32> = document.get_pages().keys().copied().collect();
        document.extract_text(&pages).expect("extractable")
    }

    #[test]
    fn every_page_says_which_scripts_have_no_font() {
        let none: &'static Fonts =
            Box::leak(Box::new(Fonts::new(Box::new(NoFallbacks)).expect("reads")));
        let text = text_of(&pdf_with(none));
        assert!(
            text.contains("no font on this system for: Devanagari, Han"),
            "{text}"
        );
        assert!(text.contains("Plain text in DejaVu Sans."));
    }

    #[test]
    fn names_in_any_script_are_embedded_as_small_subsets_and_read_back() {
        let fonts = crate::text::fonts().expect("reads");
        if !fonts.missing_scripts(NAME).is_empty() {
            eprintln!(
                "skipped: {} (install fonts-noto-core and fonts-noto-cjk)",
                crate::text::missing_note(fonts.missing_scripts(NAME)).unwrap_or_default()
            );
            return;
        }
        let pdf = pdf_with(fonts);
        let text = text_of(&pdf);
        assert!(text.contains("王秀英"), "{text}");
        assert!(text.contains("अनीता"), "{text}");
        // lopdf reads glyphs in the order they are drawn: right to left for Arabic, so
        // the first name's letters come last to first.
        let drawn: String = "ليلى".chars().rev().collect();
        assert!(text.contains(&drawn), "{text}");
        assert!(!text.contains("no font"));
        // The CJK face alone is megabytes; the subsets of the few glyphs used are small.
        assert!(pdf.len() < 120_000, "{} bytes", pdf.len());
        let document = lopdf::Document::load_mem(&pdf).expect("parses");
        let fonts_used: Vec<String> = document
            .objects
            .values()
            .filter_map(|o| o.as_dict().ok())
            .filter(|d| d.get(b"Type").and_then(|t| t.as_name()).ok() == Some(b"FontDescriptor"))
            .filter_map(|d| d.get(b"FontName").and_then(|n| n.as_name()).ok())
            .map(|n| String::from_utf8_lossy(n).into_owned())
            .collect();
        assert_eq!(
            fonts_used.len(),
            3,
            "DejaVu, a Han and a Devanagari face: {fonts_used:?}"
        );
    }

    #[test]
    fn wrapping_keeps_every_word_within_the_width() {
        let text = "Dry needling of the right upper trapezius with a 0.25 × 30 mm needle, \
                    fast-in/fast-out, three local twitch responses.\nSecond line.";
        let lines = wrap(text, 9.0, 40.0);
        assert!(lines.len() > 3);
        assert!(lines.iter().all(|l| text_width_mm(l, 9.0) <= 40.0));
        assert_eq!(lines.last().map(String::as_str), Some("Second line."));
        let words: Vec<&str> = text.split_whitespace().collect();
        let rejoined = lines.join(" ");
        assert_eq!(rejoined.split_whitespace().collect::<Vec<_>>(), words);
        // A no-break space holds a figure to its name.
        let held = wrap("lower is better · MDC\u{a0}10.2 · MCID\u{a0}7.5", 9.0, 38.0);
        assert!(held.len() > 1, "{held:?}");
        let figures = held
            .iter()
            .filter(|l| l.contains("MDC") || l.contains("MCID"));
        assert!(
            figures.clone().count() >= 1
                && figures
                    .into_iter()
                    .all(|l| l.contains("MDC\u{a0}10.2") || l.contains("MCID\u{a0}7.5")),
            "{held:?}"
        );
        // A word longer than the line is cut, not lost.
        let long = "x".repeat(200);
        let cut = wrap(&long, 9.0, 20.0);
        assert!(cut.len() > 1);
        assert_eq!(cut.concat(), long);
    }
}
