//! Reading an import file safely: only regular files, the kind of file found from its first
//! bytes (never the whole file in memory), and text decoded to UTF-8 as it streams.

use std::fs::File;
use std::io::{BufRead, BufReader, Read};
use std::path::Path;

use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::ImportError;
use crate::store::schema::APPLICATION_ID;

/// How much of a file is read to find out what it is.
pub(super) const SNIFF_BYTES: usize = 64 * 1024;
/// The longest line a CSV file may have: a line past it is refused with its number, so that
/// memory follows the line, not the file.
pub const MAX_LINE_BYTES: u64 = 1 << 20;

/// What the first bytes of a file say about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Kind {
    Json,
    Text,
    /// Excel or OpenDocument, read by `calamine`.
    Spreadsheet,
}

/// A file ready to be parsed: what kind it is and how its text is encoded.
#[derive(Debug, Clone)]
pub(super) struct Source {
    pub kind: Kind,
    pub encoding: &'static Encoding,
    /// Bytes of a byte-order mark at the start, skipped before decoding.
    pub bom_len: usize,
    /// The file began with a UTF-8 byte-order mark that its text did not live up to.
    pub false_bom: bool,
    /// The start of the text, decoded: enough for the header line or the first JSON record.
    pub head: String,
}

impl Source {
    /// Drops the sniffed text past the first two non-empty lines (an Excel `sep=` line and
    /// the header), which is all that parsing reads from it.
    pub fn keep_header_only(mut self) -> Source {
        let mut end = 0;
        let mut kept = 0;
        for line in self.head.split_inclusive('\n') {
            end += line.len();
            if !line.trim().is_empty() {
                kept += 1;
                if kept == 2 {
                    break;
                }
            }
        }
        self.head.truncate(end);
        self.head.shrink_to_fit();
        self
    }

    /// A note for the summary when the text was not UTF-8.
    pub fn encoding_note(&self) -> Option<String> {
        if self.false_bom {
            Some("Filen började med en UTF-8-markering men resten var inte UTF-8; den lästes som Windows-1252 (Excel).".to_string())
        } else if self.encoding == UTF_8 {
            None
        } else if self.encoding == WINDOWS_1252 {
            Some("Filen var inte UTF-8 och lästes som Windows-1252 (Excel).".to_string())
        } else {
            Some(format!(
                "Filen lästes som {} (Excels \"Unicode-text\").",
                self.encoding.name()
            ))
        }
    }
}

/// Opens `path` for reading if it is a regular file: a named pipe, a device or a socket could
/// block forever or never end.
pub(super) fn open_regular(path: &Path) -> Result<File, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let meta = std::fs::metadata(path).map_err(io)?;
    if !meta.is_file() {
        return Err(ImportError::NotAFile(path.to_path_buf()));
    }
    let file = File::open(path).map_err(io)?;
    // The name could have been swapped for something else between the two looks.
    if !file.metadata().map_err(io)?.is_file() {
        return Err(ImportError::NotAFile(path.to_path_buf()));
    }
    Ok(file)
}

fn read_head(path: &Path, bytes: usize) -> Result<Vec<u8>, ImportError> {
    let file = open_regular(path)?;
    let mut head = Vec::with_capacity(bytes);
    file.take(bytes as u64)
        .read_to_end(&mut head)
        .map_err(|source| ImportError::Io {
            path: path.to_path_buf(),
            source,
        })?;
    Ok(head)
}

/// Whether the whole file is valid UTF-8, read in blocks (memory stays at one block).
fn is_utf8(path: &Path) -> Result<bool, ImportError> {
    let io = |source| ImportError::Io {
        path: path.to_path_buf(),
        source,
    };
    let mut file = open_regular(path)?;
    let mut buf = vec![0u8; 256 * 1024];
    let mut carry = 0;
    loop {
        let n = file.read(&mut buf[carry..]).map_err(io)?;
        let end = carry + n;
        if n == 0 {
            return Ok(carry == 0);
        }
        match std::str::from_utf8(&buf[..end]) {
            Ok(_) => carry = 0,
            Err(e) if e.error_len().is_none() => {
                // A character split across blocks: keep its first bytes for the next round.
                let valid = e.valid_up_to();
                buf.copy_within(valid..end, 0);
                carry = end - valid;
            }
            Err(_) => return Ok(false),
        }
    }
}

