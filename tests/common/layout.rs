//! The layout check: walks the accessibility tree of what a frame drew and finds what the room
//! cannot see or reach. Each widget's bounds come from the tree; the part of it that is not
//! clipped away (by a scroll area, a panel or the window) comes from egui's record of the
//! widget, looked up by the same id.
//!
//! - **Out of reach**: an interactive element, or a text, not wholly visible, that scrolling
//!   to it (the accessibility action a screen reader uses) does not bring into view.
//! - **Overlap**: two texts on the same layer drawn over each other.
//! - **Under a panel**: an element drawn over a panel it does not belong to (a page running
//!   under its checklist footer).

use egui::accesskit::Role;
use egui::{Id, LayerId, Rect};
use egui_kittest::Harness;
use egui_kittest::kittest::NodeT;

/// One element as a frame drew it.
#[derive(Debug, Clone)]
pub struct Seen {
    pub id: Id,
    pub name: String,
    /// What a field holds.
    pub value: String,
    pub role: Role,
    pub rect: Rect,
    /// The part not clipped away, inside the window.
    pub visible: Rect,
    pub layer: LayerId,
    pub interactive: bool,
    /// The panels it is drawn in, innermost first.
    pub panels: Vec<Id>,
    /// Every container it is drawn in, innermost first.
    pub ancestors: Vec<Id>,
}

impl Seen {
    fn is_text(&self) -> bool {
        !self.name.trim().is_empty()
            && matches!(
                self.role,
                Role::Label
                    | Role::Button
                    | Role::CheckBox
                    | Role::RadioButton
                    | Role::Link
                    | Role::TextInput
                    | Role::MultilineTextInput
                    | Role::ComboBox
                    | Role::SpinButton
                    | Role::Tab
            )
    }

    /// Wholly in view (within a point), or filling the view where it is larger than it.
    fn in_view(&self, window: Rect) -> bool {
        let fits_x = self.visible.width() + 1.0 >= self.rect.width().min(window.width());
        let fits_y = self.visible.height() + 1.0 >= self.rect.height().min(window.height());
        self.visible.is_positive() && fits_x && fits_y
    }

    /// Cut at the side (a column too narrow), as opposed to below the fold.
    fn cut_sideways(&self) -> bool {
        self.visible.width() + 1.0 < self.rect.width()
    }
}

/// The panes a harness's egui knows as panels: their ids and rects.
fn pane_rect(ctx: &egui::Context, id: Id) -> Option<Rect> {
    ctx.read_response(id).map(|r| r.rect)
}

fn egui_id(node: &egui_kittest::Node<'_>) -> Id {
    let (nid, _) = node.accesskit_node().locate();
    // SAFETY: accesskit ids of egui widgets are egui's own high-entropy ids.
    unsafe { Id::from_high_entropy_bits(nid.0) }
}

/// Every visible element of the last frame.
pub fn collect<S>(h: &Harness<'_, S>) -> Vec<Seen> {
    let window = h.ctx.content_rect();
    let mut out = Vec::new();
    for node in h.root().children_recursive() {
        let ak = node.accesskit_node();
        if ak.is_hidden() || ak.bounding_box().is_none() {
            continue;
        }
        let role = ak.role();
        if matches!(
            role,
            Role::GenericContainer | Role::Pane | Role::Window | Role::Unknown
        ) {
            continue;
        }
        let id = egui_id(&node);
        let Some(response) = h.ctx.read_response(id) else {
            continue;
        };
        if response.rect.width() < 1.0 || response.rect.height() < 1.0 {
            continue; // a spacer or an empty label: nothing to see or reach
        }
        let mut panels = Vec::new();
        let mut ancestors = Vec::new();
        let mut parent = node.parent();
        while let Some(p) = parent {
            let pid = egui_id(&p);
            ancestors.push(pid);
            if p.accesskit_node().role() == Role::Pane {
                panels.push(pid);
            }
            parent = p.parent();
        }
        let name = ak
            .label()
            .filter(|l| !l.is_empty())
            .or_else(|| ak.value())
            .unwrap_or_default();
        let interactive = !ak.is_disabled()
            && (ak.data().supports_action(egui::accesskit::Action::Click)
                || matches!(role, Role::TextInput | Role::MultilineTextInput));
        out.push(Seen {
            id,
            name,
            value: ak.value().unwrap_or_default(),
            role,
            rect: response.rect,
            visible: response.interact_rect.intersect(window),
            layer: response.layer_id,
            interactive,
            panels,
            ancestors,
        });
    }
    out
}

fn describe(s: &Seen) -> String {
    let name: String = s.name.chars().take(60).collect();
    format!("{:?} «{name}» at {:.0?}", s.role, s.rect)
}

