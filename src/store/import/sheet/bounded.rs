//! The guards around a zip-based spreadsheet: the zip's directory checked before the zip
//! library reads it, each part's declared size checked before it is unpacked, and a reader
//! that stops a part that unpacks to more than it may (a zip bomb, a size that lies) or holds a
//! token no tag boundary ends.

use std::fs::File;
use std::io::{BufReader, Read, Seek, SeekFrom};
use std::path::Path;

use super::{MAX_PART_BYTES, MAX_TOKEN_BYTES, MAX_ZIP_ENTRIES, SheetError};

/// The zip of an `.xlsx` or `.ods`, with its part names looked up without regard to case
/// (some programs write `xl/SharedStrings.xml`).
pub struct Zip {
    archive: zip::ZipArchive<BufReader<File>>,
    names: Vec<(String, usize)>,
}

const OPEN_FAILED: &str =
    "Excel-filen går inte att öppna (skyddad med lösenord eller trasig?): zip-arkivet är skadat";

impl Zip {
    pub fn open(path: &Path) -> Result<Zip, SheetError> {
        let mut file = File::open(path).map_err(|_| SheetError::new(OPEN_FAILED))?;
        let entries = declared_entries(&mut file)?;
        if entries > MAX_ZIP_ENTRIES {
            return Err(SheetError::new(format!(
                "zip-arkivet säger sig ha {entries} delar; en Excel-fil har några dussin och högst {MAX_ZIP_ENTRIES} läses"
            )));
        }
        file.seek(SeekFrom::Start(0))
            .map_err(|_| SheetError::new(OPEN_FAILED))?;
        let archive = zip::ZipArchive::new(BufReader::new(file))
            .map_err(|e| SheetError::new(format!("{OPEN_FAILED} ({e})")))?;
        let names = (0..archive.len())
            .filter_map(|i| {
                let name = archive.name_for_index(i)?.ok()?;
                Some((name.to_lowercase(), i))
            })
            .collect();
        Ok(Zip { archive, names })
    }

    pub fn has(&self, name: &str) -> bool {
        self.index(name).is_some()
    }

    fn index(&self, name: &str) -> Option<usize> {
        let wanted = name.trim_start_matches('/').to_lowercase();
        self.names
            .iter()
            .find(|(n, _)| *n == wanted)
            .map(|(_, i)| *i)
    }

    /// A part to read as a stream, refused when it says it unpacks to more than `limit`.
    pub fn part(&mut self, name: &str, limit: u64) -> Result<Bounded<impl Read + '_>, SheetError> {
        let index = self
            .index(name)
            .ok_or_else(|| SheetError::new(format!("delen {name} saknas i filen")))?;
        let entry = self
            .archive
            .by_index(index)
            .map_err(|e| SheetError::new(format!("delen {name} går inte att packa upp ({e})")))?;
        if entry.size() > limit {
            return Err(too_big(name, entry.size(), limit));
        }
        Ok(Bounded::new(entry, name, limit))
    }
}

fn too_big(name: &str, size: u64, limit: u64) -> SheetError {
    SheetError::new(format!(
        "delen {name} packas upp till {} MB, mer än gränsen {} MB (en så stor fil är troligen en zip-bomb)",
        size.div_ceil(1 << 20),
        limit >> 20
    ))
}

/// How many entries the zip's end record declares, read from the file's last 64 KiB.
fn declared_entries(file: &mut File) -> Result<u64, SheetError> {
    let bad = || SheetError::new(OPEN_FAILED);
    let len = file.metadata().map_err(|_| bad())?.len();
    let tail_len = len.min(65_557 + 20);
    file.seek(SeekFrom::Start(len - tail_len))
        .map_err(|_| bad())?;
    let mut tail = vec![0u8; tail_len as usize];
    file.read_exact(&mut tail).map_err(|_| bad())?;
    let end = (0..tail.len().saturating_sub(21))
        .rev()
        .find(|&i| tail[i..i + 4] == [0x50, 0x4b, 0x05, 0x06])
        .ok_or_else(bad)?;
    let u16_at = |i: usize| u64::from(u16::from_le_bytes([tail[i], tail[i + 1]]));
    let entries = u16_at(end + 10);
    if entries != 0xFFFF || end < 20 || tail[end - 20..end - 16] != [0x50, 0x4b, 0x06, 0x07] {
        return Ok(entries);
    }
    // Zip64: the locator before the end record points at the larger record.
    let mut offset = [0u8; 8];
    offset.copy_from_slice(&tail[end - 12..end - 4]);
    let offset = u64::from_le_bytes(offset);
    if offset.checked_add(40).is_none_or(|e| e > len) {
        return Err(bad());
    }
    file.seek(SeekFrom::Start(offset + 32)).map_err(|_| bad())?;
    let mut count = [0u8; 8];
    file.read_exact(&mut count).map_err(|_| bad())?;
    Ok(u64::from_le_bytes(count))
}

/// A part's bytes, stopped with an error past its limit or past [`MAX_TOKEN_BYTES`] without a
/// `<` or `>` (the XML reader would otherwise hold the whole run in memory). Wrap it in a
/// `BufReader` for the XML reader.
pub struct Bounded<R> {
    inner: R,
    name: String,
    limit: u64,
    read: u64,
    since_tag: u64,
}

impl<R: Read> Bounded<R> {
    fn new(inner: R, name: &str, limit: u64) -> Bounded<R> {
        Bounded {
            inner,
            name: name.to_string(),
            limit: limit.min(MAX_PART_BYTES),
            read: 0,
            since_tag: 0,
        }
    }

    /// The part's bytes as a buffered stream for the XML reader.
    pub fn buffered(self) -> BufReader<Bounded<R>> {
        BufReader::with_capacity(64 * 1024, self)
    }

    fn check(&mut self, chunk: &[u8]) -> std::io::Result<()> {
        self.read += chunk.len() as u64;
        if self.read > self.limit {
            return Err(std::io::Error::other(
                too_big(&self.name, self.read, self.limit).0,
            ));
        }
        match chunk.iter().rposition(|&b| b == b'<' || b == b'>') {
            Some(i) => self.since_tag = (chunk.len() - i - 1) as u64,
            None => self.since_tag += chunk.len() as u64,
        }
        if self.since_tag > MAX_TOKEN_BYTES {
            return Err(std::io::Error::other(format!(
                "en cell eller tagg i {} är längre än {} MB",
                self.name,
                MAX_TOKEN_BYTES >> 20
            )));
        }
        Ok(())
    }
}

impl<R: Read> Read for Bounded<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.check(&buf[..n])?;
        Ok(n)
    }
}

/// The reason behind an XML reader's error: a [`Bounded`] limit says itself, anything else is
/// said as broken XML in the part.
pub fn xml_error(part: &str, e: &quick_xml::Error) -> SheetError {
    match e {
        quick_xml::Error::Io(io) if io.kind() == std::io::ErrorKind::Other => {
            SheetError::new(io.to_string())
        }
        other => SheetError::new(format!("delen {part} är ingen giltig XML ({other})")),
    }
}
