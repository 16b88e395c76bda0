//! Any bytes as an `.ods` file (a zip holding `content.xml`): the import lands or refuses with
//! a message; repeated rows and columns never lay out a grid.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = styrsnurra::store::fuzz::import_bytes(data, "indata.ods");
});
