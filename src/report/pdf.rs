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

    fn table(&mut self, t: &Table, lang: Lang) {
        let size = BODY * 0.9;
        let pad = 3.0;
        let rows: Vec<Vec<String>> = t
            .rows
            .iter()
            .map(|r| r.iter().map(|c| pdf_text(&c.display(lang))).collect())
            .collect();
        // Column widths: at least the longest word (no word is cut), then the room left shared
        // out by how much more each column's longest text wants.
        let n = t.columns.len().max(1);
        let word = |text: &str, bold: bool| {
            text.split(' ')
                .map(|w| self.measure.width(w, size, bold))
                .fold(0.0_f32, f32::max)
        };
        let mut least = vec![0.0_f32; n];
        let mut want = vec![0.0_f32; n];
        for (i, head) in t.columns.iter().enumerate().take(n) {
            least[i] = word(head, true);
            want[i] = self.measure.width(head, size, true);
        }
        for row in &rows {
            for (i, cell) in row.iter().enumerate().take(n) {
                least[i] = least[i].max(word(cell, false));
                want[i] = want[i].max(self.measure.width(cell, size, false).min(WIDTH * 0.5));
            }
        }
        let room = WIDTH - least.iter().map(|w| w + 2.0 * pad).sum::<f32>();
        let extra: Vec<f32> = want
            .iter()
            .zip(&least)
            .map(|(w, l)| (w - l).max(0.0))
            .collect();
        let extra_total: f32 = extra.iter().sum();
        let widths: Vec<f32> = if room <= 0.0 {
            // Even the words do not fit: shrink all alike (long words are then cut).
            let scale = WIDTH / least.iter().map(|w| w + 2.0 * pad).sum::<f32>();
            least.iter().map(|w| (w + 2.0 * pad) * scale).collect()
        } else {
            least
                .iter()
                .zip(&extra)
                .map(|(l, e)| {
                    let share = if extra_total > 0.0 {
                        (e / extra_total * room).min(*e)
                    } else {
                        0.0
                    };
                    l + 2.0 * pad + share
                })
                .collect()
        };
        let header: Vec<String> = t.columns.clone();
        self.room(size * LINE * 4.0);
        let table = Some(self.elem(Role::Table, None));
        self.table_row(&header, &widths, size, pad, true, table);
        for row in &rows {
            let height = self.row_height(row, &widths, size, pad, false);
            if self.y + height > Self::bottom() {
                self.new_page();
                // Repeated for the eye only: in the structure the header is there once.
                self.table_row(&header, &widths, size, pad, true, None);
            }
            self.table_row(row, &widths, size, pad, false, table);
        }
        self.current = None;
        if !t.source.is_empty() {
            self.y += 2.0;
            self.paragraph(&t.source, size * 0.9, false, true);
        } else {
            self.y += size;
        }
    }

    fn row_height(&self, cells: &[String], widths: &[f32], size: f32, pad: f32, bold: bool) -> f32 {
        let lines = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| self.measure.wrap(c, size, bold, w - 2.0 * pad).len())
            .max()
            .unwrap_or(1);
        lines as f32 * size * LINE + 2.0 * pad
    }

    fn table_row(
        &mut self,
        cells: &[String],
        widths: &[f32],
        size: f32,
        pad: f32,
        header: bool,
        table: Option<usize>,
    ) {
        let height = self.row_height(cells, widths, size, pad, header);
        let row = table.map(|t| self.elem(Role::Row, Some(t)));
        self.current = None;
        if header {
            self.push(Op::Fill {
                rect: (MARGIN, self.y, widths.iter().sum(), height),
                colour: (225, 230, 236),
            });
        }
        let mut x = MARGIN;
        for (cell, w) in cells.iter().zip(widths) {
            let role = if header { Role::Head } else { Role::Cell };
            self.current = row.map(|r| self.elem(role, Some(r)));
            let mut y = self.y + pad;
            for line in self.measure.wrap(cell, size, header, w - 2.0 * pad) {
                self.push(Op::Text {
                    x: x + pad,
                    y: y + size,
                    size,
                    bold: header,
                    grey: false,
                    text: line,
                });
                y += size * LINE;
            }
            x += w;
        }
        self.current = None;
        self.y += height;
        self.push(Op::Line {
            points: vec![
                (MARGIN, self.y),
                (MARGIN + widths.iter().sum::<f32>(), self.y),
            ],
            width: if header { 0.8 } else { 0.3 },
            colour: (120, 120, 120),
            dashed: false,
        });
    }

    /// A picture at most half the page wide and a third of it high, with its name under it.
    fn image(&mut self, name: &str, png: &[u8], width: u32, height: u32) {
        let (w, h) = (width.max(1) as f32, height.max(1) as f32);
        let scale = (WIDTH / 2.0 / w).min(PAGE.1 / 3.0 / h);
        let (w, h) = (w * scale, h * scale);
        self.room(h + 20.0);
        self.current = Some(self.elem(Role::Figure(name.to_string()), None));
        self.push(Op::Image {
            x: MARGIN,
            y: self.y,
            w,
            h,
            png: std::sync::Arc::new(png.to_vec()),
        });
        self.current = None;
        self.y += h + 4.0;
        self.paragraph(name, BODY * 0.8, false, true);
    }

    /// A trend chart: a frame with round values beside it and faint lines at them, the
    /// comparison lines, the values as a line with dots, the target dashed, the years under,
    /// a legend, and a word when the axis does not start at zero.
    fn chart(&mut self, c: &Chart, lang: Lang) {
        let height = 150.0;
        self.room(height + 70.0);
        self.paragraph(&c.title, BODY, true, false);
        let values: Vec<String> = c
            .points
            .iter()
            .map(|(y, v)| format!("{y}: {}", lang.number(*v, 1)))
            .collect();
        let alt = format!("{}: {}", c.title, values.join(", "));
        self.current = Some(self.elem(Role::Figure(alt), None));
        let (x0, y0, w, h) = (MARGIN + 40.0, self.y, WIDTH - 60.0, height);
        let frame = super::chart::Frame::of(c);
        self.chart_axes(c, &frame, lang, (x0, y0, w, h));
        let px = |year: i32| frame.x(year, x0, w);
        let py = |v: f64| frame.y(v, y0, h);
        for r in &c.references {
            self.push(Op::Line {
                points: r.points.iter().map(|(y, v)| (px(*y), py(*v))).collect(),
                width: 1.0,
                colour: r.kind.colour(),
                dashed: false,
            });
        }
        if let Some(t) = c.target {
            self.push(Op::Line {
                points: vec![(x0, py(t)), (x0 + w, py(t))],
                width: 1.0,
                colour: (213, 94, 0),
                dashed: true,
            });
        }
        let line: Vec<(f32, f32)> = c.points.iter().map(|(y, v)| (px(*y), py(*v))).collect();
        self.push(Op::Line {
            points: line.clone(),
            width: 1.6,
            colour: (0, 114, 178),
            dashed: false,
        });
        for (x, y) in &line {
            self.push(Op::Fill {
                rect: (x - 2.0, y - 2.0, 4.0, 4.0),
                colour: (0, 114, 178),
            });
        }
        self.current = None;
        let small = BODY * 0.8;
        self.y = y0 + h + small * 2.0 + 4.0;
        self.chart_legend(c, lang);
        let unit = if c.unit.is_empty() {
            String::new()
        } else {
            format!("{}: {} · ", lang.t("Enhet", "Unit"), c.unit)
        };
        let note = frame
            .axis_note(lang, &c.unit)
            .map(|n| format!("{n} "))
            .unwrap_or_default();
        self.paragraph(&format!("{note}{unit}{}", c.source), small, false, true);
    }

    /// The frame, the round values at the side with faint lines across, and the years under
    /// (every other one when there are many).
    fn chart_axes(
        &mut self,
        c: &Chart,
        frame: &super::chart::Frame,
        lang: Lang,
        (x0, y0, w, h): (f32, f32, f32, f32),
    ) {
        let small = BODY * 0.8;
        for t in frame.ticks() {
            let y = frame.y(t, y0, h);
            self.push(Op::Line {
                points: vec![(x0, y), (x0 + w, y)],
                width: 0.3,
                colour: (215, 215, 215),
                dashed: false,
            });
            let label = pdf_text(&lang.number(t, decimals(frame.step)));
            let lw = self.measure.width(&label, small, false);
            self.push(Op::Text {
                x: x0 - lw - 4.0,
                y: y + small / 3.0,
                size: small,
                bold: false,
                grey: true,
                text: label,
            });
        }
        self.push(Op::Line {
            points: vec![(x0, y0), (x0, y0 + h), (x0 + w, y0 + h)],
            width: 0.6,
            colour: (60, 60, 60),
            dashed: false,
        });
        let mut years: Vec<i32> = c.points.iter().map(|p| p.0).collect();
        years.extend(
            c.references
                .iter()
                .flat_map(|r| r.points.iter().map(|p| p.0)),
        );
        years.sort_unstable();
        years.dedup();
        let every = if years.len() > 8 { 2 } else { 1 };
        for (i, year) in years.iter().enumerate() {
            if i % every == 1 && i + 1 != years.len() {
                continue;
            }
            let label = year.to_string();
            let lw = self.measure.width(&label, small, false);
            self.push(Op::Text {
                x: frame.x(*year, x0, w) - lw / 2.0,
                y: y0 + h + small + 3.0,
                size: small,
                bold: false,
                grey: true,
                text: label,
            });
        }
    }

    /// What each line is: a short stroke in its colour and its name, on one line.
    fn chart_legend(&mut self, c: &Chart, lang: Lang) {
        let small = BODY * 0.8;
        self.room(small * 2.0);
        let mut x = MARGIN + 40.0;
        let y = self.y;
        for item in super::chart::legend(c, lang) {
            self.push(Op::Line {
                points: vec![(x, y - small / 3.0), (x + 14.0, y - small / 3.0)],
                width: 1.6,
                colour: item.colour,
                dashed: item.dashed,
            });
            let text = pdf_text(&item.name);
            let lw = self.measure.width(&text, small, false);
            self.push(Op::Text {
                x: x + 18.0,
                y,
                size: small,
                bold: false,
                grey: false,
                text,
            });
            x += 18.0 + lw + 14.0;
        }
        self.y += small * 1.2;
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

/// The pages of several layouts in order, their elements numbered as one list.
fn combine(parts: Vec<(Vec<PageOps>, Vec<Elem>)>) -> (Vec<PageOps>, Vec<Elem>) {
    let (mut pages, mut elems) = (Vec::new(), Vec::new());
    for (part_pages, part_elems) in parts {
        let offset = elems.len();
        elems.extend(part_elems.into_iter().map(|e| Elem {
            parent: e.parent.map(|p| p + offset),
            ..e
        }));
        pages.extend(part_pages.into_iter().map(|ops| {
            ops.into_iter()
                .map(|(e, op)| (e.map(|e| e + offset), op))
                .collect::<PageOps>()
        }));
    }
    (pages, elems)
}

/// The structure tree from the elements and the pieces drawn for each.
fn tag_tree(elems: &[Elem], ids: Vec<Vec<Identifier>>) -> TagTree {
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); elems.len()];
    for (i, e) in elems.iter().enumerate() {
        if let Some(p) = e.parent {
            children[p].push(i);
        }
    }
    let mut ids: Vec<Option<Vec<Identifier>>> = ids.into_iter().map(Some).collect();
    fn group(
        i: usize,
        elems: &[Elem],
        children: &[Vec<usize>],
        ids: &mut [Option<Vec<Identifier>>],
    ) -> TagGroup {
        let kind: TagKind = match &elems[i].role {
            Role::Heading(level) => Tag::Hn(
                NonZeroU16::new(u16::from(*level).max(1)).unwrap_or(NonZeroU16::MIN),
                None,
            )
            .into(),
            Role::P => Tag::P.into(),
            Role::Table => Tag::Table.into(),
            Role::Row => Tag::TR.into(),
            Role::Head => Tag::TH(TableHeaderScope::Column).into(),
            Role::Cell => Tag::TD.into(),
            Role::Figure(alt) => Tag::Figure(Some(alt.clone())).into(),
        };
        let mut g = TagGroup::new(kind);
        for id in ids[i].take().unwrap_or_default() {
            g.push(id);
        }
        for c in &children[i] {
            g.push(group(*c, elems, children, ids));
        }
        g
    }
    let mut tree = TagTree::new();
    for (i, e) in elems.iter().enumerate() {
        if e.parent.is_none() {
            tree.push(group(i, elems, &children, &mut ids));
        }
    }
    tree
}

