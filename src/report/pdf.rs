//! The report as a PDF to print and hand out: A4, a title page, a contents list with page
//! numbers, headings, wrapped paragraphs, tables that continue across pages with their header
//! repeated, trend charts drawn as vectors (sharp on paper) with the target as a dashed line,
//! the source under every table and chart, and "Sida n av N" at the foot. Tagged for screen
//! readers: headings, paragraphs, tables with header cells, figures with their values as
//! alternative text; rules and page numbers are artifacts. Laid out here in two passes (body,
//! then contents) and drawn with `krilla`; the font is DejaVu Sans, shipped in `assets/fonts`
//! with its licence.

use krilla::Document;
use krilla::SerializeSettings;
use krilla::color::rgb;
use krilla::geom::{PathBuilder, Point, Rect};
use krilla::metadata::Metadata;
use krilla::num::NormalizedF32;
use krilla::page::PageSettings;
use krilla::paint::{Fill, Stroke, StrokeDash};
use krilla::tagging::{
    Artifact, ArtifactType, ContentTag, Identifier, SpanTag, TableHeaderScope, Tag, TagGroup,
    TagKind, TagTree,
};
use krilla::text::{Font, TextDirection};
use skrifa::MetadataProvider;
use skrifa::instance::{LocationRef, Size};
use std::num::NonZeroU16;

use super::{Block, Chart, Report, ReportError, Table};
use crate::i18n::Lang;
mod draw;
mod tables;
use draw::*;

const REGULAR: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans.ttf");
const BOLD: &[u8] = include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf");

/// A4 in points, and the margins.
const PAGE: (f32, f32) = (595.28, 841.89);
const MARGIN: f32 = 56.0;
const WIDTH: f32 = PAGE.0 - 2.0 * MARGIN;
const BODY: f32 = 10.0;
const LINE: f32 = 1.35;

/// A piece of a page, placed.
#[derive(Debug, Clone, PartialEq)]
enum Op {
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        grey: bool,
        text: String,
    },
    Fill {
        rect: (f32, f32, f32, f32),
        colour: (u8, u8, u8),
    },
    Line {
        points: Vec<(f32, f32)>,
        width: f32,
        colour: (u8, u8, u8),
        dashed: bool,
    },
    Image {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        png: std::sync::Arc<Vec<u8>>,
    },
}

/// Measures text in the shipped fonts.
struct Measure {
    regular: skrifa::FontRef<'static>,
    bold: skrifa::FontRef<'static>,
}

impl Measure {
    fn new() -> Result<Measure, ReportError> {
        let read = |b: &'static [u8]| {
            skrifa::FontRef::new(b).map_err(|e| ReportError::Refused(format!("font: {e}")))
        };
        Ok(Measure {
            regular: read(REGULAR)?,
            bold: read(BOLD)?,
        })
    }

    fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let font = if bold { &self.bold } else { &self.regular };
        let charmap = font.charmap();
        let metrics = font.glyph_metrics(Size::new(size), LocationRef::default());
        text.chars()
            .map(|c| {
                charmap
                    .map(c)
                    .and_then(|g| metrics.advance_width(g))
                    .unwrap_or(size * 0.5)
            })
            .sum()
    }

    /// Greedy line breaking at spaces; a word longer than the line is cut.
    fn wrap(&self, text: &str, size: f32, bold: bool, width: f32) -> Vec<String> {
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            for word in paragraph.split(' ').filter(|w| !w.is_empty()) {
                let candidate = if line.is_empty() {
                    word.to_string()
                } else {
                    format!("{line} {word}")
                };
                if self.width(&candidate, size, bold) <= width {
                    line = candidate;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                let mut rest = word.to_string();
                while self.width(&rest, size, bold) > width && rest.chars().count() > 1 {
                    let mut cut = String::new();
                    for c in rest.chars() {
                        if self.width(&format!("{cut}{c}"), size, bold) > width {
                            break;
                        }
                        cut.push(c);
                    }
                    if cut.is_empty() {
                        cut = rest.chars().take(1).collect();
                    }
                    rest = rest[cut.len()..].to_string();
                    lines.push(cut);
                }
                line = rest;
            }
            lines.push(line);
        }
        lines
    }
}

/// What a piece of the page is in the document's structure, for the tagged (accessible) PDF.
#[derive(Debug, Clone, PartialEq)]
enum Role {
    Heading(u8),
    P,
    Table,
    Row,
    Head,
    Cell,
    /// A chart or picture, with the words a screen reader says for it.
    Figure(String),
}

/// An element of the structure: its role and the element it is part of.
#[derive(Debug, Clone, PartialEq)]
struct Elem {
    role: Role,
    parent: Option<usize>,
}

/// A page's pieces, each with the element it belongs to (none: layout, such as rules).
type PageOps = Vec<(Option<usize>, Op)>;

/// Lays out pages top to bottom.
struct Layout<'m> {
    measure: &'m Measure,
    pages: Vec<PageOps>,
    elems: Vec<Elem>,
    /// The element what is pushed now belongs to.
    current: Option<usize>,
    y: f32,
    /// (level, text, page index) of each heading, for the contents.
    headings: Vec<(u8, String, usize)>,
}

impl<'m> Layout<'m> {
    fn new(measure: &'m Measure) -> Layout<'m> {
        Layout {
            measure,
            pages: vec![Vec::new()],
            elems: Vec::new(),
            current: None,
            y: MARGIN,
            headings: Vec::new(),
        }
    }

    fn elem(&mut self, role: Role, parent: Option<usize>) -> usize {
        self.elems.push(Elem { role, parent });
        self.elems.len() - 1
    }

    fn bottom() -> f32 {
        PAGE.1 - MARGIN - 20.0
    }

    fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = MARGIN;
    }