/// Texts drawn over each other, and elements drawn over a panel that is not theirs.
pub fn overlaps<S>(h: &Harness<'_, S>, seen: &[Seen]) -> Vec<String> {
    let mut found = Vec::new();
    let texts: Vec<&Seen> = seen
        .iter()
        .filter(|s| s.is_text() && s.visible.is_positive())
        .collect();
    for (i, a) in texts.iter().enumerate() {
        for b in &texts[i + 1..] {
            // A widget and its own label (a drop-down's) share a name and a place.
            let related = a.ancestors.contains(&b.id) || b.ancestors.contains(&a.id);
            if a.layer != b.layer || related || a.name == b.name {
                continue;
            }
            let both = a.visible.intersect(b.visible);
            if both.width() > 3.0 && both.height() > 3.0 {
                found.push(format!("{} overlaps {}", describe(a), describe(b)));
            }
        }
    }
    // A one-line field narrower than what it holds shows only part of it.
    let font = egui::TextStyle::Body.resolve(&h.ctx.global_style());
    for s in seen
        .iter()
        .filter(|s| s.role == Role::TextInput && !s.value.is_empty())
    {
        let width = h
            .ctx
            .fonts_mut(|f| f.layout_no_wrap(s.value.clone(), font.clone(), egui::Color32::BLACK))
            .size()
            .x;
        if width > s.rect.width() - 6.0 {
            found.push(format!("{} shows only part of «{}»", describe(s), s.value));
        }
    }
    let mut panels: Vec<Id> = seen.iter().flat_map(|s| s.panels.clone()).collect();
    panels.sort_by_key(|p| p.value());
    panels.dedup();
    let panel_rects: Vec<(Id, Rect)> = panels
        .into_iter()
        .filter_map(|p| pane_rect(&h.ctx, p).map(|r| (p, r)))
        .collect();
    for s in seen.iter().filter(|s| s.is_text() || s.interactive) {
        for (panel, rect) in &panel_rects {
            if s.panels.contains(panel) || s.panels.is_empty() {
                continue;
            }
            // Only a panel nested in the element's own one can be drawn over (the checklist
            // footer inside the page's area); side by side panels never share space.
            let nested = panel_rects
                .iter()
                .any(|(p, r)| s.panels.first() == Some(p) && r.contains_rect(*rect));
            let under = s.visible.intersect(*rect);
            if nested && under.width() > 3.0 && under.height() > 3.0 {
                found.push(format!(
                    "{} runs under a panel at {:.0?}",
                    describe(s),
                    rect
                ));
            }
        }
    }
    found
}

/// Elements not in view that scrolling to them does not bring into view: checks one element
/// per container below the fold and every element cut at the side.
pub fn unreachable<S>(h: &mut Harness<'_, S>, steps: usize) -> Vec<String> {
    let window = h.ctx.content_rect();
    let first = collect(h);
    let mut hidden: Vec<Seen> = first
        .into_iter()
        .filter(|s| (s.interactive || s.is_text()) && !s.in_view(window))
        .collect();
    let mut found = Vec::new();
    let mut tried = 0;
    while let Some(target) = pick(&hidden) {
        tried += 1;
        if tried > 40 {
            found.push(format!(
                "{} elements still out of view after 40 scrolls, e.g. {}",
                hidden.len(),
                describe(&target)
            ));
            break;
        }
        if !scroll_to(h, target.id, steps) {
            hidden.retain(|s| s.id != target.id);
            continue;
        }
        let mut now = collect(h);
        // In a scroll area inside another, the inner one takes the scroll: bring the
        // containers into view, outermost first, then the element again.
        if !now.iter().any(|s| s.id == target.id && s.in_view(window)) {
            for &container in target.ancestors.iter().rev() {
                scroll_to(h, container, 1);
            }
            scroll_to(h, target.id, steps);
            now = collect(h);
        }
        if std::env::var("LAYOUT_DEBUG").is_ok() {
            let after = now.iter().find(|s| s.id == target.id);
            eprintln!(
                "scrolled to {} -> {:?}",
                describe(&target),
                after.map(|a| (a.rect, a.visible))
            );
        }
        let shown = |id: Id| now.iter().any(|s| s.id == id && s.in_view(window));
        let absent = |id: Id| !now.iter().any(|s| s.id == id);
        if !shown(target.id) && !absent(target.id) {
            let after = now.iter().find(|s| s.id == target.id).unwrap_or(&target);
            let what = if target.cut_sideways() {
                "is cut and scrolling does not show it"
            } else {
                "cannot be scrolled into view"
            };
            found.push(format!(
                "{} {what} (visible {:.0?})",
                describe(after),
                after.visible
            ));
            hidden.retain(|s| s.id != target.id);
            continue;
        }
        // What came into view with it, and its container's other members below the fold, are
        // reachable the same way.
        let parent = target.ancestors.first().copied();
        hidden.retain(|s| {
            s.id != target.id
                && !shown(s.id)
                && (s.ancestors.first().copied() != parent || s.cut_sideways())
        });
    }
    found
}

/// Asks for the element with `id` to be scrolled into view, as a screen reader does, and
/// lets `steps` frames run; false when it is no longer drawn.
fn scroll_to<S>(h: &mut Harness<'_, S>, id: Id, steps: usize) -> bool {
    let Some(node) = h.root().children_recursive().find(|n| egui_id(n) == id) else {
        return false;
    };
    node.scroll_to_me();
    h.run_steps(steps);
    true
}

/// The next hidden element to scroll to: one cut at the side first, then the lowest.
fn pick(hidden: &[Seen]) -> Option<Seen> {
    hidden
        .iter()
        .find(|s| s.cut_sideways())
        .or_else(|| {
            hidden
                .iter()
                .max_by(|a, b| a.rect.bottom().total_cmp(&b.rect.bottom()))
        })
        .cloned()
}