fn draw(
    pages: &[PageOps],
    elems: &[Elem],
    title: &str,
    lang: Lang,
    measure: &Measure,
) -> Result<Vec<u8>, ReportError> {
    let regular =
        Font::new(REGULAR.into(), 0).ok_or_else(|| ReportError::Refused("font".into()))?;
    let bold = Font::new(BOLD.into(), 0).ok_or_else(|| ReportError::Refused("font".into()))?;
    let mut document = Document::new_with(SerializeSettings {
        enable_tagging: true,
        ..SerializeSettings::default()
    });
    document.set_metadata(
        Metadata::new()
            .title(title.to_string())
            .language(lang.t("sv", "en").to_string()),
    );
    let mut ids: Vec<Vec<Identifier>> = vec![Vec::new(); elems.len()];
    let total = pages.len();
    for (n, ops) in pages.iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE.0, PAGE.1)
            .ok_or_else(|| ReportError::Refused("page".into()))?;
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for (elem, op) in ops {
            let tag = match (elem, op) {
                (None, _) => ContentTag::Artifact(Artifact::new(ArtifactType::Layout, None)),
                (Some(_), Op::Text { .. }) => ContentTag::Span(SpanTag::empty()),
                (Some(_), _) => ContentTag::Other,
            };
            let id = surface.start_tagged(tag);
            if let Some(e) = elem
                && let Some(list) = ids.get_mut(*e)
            {
                list.push(id);
            }
            match op {
                Op::Text {
                    x,
                    y,
                    size,
                    bold: b,
                    grey,
                    text,
                } => {
                    let c = if *grey { 90 } else { 20 };
                    surface.set_fill(Some(fill((c, c, c))));
                    let font = if *b { bold.clone() } else { regular.clone() };
                    surface.draw_text(
                        Point::from_xy(*x, *y),
                        font,
                        *size,
                        text,
                        false,
                        TextDirection::Auto,
                    );
                }
                Op::Fill { rect, colour } => {
                    let mut pb = PathBuilder::new();
                    if let Some(r) = Rect::from_xywh(rect.0, rect.1, rect.2, rect.3) {
                        pb.push_rect(r);
                    }
                    if let Some(path) = pb.finish() {
                        surface.set_stroke(None);
                        surface.set_fill(Some(fill(*colour)));
                        surface.draw_path(&path);
                    }
                }
                Op::Image { x, y, w, h, png } => {
                    let image = krilla::image::Image::from_png(png.clone().into(), true)
                        .map_err(|e| ReportError::Refused(format!("PDF: {e}")))?;
                    if let Some(size) = krilla::geom::Size::from_wh(*w, *h) {
                        surface.push_transform(&krilla::geom::Transform::from_translate(*x, *y));
                        surface.draw_image(image, size);
                        surface.pop();
                    }
                }
                Op::Line {
                    points,
                    width,
                    colour,
                    dashed,
                } => {
                    let mut pb = PathBuilder::new();
                    for (i, (x, y)) in points.iter().enumerate() {
                        if i == 0 {
                            pb.move_to(*x, *y);
                        } else {
                            pb.line_to(*x, *y);
                        }
                    }
                    if let Some(path) = pb.finish() {
                        surface.set_fill(None);
                        surface.set_stroke(Some(Stroke {
                            paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
                            width: *width,
                            dash: dashed.then(|| StrokeDash {
                                array: vec![4.0, 3.0],
                                offset: 0.0,
                            }),
                            ..Stroke::default()
                        }));
                        surface.draw_path(&path);
                        surface.set_stroke(None);
                    }
                }
            }
            surface.end_tagged();
        }
        if n > 0 {
            let foot = match lang {
                Lang::Sv => format!("Sida {} av {total}", n + 1),
                Lang::En => format!("Page {} of {total}", n + 1),
            };
            let w = measure.width(&foot, BODY * 0.8, false);
            surface.start_tagged(ContentTag::Artifact(Artifact::new(
                ArtifactType::PageNumber,
                None,
            )));
            surface.set_fill(Some(fill((90, 90, 90))));
            surface.draw_text(
                Point::from_xy((PAGE.0 - w) / 2.0, PAGE.1 - MARGIN / 2.0),
                regular.clone(),
                BODY * 0.8,
                &foot,
                false,
                TextDirection::Auto,
            );
            surface.end_tagged();
        }
        surface.finish();
        page.finish();
    }
    document.set_tag_tree(tag_tree(elems, ids));
    document
        .finish()
        .map_err(|e| ReportError::Refused(format!("PDF: {e:?}")))
}

fn fill(colour: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
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
