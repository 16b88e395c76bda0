//! For any municipality or region of the official list, by code or by name, whatever values
//! are written: importing them and reading them back gives exactly the rows written.

mod common;

use proptest::prelude::*;
use styrsnurra::model::Gender;
use styrsnurra::model::municipality::official;
use styrsnurra::store::Workbook;
use styrsnurra::store::import::{ImportProgress, import_paths};

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn any_official_area_reads_back_exactly(
        index in 0usize..312,
        by_name in any::<bool>(),
        values in proptest::collection::btree_map(1990i32..2030, -1.0e6f64..1.0e6, 1..8),
    ) {
        let area = &official()[index];
        let dir = common::tempdir();
        let file = dir.path().join("values.csv");
        let key = if by_name { area.title.clone() } else { area.id.clone() };
        let mut text = String::from("indicator;municipality;period;gender;value\n");
        for (year, value) in &values {
            text.push_str(&format!("N15428;{key};{year};T;{value}\n"));
        }
        std::fs::write(&file, text).unwrap();
        let mut wb = Workbook::create(&dir.path().join("wb.styrsnurra")).unwrap();
        let summary = import_paths(wb.connection_mut().unwrap(), &[file], &ImportProgress::new())
            .unwrap();
        prop_assert_eq!(summary.totals().added as usize, values.len());
        let read: Vec<(i32, f64)> = wb
            .series("N15428", &area.id, Gender::Total)
            .unwrap()
            .into_iter()
            .map(|p| (p.period, p.value))
            .collect();
        let written: Vec<(i32, f64)> = values.into_iter().collect();
        prop_assert_eq!(read, written);
    }
}