/// Whether the bytes start (after a byte-order mark and white space) like a web page.
fn looks_like_html(head: &[u8]) -> bool {
    let text = head.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(head);
    let start: Vec<u8> = text
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take(64)
        .map(u8::to_ascii_lowercase)
        .collect();
    [
        &b"<!doctype html"[..],
        b"<html",
        b"<table",
        b"<meta",
        b"<head",
    ]
    .iter()
    .any(|p| start.starts_with(p))
}

/// A file that is not text, told from its first bytes and its name: a spreadsheet to read
/// (`Some`), one to refuse with what to do (`Err`), or `None` for text.
fn binary_kind(head: &[u8], extension: &str) -> Result<Option<Kind>, NotText> {
    if head.starts_with(b"PK\x03\x04") {
        return match extension {
            "xlsx" | "xlsm" | "ods" => Ok(Some(Kind::Spreadsheet)),
            _ => Err(NotText::Xlsx),
        };
    }
    if head.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        // An encrypted Office file is a compound file with an "EncryptionInfo" stream.
        let marker: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if head.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(NotText::Encrypted);
        }
        return match extension {
            "xls" => Ok(Some(Kind::Spreadsheet)),
            _ => Err(NotText::Xls),
        };
    }
    if matches!(extension, "xls" | "xlsx" | "xlsm" | "ods") && looks_like_html(head) {
        return Err(NotText::WebPage);
    }
    if head.starts_with(b"SQLite format 3\0") {
        let app_id = head
            .get(68..72)
            .map(|b| i32::from_be_bytes([b[0], b[1], b[2], b[3]]));
        return Err(if app_id == Some(APPLICATION_ID) {
            NotText::Workbook
        } else {
            NotText::Sqlite
        });
    }
    Ok(None)
}

/// Finds out what `path` is from its first bytes, refusing files that are not results with a
/// message of their own (spreadsheets, databases, binaries).
pub(super) fn sniff(path: &Path) -> Result<Source, ImportError> {
    let head = read_head(path, SNIFF_BYTES)?;
    let refuse = |what: NotText| ImportError::NotText {
        path: path.to_path_buf(),
        what,
    };
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .unwrap_or_default();
    if let Some(kind) = binary_kind(&head, &extension).map_err(refuse)? {
        return Ok(Source {
            kind,
            encoding: UTF_8,
            bom_len: 0,
            false_bom: false,
            head: String::new(),
        });
    }
    // A byte-order mark is trusted only when the text after it is valid in its encoding: a
    // UTF-8 mark before Windows-1252 text (some tools add one to whatever they write) would
    // turn every å, ä and ö into a replacement character.
    let (encoding, bom, false_bom) = match Encoding::for_bom(&head) {
        Some((enc, len)) if enc == UTF_8 && !is_utf8(path)? => (WINDOWS_1252, len, true),
        Some((enc, len)) => (enc, len, false),
        None if head.contains(&0) => return Err(refuse(NotText::Binary)),
        None if is_utf8(path)? => (UTF_8, 0, false),
        None => (WINDOWS_1252, 0, false),
    };
    let (text, _) = encoding.decode_without_bom_handling(&head[bom..]);
    if encoding != UTF_16LE && encoding != UTF_16BE && text.contains('\0') {
        return Err(refuse(NotText::Binary));
    }
    let first = text.chars().find(|c| !c.is_whitespace());
    let kind = match first {
        None => {
            return Err(ImportError::UnknownLayout {
                path: path.to_path_buf(),
                why: "filen är tom".to_string(),
            });
        }
        Some('{' | '[') => Kind::Json,
        Some(_) => Kind::Text,
    };
    let text = match kind {
        Kind::Text if head.len() == SNIFF_BYTES && !header_complete(&text) => {
            whole_header(path, encoding, bom)?
        }
        _ => text.into_owned(),
    };
    Ok(Source {
        kind,
        encoding,
        bom_len: bom,
        false_bom,
        head: text,
    })
}

