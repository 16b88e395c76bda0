//! Any bytes as an `.xlsx` file (a zip of XML parts): the import lands or refuses with a
//! message; run with `-rss_limit_mb=512`, so a reader that asks for more memory is a crash.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = styrsnurra::store::fuzz::import_bytes(data, "indata.xlsx");
});
