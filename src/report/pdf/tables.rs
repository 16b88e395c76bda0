//! The PDF's tables, pictures and charts, laid out on the page.

use super::*;

impl<'m> Layout<'m> {
    pub(super) fn table(&mut self, t: &Table, lang: Lang) {
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

    pub(super) fn row_height(
        &self,
        cells: &[String],
        widths: &[f32],
        size: f32,
        pad: f32,
        bold: bool,
    ) -> f32 {
        let lines = cells
            .iter()
            .zip(widths)
            .map(|(c, w)| self.measure.wrap(c, size, bold, w - 2.0 * pad).len())
            .max()
            .unwrap_or(1);
        lines as f32 * size * LINE + 2.0 * pad
    }

    pub(super) fn table_row(
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
    pub(super) fn image(&mut self, name: &str, png: &[u8], width: u32, height: u32) {
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
    pub(super) fn chart(&mut self, c: &Chart, lang: Lang) {
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
        let frame = super::super::chart::Frame::of(c);
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
    pub(super) fn chart_axes(
        &mut self,
        c: &Chart,
        frame: &super::super::chart::Frame,
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
    pub(super) fn chart_legend(&mut self, c: &Chart, lang: Lang) {
        let small = BODY * 0.8;
        self.room(small * 2.0);
        let mut x = MARGIN + 40.0;
        let y = self.y;
        for item in super::super::chart::legend(c, lang) {
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
