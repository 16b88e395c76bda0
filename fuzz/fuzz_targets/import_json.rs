//! Any bytes as a `.json` file, as `import_csv` does for CSV.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let _ = styrsnurra::store::fuzz::import_bytes(data, "indata.json");
});
