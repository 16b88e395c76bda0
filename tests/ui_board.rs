//! Workshops, headless: a whole SWOT step 1 from the keyboard (six notes, two headings by
//! grouping, dots), the summary grid's order, and undo back to the empty session; a Toppnyhet
//! sheet with a picture. Checked in the file at every step.

mod common;

use common::app::{go, peek};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use styrsnurra::app::App;
use styrsnurra::model::board::{BoardKind, Field};
use styrsnurra::store::board::Board;
use styrsnurra::ui::{FileWork, Intent, PageId};

fn newest(path: &std::path::Path, kind: BoardKind) -> Board {
    let wb = peek(path);
    let id = wb
        .workshops()
        .unwrap()
        .into_iter()
        .filter(|w| w.kind == kind)
        .map(|w| w.id)
        .max()
        .unwrap();
    wb.board(id).unwrap().unwrap()
}

fn key(h: &mut Harness<'static, App>, k: Key) {
    h.key_press(k);
    h.run_steps(2);
}

/// Types a note in the entry row and presses Enter; the row keeps the keyboard.
fn note(h: &mut Harness<'static, App>, text: &str) {
    h.get_by_label("Ny lapp").type_text(text);
    h.step();
    key(h, Key::Enter);
}

/// A threat carried onto an opportunity is not grouped there, and the board says why; the
/// threat heading is chosen again afterwards.
fn refuse_a_drop_into_another_field(
    h: &mut Harness<'static, App>,
    path: &std::path::Path,
    board: &Board,
) {
    // A threat carried onto an opportunity is not grouped there, and the board says why.
    h.get_by_label("Lågkonjunktur").click();
    h.run_steps(2);
    key(h, Key::Space);
    key(h, Key::ArrowLeft);
    key(h, Key::Enter);
    assert!(
        h.query_by_label_contains("kan inte grupperas under Möjligheter")
            .is_some(),
        "the refusal is said"
    );
    assert_eq!(
        newest(path, BoardKind::Swot),
        *board,
        "nothing moved to another field"
    );
    key(h, Key::Escape);
    // The threat heading again: its title comes before its notes.
    h.get_all_by_label("Svårt att rekrytera chefer")
        .next()
        .expect("the heading's title")
        .click();
    h.run_steps(2);
}

