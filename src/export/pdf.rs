//! A small flowing-page writer over printpdf: A4 pages with a running header and "page i of
//! n" footer, headings, wrapped paragraphs, label–value rows, tables whose header repeats on
//! every page, and images. Text is DejaVu Sans from `assets/fonts` (embedded with a ToUnicode
//! map, so the text can be searched and copied), measured with the same font the charts use.
//! The output is deterministic: fixed resource names, no document id, dates from the record.

use printpdf::{
    Color, FontId, ImageCompression, ImageOptimizationOptions, Line, LinePoint, Mm, Op, ParsedFont,
    PdfDocument, PdfFont, PdfFontHandle, PdfPage, PdfSaveOptions, Point, Pt, RawImage,
    RawImageData, RawImageFormat, Rect, Rgb, TextItem, XObject, XObjectId, XObjectTransform,
};

use crate::render::{FONT, measure};

const PAGE_W: f32 = 210.0;
const PAGE_H: f32 = 297.0;
pub const MARGIN: f32 = 18.0;
/// Width of the text block, mm.
pub const BODY_W: f32 = PAGE_W - 2.0 * MARGIN;
const TOP: f32 = 22.0;
const BOTTOM: f32 = 18.0;
const PT_PER_MM: f32 = 72.0 / 25.4;

/// Text colours.
pub const INK: [f32; 3] = [0.13, 0.13, 0.16];
pub const MUTED: [f32; 3] = [0.38, 0.38, 0.44];
pub const ACCENT: [f32; 3] = [0.10, 0.36, 0.55];
pub const ALERT: [f32; 3] = [0.69, 0.12, 0.18];
const RULE: [f32; 3] = [0.78, 0.78, 0.82];
const SHADE: [f32; 3] = [0.95, 0.95, 0.97];

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

/// `text` broken into lines no wider than `width` mm at `size` pt: at spaces, and inside
/// words longer than a line; the writer's own line breaks kept.
pub fn wrap(text: &str, size: f32, width: f32) -> Vec<String> {
    let mut lines = Vec::new();
    for paragraph in text.lines() {
        let mut line = String::new();
        for word in paragraph.split_whitespace() {
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

pub struct Writer {
    doc: PdfDocument,
    font: FontId,
    pages: Vec<Vec<Op>>,
    ops: Vec<Op>,
    /// Distance of the next line's top from the top of the page, mm.
    y: f32,
    header: String,
    images: usize,
}

#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    #[error("the embedded font could not be read")]
    Font,
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
        let mut font = ParsedFont::from_bytes(FONT, 0, &mut Vec::new()).ok_or(PdfError::Font)?;
        font.font_name = Some("DejaVuSans".to_owned());
        let id = FontId("FDejaVu".to_owned());
        doc.resources
            .fonts
            .map
            .insert(id.clone(), PdfFont::new(font));
        let mut writer = Self {
            doc,
            font: id,
            pages: Vec::new(),
            ops: Vec::new(),
            y: TOP,
            header,
            images: 0,
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
        let ops = std::mem::take(&mut self.ops);
        self.pages.push(ops);
        self.start_page();
    }

    /// Starts a new page unless `height` mm still fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y + height > PAGE_H - BOTTOM && self.y > TOP + 1.0 {
            self.new_page();
        }
    }

    /// Text with the left end of its baseline `baseline` mm from the page top.
    fn text_at(&mut self, text: &str, x: f32, baseline: f32, size: f32, colour: [f32; 3]) {
        if text.is_empty() {
            return;
        }
        self.ops.extend([
            Op::StartTextSection,
            Op::SetFillColor { col: rgb(colour) },
            Op::SetFont {
                font: PdfFontHandle::External(self.font.clone()),
                size: Pt(size),
            },
            Op::SetTextCursor {
                pos: Point::new(Mm(x), Mm(PAGE_H - baseline)),
            },
            Op::ShowText {
                items: vec![TextItem::Text(text.to_owned())],
            },
            Op::EndTextSection,
        ]);
    }

    fn rule(&mut self, at: f32, colour: [f32; 3]) {
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

    fn fill_rect(&mut self, x: f32, top: f32, width: f32, height: f32, colour: [f32; 3]) {
        self.ops.extend([
            Op::SetFillColor { col: rgb(colour) },
            Op::DrawRectangle {
                rectangle: Rect {
                    mode: Some(printpdf::PaintMode::Fill),
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

    /// A table: wrapped cells, the header repeated on each page, rows shaded alternately;
    /// `alert(row)` colours a row's text when it needs attention.
    pub fn table(
        &mut self,
        columns: &[Column<'_>],
        rows: &[Vec<String>],
        alert: &dyn Fn(usize) -> bool,
    ) {
        let size = 8.5;
        let line_h = size * 0.47;
        let pad = 1.2;
        let titles: Vec<Vec<String>> = columns
            .iter()
            .map(|c| wrap(c.title, size, c.width - 2.0 * pad))
            .collect();
        let header_lines = titles.iter().map(Vec::len).max().unwrap_or(1);
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
        let header_height = header_lines as f32 * line_h + 2.0 * pad;
        // The header is kept with (the start of) the first row.
        let few_lines = 3.0 * line_h + 2.0 * pad;
        let first = rows
            .first()
            .map_or(0.0, |r| height_of(&cells_of(r)).min(few_lines));
        let header = |w: &mut Self| {
            let height = header_height;
            w.ensure(height + first);
            w.fill_rect(MARGIN, w.y, BODY_W, height, [0.88, 0.91, 0.95]);
            let mut x = MARGIN;
            for (column, lines) in columns.iter().zip(&titles) {
                for (i, line) in lines.iter().enumerate() {
                    let baseline = w.y + pad + i as f32 * line_h + size * 0.36;
                    w.text_at(line, x + pad, baseline, size, ACCENT);
                }
                x += column.width;
            }
            w.y += height;
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
                self.chart_row(std::mem::take(&mut row), height, gap);
            }
            row.push((image, caption, aspect));
        }
        if !row.is_empty() {
            self.chart_row(row, height, gap);
        }
    }

    /// One row of charts (image, caption, width ÷ height), as tall as fits the width.
    fn chart_row(&mut self, row: Vec<(RawImage, String, f32)>, max_height: f32, gap: f32) {
        let aspects: f32 = row.iter().map(|(_, _, a)| a).sum();
        let gaps = gap * (row.len() - 1) as f32;
        let height = ((BODY_W - gaps) / aspects.max(1e-3)).min(max_height);
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
        for (i, ops) in pages.into_iter().enumerate() {
            self.ops = ops;
            let page = format!("page {} of {count}", i + 1);
            self.text_at(footer, MARGIN, PAGE_H - 10.0, 7.5, MUTED);
            let w = text_width_mm(&page, 7.5);
            self.text_at(&page, PAGE_W - MARGIN - w, PAGE_H - 10.0, 7.5, MUTED);
            let ops = std::mem::take(&mut self.ops);
            self.doc
                .pages
                .push(PdfPage::new(Mm(PAGE_W), Mm(PAGE_H), ops));
        }
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

#[cfg(test)]
mod tests {
    use super::*;

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
        // A word longer than the line is cut, not lost.
        let long = "x".repeat(200);
        let cut = wrap(&long, 9.0, 20.0);
        assert!(cut.len() > 1);
        assert_eq!(cut.concat(), long);
    }
}