/// The start of a file whose header is longer than the sniff, read on to the line limit as
/// rows are read; a header past the limit is refused with its line.
fn whole_header(
    path: &Path,
    encoding: &'static Encoding,
    bom: usize,
) -> Result<String, ImportError> {
    let head = read_head(path, SNIFF_BYTES + MAX_LINE_BYTES as usize)?;
    let text = encoding
        .decode_without_bom_handling(&head[bom..])
        .0
        .into_owned();
    if header_complete(&text) {
        return Ok(text);
    }
    let before = text
        .lines()
        .take_while(|l| l.trim().is_empty() || l.trim_start().starts_with("sep="))
        .count() as u64;
    Err(ImportError::LineTooLong {
        path: path.to_path_buf(),
        line: before + 1,
    })
}

/// Whether the text holds a whole header line (ended by a line break), past an Excel `sep=`
/// line.
fn header_complete(text: &str) -> bool {
    text.split_inclusive('\n')
        .filter(|l| !l.trim().is_empty())
        .find(|l| !l.trim_start().starts_with("sep="))
        .is_some_and(|l| l.ends_with('\n'))
}

/// A text stream that stops with [`LineTooLong`] when a line runs past [`MAX_LINE_BYTES`].
pub(super) struct LineLimit<R> {
    inner: R,
    line: u64,
    length: u64,
}

/// The error a [`LineLimit`] stops with: the line (from 1) that was too long.
#[derive(Debug)]
pub(super) struct LineTooLong(pub u64);

impl std::fmt::Display for LineTooLong {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "rad {} är för lång", self.0)
    }
}

impl std::error::Error for LineTooLong {}

/// An error while reading a text file, as the import says it: a [`LineTooLong`] stop with
/// its line, anything else as the file that could not be read.
pub(super) fn read_error(path: &Path, e: std::io::Error) -> ImportError {
    match e
        .get_ref()
        .and_then(|inner| inner.downcast_ref::<LineTooLong>())
    {
        Some(LineTooLong(line)) => ImportError::LineTooLong {
            path: path.to_path_buf(),
            line: *line,
        },
        None => ImportError::Io {
            path: path.to_path_buf(),
            source: e,
        },
    }
}

impl<R: BufRead> LineLimit<R> {
    pub fn new(inner: R) -> LineLimit<R> {
        LineLimit {
            inner,
            line: 1,
            length: 0,
        }
    }
}

impl<R: BufRead> Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let available = self.fill_buf()?;
        let n = available.len().min(buf.len());
        buf[..n].copy_from_slice(&available[..n]);
        self.consume(n);
        Ok(n)
    }
}

impl<R: BufRead> BufRead for LineLimit<R> {
    fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
        if self.length > MAX_LINE_BYTES {
            return Err(std::io::Error::other(LineTooLong(self.line)));
        }
        self.inner.fill_buf()
    }

    fn consume(&mut self, amount: usize) {
        // The bytes consumed are at the front of the buffer `fill_buf` handed out.
        if let Ok(buffer) = self.inner.fill_buf() {
            let end = amount.min(buffer.len());
            for part in buffer[..end].split_inclusive(|&b| b == b'\n') {
                if part.last() == Some(&b'\n') {
                    self.line += 1;
                    self.length = 0;
                } else {
                    self.length += part.len() as u64;
                }
            }
        }
        self.inner.consume(amount);
    }
}

/// The file's text as UTF-8 bytes, decoded as it is read in the encoding `sniff` chose; a
/// byte-order mark is skipped, never read as a say on the encoding.
pub(super) fn text_reader(path: &Path, source: &Source) -> Result<impl BufRead, ImportError> {
    let mut file = open_regular(path)?;
    if source.bom_len > 0 {
        use std::io::{Seek, SeekFrom};
        file.seek(SeekFrom::Start(source.bom_len as u64))
            .map_err(|source| ImportError::Io {
                path: path.to_path_buf(),
                source,
            })?;
    }
    let decoder = encoding_rs_io::DecodeReaderBytesBuilder::new()
        .encoding(Some(source.encoding))
        .bom_sniffing(false)
        .utf8_passthru(true)
        .build(file);
    Ok(BufReader::with_capacity(256 * 1024, decoder))
}