    /// Starts a new page unless `height` still fits on this one.
    fn room(&mut self, height: f32) {
        if self.y + height > Self::bottom() && self.y > MARGIN {
            self.new_page();
        }
    }

    fn push(&mut self, op: Op) {
        let current = self.current;
        if let Some(page) = self.pages.last_mut() {
            page.push((current, op));
        }
    }

    fn text(&mut self, x: f32, text: &str, size: f32, bold: bool, grey: bool) {
        self.push(Op::Text {
            x,
            y: self.y + size,
            size,
            bold,
            grey,
            text: text.to_string(),
        });
    }

    fn paragraph(&mut self, text: &str, size: f32, bold: bool, grey: bool) {
        self.current = Some(self.elem(Role::P, None));
        self.lines(text, size, bold, grey);
        self.current = None;
    }

    fn lines(&mut self, text: &str, size: f32, bold: bool, grey: bool) {
        for line in self.measure.wrap(text, size, bold, WIDTH) {
            self.room(size * LINE);
            self.text(MARGIN, &line, size, bold, grey);
            self.y += size * LINE;
        }
        self.y += size * 0.5;
    }

    fn heading(&mut self, level: u8, text: &str) {
        let size = match level {
            1 => 16.0,
            2 => 13.0,
            _ => 11.0,
        };
        // A heading never stands alone at the foot of a page.
        self.room(size * LINE * 2.0 + BODY * LINE * 3.0);
        self.y += size * 0.6;
        self.headings
            .push((level, text.to_string(), self.pages.len() - 1));
        self.current = Some(self.elem(Role::Heading(level), None));
        self.lines(text, size, true, false);
        self.current = None;
    }
}

/// Decimals that show a step of the axis: none for whole steps, one for tenths.
fn decimals(step: f64) -> usize {
    if step >= 1.0 {
        0
    } else if step >= 0.1 {
        1
    } else {
        2
    }
}

/// Thousands grouped with a narrow no-break space, as Swedish typography prints numbers, and a
/// per cent sign kept on the line of its number.
fn pdf_text(s: &str) -> String {
    s.replace('\u{a0}', "\u{202f}").replace(" %", "\u{202f}%")
}

/// The PDF's bytes.
pub fn render(report: &Report, lang: Lang) -> Result<Vec<u8>, ReportError> {
    let measure = Measure::new()?;
    let mut body = Layout::new(&measure);
    for block in &report.blocks {
        match block {
            Block::Heading(level, text) => body.heading(*level, text),
            Block::Paragraph(text) => body.paragraph(text, BODY, false, false),
            Block::Table(t) if t.spreadsheet_only => {}
            Block::Table(t) => body.table(t, lang),
            Block::Chart(c) => body.chart(c, lang),
            Block::Image {
                name,
                png,
                width,
                height,
            } => body.image(name, png, *width, *height),
        }
    }
    // The contents, laid out once to know how many pages it takes, then with the numbers.
    let contents = |offset: usize| {
        let mut l = Layout::new(&measure);
        l.paragraph(lang.t("Innehåll", "Contents"), 16.0, true, false);
        for (level, text, page) in body.headings.iter().filter(|h| h.0 <= 2) {
            let number = (page + offset + 1).to_string();
            let indent = if *level == 1 { 0.0 } else { 14.0 };
            let lines = measure.wrap(text, BODY, *level == 1, WIDTH - indent - 40.0);
            l.current = Some(l.elem(Role::P, None));
            for (i, line) in lines.iter().enumerate() {
                l.room(BODY * LINE);
                l.text(MARGIN + indent, line, BODY, *level == 1, false);
                if i + 1 == lines.len() {
                    let w = measure.width(&number, BODY, false);
                    l.push(Op::Text {
                        x: MARGIN + WIDTH - w,
                        y: l.y + BODY,
                        size: BODY,
                        bold: false,
                        grey: false,
                        text: number.clone(),
                    });
                }
                l.y += BODY * LINE;
            }
        }
        l.current = None;
        (l.pages, l.elems)
    };
    let contents_pages = contents(0).0.len();
    let toc = contents(1 + contents_pages);
    let mut title = Layout::new(&measure);
    title.y = PAGE.1 * 0.3;
    title.paragraph(&report.title, 26.0, true, false);
    title.paragraph(&report.subtitle, 16.0, false, false);
    title.y += 20.0;
    title.paragraph(
        &format!("{} {}", lang.t("Skriven", "Written"), report.date),
        BODY,
        false,
        true,
    );
    let title_page = title.pages.into_iter().take(1).collect();
    let (pages, elems) = combine(vec![
        (title_page, title.elems),
        toc,
        (body.pages, body.elems),
    ]);
    draw(&pages, &elems, &report.title, lang, &measure)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_break_at_spaces_within_the_width_and_long_words_are_cut() {
        let m = Measure::new().unwrap();
        let text = "Andel invånare som får svar på en enkel fråga via telefon";
        let lines = m.wrap(text, 10.0, false, 120.0);
        assert!(lines.len() > 1);
        assert!(lines.iter().all(|l| m.width(l, 10.0, false) <= 120.0));
        assert_eq!(lines.join(" "), text, "nothing lost");
        let long = m.wrap("Kommunledningsförvaltningen", 10.0, false, 40.0);
        assert!(long.len() > 1 && long.concat() == "Kommunledningsförvaltningen");
    }
}