#[test]
fn a_swot_step_is_run_from_the_keyboard_and_undone_to_the_empty_session() {
    let (_dir, path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::Swot);
    let last = newest(&path, BoardKind::Swot).workshop.participants;
    h.get_by_label("Ny session").click();
    h.run_steps(3);
    // It asks how many take part first (issue 22: never "0 av 0" pinnar), offering last time's.
    assert!(h.query_by_label("Hur många deltar?").is_some());
    h.get_by_label("Starta sessionen").click();
    h.run_steps(3);
    let empty = newest(&path, BoardKind::Swot);
    assert!(
        empty.notes.is_empty() && empty.workshop.id > 1,
        "a new session, shown"
    );
    assert_eq!(empty.workshop.participants, last);
    assert!(last > 0);

    // A: six notes, the field chosen by the letter typed first.
    key(&mut h, Key::N);
    for text in [
        "m Nätverk i länet",
        "m Öppna jämförelser",
        "m Medborgarpanel",
        "h Pensionsavgångar",
        "h Svårt att rekrytera chefer",
        "h Lågkonjunktur",
    ] {
        note(&mut h, text);
    }
    let board = newest(&path, BoardKind::Swot);
    let count = |f| board.notes.iter().filter(|n| n.field == f).count();
    assert_eq!((count(Field::Opportunity), count(Field::Threat)), (3, 3));
    key(&mut h, Key::Escape); // leave the entry row

    // C: the first opportunity picked up with Space and dropped on its neighbour to the
    // right on screen (issue 22: the arrows move to the neighbour, not to the next field).
    key(&mut h, Key::ArrowDown); // the first item of the first field
    key(&mut h, Key::Space);
    key(&mut h, Key::ArrowRight);
    key(&mut h, Key::Enter);
    h.get_by_label("Rubrik").type_text(" och statistik");
    h.step();
    key(&mut h, Key::Enter);
    let board = newest(&path, BoardKind::Swot);
    assert_eq!(board.headings.len(), 1, "one grouping, one heading");
    let opportunity = &board.headings[0];
    assert_eq!(
        opportunity.title, "Öppna jämförelser och statistik",
        "named after the note dropped on"
    );
    assert_eq!(board.under(opportunity.id).len(), 2);

    // The first two threats likewise: the first chosen by mouse, dropped on its neighbour.
    let board = newest(&path, BoardKind::Swot);
    let first_threat = board.loose(Field::Threat, None)[0].id;
    h.get_by_label("Pensionsavgångar").click();
    h.run_steps(2);
    key(&mut h, Key::Space);
    key(&mut h, Key::ArrowRight);
    key(&mut h, Key::Enter);
    key(&mut h, Key::Enter); // keep the suggested title
    let board = newest(&path, BoardKind::Swot);
    assert_eq!(board.headings.len(), 2);
    let threat = board
        .headings
        .iter()
        .find(|x| x.field == Field::Threat)
        .unwrap()
        .clone();
    assert!(board.under(threat.id).iter().any(|n| n.id == first_threat));

    refuse_a_drop_into_another_field(&mut h, &path, &board);

    // D: dots with + on the chosen heading (the threat heading is chosen after grouping).
    for _ in 0..3 {
        h.key_press_modifiers(Modifiers::NONE, Key::Plus);
        h.run_steps(2);
    }
    let dots = |path: &std::path::Path, id| {
        newest(path, BoardKind::Swot)
            .headings
            .iter()
            .find(|x| x.id == id)
            .unwrap()
            .dots
    };
    assert_eq!(dots(&path, threat.id), 3);
    // The same by mouse: the heading's + and − buttons take their clicks (issue 22: the
    // heading's own click area used to cover them).
    let total = |path: &std::path::Path| -> u32 {
        newest(path, BoardKind::Swot)
            .headings
            .iter()
            .map(|x| x.dots)
            .sum()
    };
    let before = total(&path);
    h.get_all_by_label("+").next().expect("a + button").click();
    h.run_steps(3);
    assert_eq!(total(&path), before + 1, "+ by mouse");
    h.get_all_by_label("-").next().expect("a - button").click();
    h.run_steps(3);
    assert_eq!(total(&path), before, "- by mouse");

    // Step 3: the summary grid lists the threat heading first among the threats.
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run_steps(2);
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run_steps(2);
    assert!(
        h.query_by_label("Positiva faktorer").is_some(),
        "the summary is shown"
    );
    assert_eq!(threat.title, "Svårt att rekrytera chefer");
    assert!(
        h.query_by_label_contains("1. Svårt att rekrytera chefer")
            .is_some()
    );
    let board = newest(&path, BoardKind::Swot);
    let order: Vec<&str> = board
        .summary(Field::Threat)
        .iter()
        .map(|(_, h, _)| h.title.as_str())
        .collect();
    assert_eq!(order, ["Svårt att rekrytera chefer"]);
    // Notes left without a heading are listed in the summary, not dropped (issue 22).
    let loose: Vec<String> = [
        Field::Strength,
        Field::Weakness,
        Field::Opportunity,
        Field::Threat,
    ]
    .into_iter()
    .flat_map(|f| board.loose(f, None))
    .map(|n| n.text.clone())
    .collect();
    assert!(
        !loose.is_empty(),
        "the flow leaves a note without a heading"
    );
    for text in &loose {
        assert!(
            h.query_by_label(&format!("• {text}")).is_some(),
            "{text:?} in the summary"
        );
    }

    // Undo every step: back to the empty session.
    for _ in 0..20 {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
        h.run_steps(2);
        let board = newest(&path, BoardKind::Swot);
        if board.notes.is_empty() {
            break;
        }
    }
    let board = newest(&path, BoardKind::Swot);
    assert_eq!(board.workshop.id, empty.workshop.id);
    assert!(board.notes.is_empty() && board.headings.is_empty());
}