/// Files that are not text of results, each told apart so the message can say what to do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotText {
    Xlsx,
    Xls,
    /// An Office file protected with a password.
    Encrypted,
    /// A web page (HTML table) saved with an Excel file's name, as old web exports are.
    WebPage,
    Workbook,
    Sqlite,
    Binary,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sniff_bytes(bytes: &[u8]) -> Result<Source, ImportError> {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("f.csv");
        std::fs::write(&path, bytes).unwrap();
        sniff(&path)
    }

    #[test]
    fn encodings_are_found() {
        assert_eq!(sniff_bytes(b"a;b\n1;2\n").unwrap().encoding, UTF_8);
        assert_eq!(
            sniff_bytes(b"\xEF\xBB\xBFa;b\n").unwrap().encoding,
            UTF_8,
            "UTF-8 with BOM"
        );
        let latin = sniff_bytes(b"kommun;v\xE4rde\n").unwrap();
        assert_eq!(latin.encoding, WINDOWS_1252);
        assert_eq!(latin.head, "kommun;värde\n");
        let utf16: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("år\tvärde\n".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let s = sniff_bytes(&utf16).unwrap();
        assert_eq!(s.encoding, UTF_16LE);
        assert_eq!(s.head, "år\tvärde\n");
    }

    #[test]
    fn a_waiting_source_keeps_only_its_header_lines() {
        let mut text = String::from("\nsep=;\nindikator;kommun;år;värde\n");
        text.push_str(&"N1;0180;2020;1\n".repeat(1000));
        let source = sniff_bytes(text.as_bytes()).unwrap().keep_header_only();
        assert_eq!(source.head, "\nsep=;\nindikator;kommun;år;värde\n");
        let source = sniff_bytes(b"a;b").unwrap().keep_header_only();
        assert_eq!(source.head, "a;b", "a file of one line keeps it");
    }

    #[test]
    fn a_utf8_mark_before_windows_1252_text_is_not_believed() {
        let s = sniff_bytes(b"\xEF\xBB\xBFkommun;v\xE4rde\nG\xF6teborg;1\n").unwrap();
        assert_eq!(s.encoding, WINDOWS_1252);
        assert!(s.false_bom);
        assert_eq!(s.bom_len, 3);
        assert!(s.head.starts_with("kommun;värde\nGöteborg"), "{}", s.head);
        assert!(s.encoding_note().unwrap().contains("UTF-8-markering"));
    }

    #[test]
    fn a_late_non_utf8_byte_decides_the_encoding() {
        let mut bytes = b"a;b\n".repeat(40_000);
        bytes.extend_from_slice(b"G\xF6teborg;1\n");
        assert_eq!(sniff_bytes(&bytes).unwrap().encoding, WINDOWS_1252);
    }

    #[test]
    fn spreadsheets_databases_and_binaries_are_told_apart() {
        let what = |b: &[u8]| match sniff_bytes(b) {
            Err(ImportError::NotText { what, .. }) => Some(what),
            _ => None,
        };
        assert_eq!(what(b"PK\x03\x04rest"), Some(NotText::Xlsx));
        assert_eq!(
            what(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1, 0]),
            Some(NotText::Xls)
        );
        let mut sqlite = b"SQLite format 3\0".to_vec();
        sqlite.resize(100, 0);
        assert_eq!(what(&sqlite), Some(NotText::Sqlite));
        sqlite[68..72].copy_from_slice(&APPLICATION_ID.to_be_bytes());
        assert_eq!(what(&sqlite), Some(NotText::Workbook));
        assert_eq!(what(b"a;b\0c"), Some(NotText::Binary));
    }
}
