//! The laid-out pages drawn as PDF operations, with the tags that make the file readable aloud.

use super::*;

/// The pages of several layouts in order, their elements numbered as one list.
pub(super) fn combine(parts: Vec<(Vec<PageOps>, Vec<Elem>)>) -> (Vec<PageOps>, Vec<Elem>) {
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
pub(super) fn tag_tree(elems: &[Elem], ids: Vec<Vec<Identifier>>) -> TagTree {
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

pub(super) fn draw(
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

pub(super) fn fill(colour: (u8, u8, u8)) -> Fill {
    Fill {
        paint: rgb::Color::new(colour.0, colour.1, colour.2).into(),
        opacity: NormalizedF32::ONE,
        rule: Default::default(),
    }
}