#[test]
fn a_top_news_sheet_gets_its_texts_a_quote_and_a_picture() {
    let (dir, path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::TopNews);
    h.get_by_label("Gruppernas blad").click();
    h.run_steps(2);
    h.get_by_label("Nytt blad").click();
    h.run_steps(3);
    let board = newest(&path, BoardKind::TopNews);
    assert_eq!(board.sheets.len(), 3);
    let sheet = board.sheets.last().unwrap().id;
    let label = "B Huvudrubrik";
    h.get_by_label(label).focus();
    h.step();
    h.get_by_label(label).type_text("Alla får hjälp samma dag");
    h.step();
    key(&mut h, Key::Tab);
    h.get_by_label("Citat").focus();
    h.step();
    h.get_by_label("Citat")
        .type_text("Nu vet jag vem som kommer.");
    h.get_by_label("Vem sa det").focus();
    h.step();
    h.get_by_label("Vem sa det").type_text("En brukare");
    h.step();
    h.get_by_label("Lägg till citatet").click();
    h.run_steps(2);

    // A picture: a small PNG written here, added by path as a dropped file would be.
    let png = dir.path().join("skiss.png");
    image_png(&png);
    h.state_mut().handle(
        Intent::File(FileWork::AddPicture {
            sheet,
            path: Some(png),
        }),
        None,
    );
    h.run_steps(3);
    let not_png = dir.path().join("anteckning.png");
    std::fs::write(&not_png, "ingen bild").unwrap();
    h.state_mut().handle(
        Intent::File(FileWork::AddPicture {
            sheet,
            path: Some(not_png),
        }),
        None,
    );
    h.run_steps(2);
    assert!(
        h.query_by_label_contains("anteckning.png: ingen PNG- eller JPEG-bild")
            .is_some(),
        "a file that is not a picture is refused, by name"
    );
    let board = newest(&path, BoardKind::TopNews);
    let s = board.sheets.iter().find(|s| s.id == sheet).unwrap();
    assert_eq!(s.headline, "Alla får hjälp samma dag");
    let quote = board
        .notes
        .iter()
        .find(|n| n.field == Field::Quote && n.sheet == Some(sheet))
        .expect("the quote");
    assert_eq!(quote.author, "En brukare");
    assert_eq!(board.pictures.len(), 1, "only the real picture");
    let bytes = peek(&path).blob(board.pictures[0].blob).unwrap().unwrap();
    assert_eq!(&bytes[1..4], b"PNG");
    assert!(
        h.query_by_label("skiss.png").is_some(),
        "shown on the sheet"
    );
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    assert!(
        newest(&path, BoardKind::TopNews).pictures.is_empty(),
        "undone"
    );
}

/// Writes a 4 × 4 PNG.
fn image_png(path: &std::path::Path) {
    let img = image::RgbImage::from_pixel(4, 4, image::Rgb([200, 30, 30]));
    img.save(path).unwrap();
}

#[test]
fn the_projector_window_shows_the_board_read_only_beside_the_controls() {
    let (_dir, _path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::Swot);
    key(&mut h, Key::F6);
    assert!(h.state().projector, "F6 opens it");
    // The board is drawn twice: here with its controls, for the room without them.
    let notes = h.query_all_by_label("Nätverk i länet").count();
    assert!(notes >= 1, "{notes}");
    assert_eq!(
        h.query_all_by_label("Ny lapp").count(),
        1,
        "the entry row only here"
    );
    // Its fullscreen is steered from here (F11 or the button).
    h.get_by_label_contains("Helskärm").click();
    h.run_steps(2);
    key(&mut h, Key::F6);
    assert!(!h.state().projector);
    assert!(
        h.query_by_label_contains("Helskärm").is_none(),
        "no projector, no button for it"
    );
}

#[test]
fn a_note_dragged_onto_another_with_the_mouse_groups_them_in_one_step() {
    let (_dir, path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::Swot);
    h.get_by_label("Ny session").click();
    h.run_steps(3);
    h.get_by_label("Starta sessionen").click();
    h.run_steps(3);
    key(&mut h, Key::N);
    note(&mut h, "h Dålig ekonomi");
    note(&mut h, "h Minskade statsbidrag");
    key(&mut h, Key::Escape);
    let from = h.get_by_label("Dålig ekonomi").rect().center();
    let to = h.get_by_label("Minskade statsbidrag").rect().center();
    common::app::drag(&mut h, from, to);
    let board = newest(&path, BoardKind::Swot);
    assert_eq!(board.headings.len(), 1, "dropped on a note: a new heading");
    assert_eq!(board.under(board.headings[0].id).len(), 2);
    key(&mut h, Key::Enter); // keep the suggested title; the heading's field lets go
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run_steps(2);
    let board = newest(&path, BoardKind::Swot);
    assert!(board.headings.is_empty());
    assert_eq!(
        board.loose(Field::Threat, None).len(),
        2,
        "one undo: both loose again"
    );
}

#[test]
fn f1_opens_the_keys_overlay_even_while_a_note_is_being_written() {
    let (_dir, _path, mut h) = common::app::demo_harness();
    go(&mut h, PageId::Swot);
    h.get_by_label("Ny lapp").focus();
    h.step();
    h.get_by_label("Ny lapp").type_text("m halv");
    h.step();
    assert!(h.query_by_label("Starta eller pausa tiduret").is_none());
    key(&mut h, Key::F1);
    assert!(
        h.query_by_label("Starta eller pausa tiduret").is_some(),
        "the board's own keys are listed"
    );
    assert!(
        h.query_by_label("Fokusera: avvikelser").is_some(),
        "and the steps' Ctrl+number"
    );
    assert_eq!(
        h.get_by_label("Ny lapp").value().as_deref(),
        Some("m halv"),
        "the note being written is kept"
    );
    key(&mut h, Key::F1);
    assert!(h.query_by_label("Starta eller pausa tiduret").is_none());
}
