//! Any bytes as a workbook file: opening refuses with a message or opens and reads; it never
//! panics and never changes the file.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    styrsnurra::store::fuzz::open_bytes(data);
});
