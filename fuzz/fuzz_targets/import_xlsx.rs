//! Any bytes as an `.xlsx` file (a zip of XML parts): the import lands or refuses with a
//! message; calamine's panics on broken files are caught.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = styrsnurra::store::fuzz::import_bytes(data, "indata.xlsx");
});
