//! Any bytes as a `.csv` file: the import either lands or refuses with a message; it never
//! panics, hangs or grows without bound.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = styrsnurra::store::fuzz::import_bytes(data, "indata.csv");
});
