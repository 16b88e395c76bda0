//! Hostile spreadsheets made at run time (never committed): a zip bomb, a sheet whose size
//! lies, for the tests, the memory benchmark and the fuzz targets' seeds.

use std::path::Path;

/// A raw deflate stream (fixed Huffman codes) of `pattern` (1 to 4 bytes) repeated to `total`
/// bytes: a few bits per 258 bytes, so a gigabyte costs a few megabytes.
pub fn deflate_repeat(pattern: &[u8], total: u64) -> Vec<u8> {
    struct Bits {
        out: Vec<u8>,
        acc: u64,
        n: u32,
    }
    impl Bits {
        fn put(&mut self, value: u64, bits: u32) {
            self.acc |= value << self.n;
            self.n += bits;
            while self.n >= 8 {
                self.out.push(self.acc as u8);
                self.acc >>= 8;
                self.n -= 8;
            }
        }
        /// A Huffman code, most significant bit first.
        fn code(&mut self, code: u64, bits: u32) {
            let reversed = (0..bits).fold(0, |r, i| r | (((code >> i) & 1) << (bits - 1 - i)));
            self.put(reversed, bits);
        }
    }
    let mut b = Bits {
        out: Vec::new(),
        acc: 0,
        n: 0,
    };
    b.put(1, 1); // last block
    b.put(1, 2); // fixed codes
    for &byte in pattern {
        match byte {
            0..=143 => b.code(0x30 + u64::from(byte), 8),
            _ => b.code(0x190 + u64::from(byte) - 144, 9),
        }
    }
    // Distances 1 to 4 have the codes 0 to 3; a longer pattern repeats its last 4 bytes.
    let distance_code = pattern.len().clamp(1, 4) as u64 - 1;
    let mut written = pattern.len() as u64;
    while written + 258 <= total {
        b.code(0xC5, 8); // length 258 (code 285)
        b.code(distance_code, 5);
        written += 258;
    }
    b.code(0, 7); // end of block
    b.put(0, 7);
    b.out
}

/// An `.xlsx` whose one sheet is `sheet` (raw deflate bytes) declaring `declared` bytes
/// unpacked (its checksum left 0: a reader must refuse it before it gets that far).
pub fn xlsx_with_raw_sheet(path: &Path, sheet: &[u8], declared: u32) -> std::io::Result<()> {
    xlsx_with_raw_sheet_checked(path, sheet, declared, 0)
}

/// [`xlsx_with_raw_sheet`] with the sheet's checksum given.
fn xlsx_with_raw_sheet_checked(
    path: &Path,
    sheet: &[u8],
    declared: u32,
    sheet_crc: u32,
) -> std::io::Result<()> {
    let parts: Vec<(&str, Vec<u8>, u32, u16)> = vec![
        (
            "[Content_Types].xml",
            br#"<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>"#.to_vec(),
            0,
            0,
        ),
        (
            "xl/workbook.xml",
            br#"<workbook><sheets><sheet name="Blad1" sheetId="1" r:id="rId1"/></sheets></workbook>"#.to_vec(),
            0,
            0,
        ),
        (
            "xl/_rels/workbook.xml.rels",
            br#"<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>"#.to_vec(),
            0,
            0,
        ),
        ("xl/worksheets/sheet1.xml", sheet.to_vec(), declared, 8),
    ];
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, declared, method) in &parts {
        let size = if *method == 0 {
            data.len() as u32
        } else {
            *declared
        };
        let offset = out.len() as u32;
        let crc = if *method == 0 { crc32(data) } else { sheet_crc };
        let mut local = vec![0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0];
        local.extend_from_slice(&method.to_le_bytes());
        local.extend_from_slice(&[0, 0, 0, 0]);
        local.extend_from_slice(&crc.to_le_bytes());
        local.extend_from_slice(&(data.len() as u32).to_le_bytes());
        local.extend_from_slice(&size.to_le_bytes());
        local.extend_from_slice(&(name.len() as u16).to_le_bytes());
        local.extend_from_slice(&[0, 0]);
        local.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&local);
        out.extend_from_slice(data);
        let mut entry = vec![0x50, 0x4b, 0x01, 0x02, 20, 0, 20, 0, 0, 0];
        entry.extend_from_slice(&method.to_le_bytes());
        entry.extend_from_slice(&[0, 0, 0, 0]);
        entry.extend_from_slice(&crc.to_le_bytes());
        entry.extend_from_slice(&(data.len() as u32).to_le_bytes());
        entry.extend_from_slice(&size.to_le_bytes());
        entry.extend_from_slice(&(name.len() as u16).to_le_bytes());
        entry.extend_from_slice(&[0; 12]);
        entry.extend_from_slice(&offset.to_le_bytes());
        entry.extend_from_slice(name.as_bytes());
        central.extend_from_slice(&entry);
    }
    let start = out.len() as u32;
    out.extend_from_slice(&central);
    out.extend_from_slice(&[0x50, 0x4b, 0x05, 0x06, 0, 0, 0, 0]);
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(parts.len() as u16).to_le_bytes());
    out.extend_from_slice(&(central.len() as u32).to_le_bytes());
    out.extend_from_slice(&start.to_le_bytes());
    out.extend_from_slice(&[0, 0]);
    std::fs::write(path, out)
}

/// An `.xls` (the bytes of `xls`, a real one) with its first number moved to the format's last
/// row and column: `calamine` then lays out 65,536 × 256 cells twice, past 512 MB.
pub fn xls_with_huge_grid(mut xls: Vec<u8>) -> Option<Vec<u8>> {
    let at = xls.windows(4).position(|w| w == [0x7e, 0x02, 0x0a, 0x00])?;
    xls[at + 4..at + 6].copy_from_slice(&0xFFFFu16.to_le_bytes());
    xls[at + 6..at + 8].copy_from_slice(&0x00FFu16.to_le_bytes());
    Some(xls)
}

fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    #[test]
    fn the_stream_unpacks_to_the_pattern_repeated() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("liten.xlsx");
        let total = 258 * 40 + 4;
        let expected = b"<a/>".repeat(total / 4);
        let stream = deflate_repeat(b"<a/>", total as u64);
        xlsx_with_raw_sheet_checked(&path, &stream, total as u32, crc32(&expected)).unwrap();
        let mut archive = zip::ZipArchive::new(std::fs::File::open(&path).unwrap()).unwrap();
        let mut content = Vec::new();
        archive
            .by_name("xl/worksheets/sheet1.xml")
            .unwrap()
            .read_to_end(&mut content)
            .unwrap();
        assert_eq!(content, expected);
    }
}
