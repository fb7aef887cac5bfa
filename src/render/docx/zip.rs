//! The smallest ZIP writer a DOCX needs: entries deflated, in the order given, each stamped
//! with one fixed date, no extra fields, no comments, no data descriptors. The same entries
//! give the same bytes on every machine and at every hour, which a general ZIP library (that
//! stamps the current time unless told otherwise, and adds extended timestamps on some
//! systems) does not promise by construction.
//!
//! The format (PKWARE's APPNOTE 4.3): for each entry a local header, then its compressed data;
//! then the central directory, one record per entry; then the end-of-central-directory record.
//! Sizes and counts fit the classic 32-bit and 16-bit fields (a programme's DOCX is far below
//! 4 GiB and 65 535 entries; [`Zip::finish`] refuses otherwise rather than writing a broken
//! archive).

use std::io::Write;

use flate2::Compression;
use flate2::write::DeflateEncoder;

use crate::model::Date;

/// An archive being written in memory.
pub(super) struct Zip {
    /// Local headers and data written so far.
    out: Vec<u8>,
    /// The central directory records, written at the end.
    central: Vec<u8>,
    /// Entries written.
    count: usize,
    /// MS-DOS time and date of every entry.
    time: u16,
    date: u16,
}

/// Signature of a local file header.
const LOCAL: u32 = 0x0403_4b50;
/// Signature of a central directory record.
const CENTRAL: u32 = 0x0201_4b50;
/// Signature of the end of the central directory.
const END: u32 = 0x0605_4b50;
/// Version 2.0: deflate.
const VERSION: u16 = 20;
/// Compression method 8: deflate.
const DEFLATE: u16 = 8;

impl Zip {
    /// An empty archive whose entries are dated `date`, midnight (MS-DOS dates run from 1980
    /// to 2107; a date outside is clamped to the nearest end).
    pub(super) fn new(date: Date) -> Zip {
        let year = date.year.clamp(1980, 2107) - 1980;
        let dos_date = ((year as u16) << 9) | (u16::from(date.month) << 5) | u16::from(date.day);
        Zip {
            out: Vec::new(),
            central: Vec::new(),
            count: 0,
            time: 0,
            date: dos_date,
        }
    }

    /// Adds an entry named `name` (ASCII, `/`-separated) holding `data`.
    pub(super) fn add(&mut self, name: &str, data: &[u8]) -> std::io::Result<()> {
        let mut crc = flate2::Crc::new();
        crc.update(data);
        let mut encoder = DeflateEncoder::new(Vec::new(), Compression::default());
        encoder.write_all(data)?;
        let packed = encoder.finish()?;
        let offset = self.out.len();
        let (crc, packed_len, len) = (crc.sum(), size(packed.len())?, size(data.len())?);
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;

        let local = &mut self.out;
        put32(local, LOCAL);
        put16(local, VERSION);
        put16(local, 0); // flags
        put16(local, DEFLATE);
        put16(local, self.time);
        put16(local, self.date);
        put32(local, crc);
        put32(local, packed_len);
        put32(local, len);
        put16(local, name_len);
        put16(local, 0); // extra field length
        local.extend_from_slice(name.as_bytes());
        local.extend_from_slice(&packed);

        let c = &mut self.central;
        put32(c, CENTRAL);
        put16(c, VERSION); // made by: MS-DOS (high byte 0), version 2.0
        put16(c, VERSION);
        put16(c, 0); // flags
        put16(c, DEFLATE);
        put16(c, self.time);
        put16(c, self.date);
        put32(c, crc);
        put32(c, packed_len);
        put32(c, len);
        put16(c, name_len);
        put16(c, 0); // extra field length
        put16(c, 0); // comment length
        put16(c, 0); // disk number
        put16(c, 0); // internal attributes
        put32(c, 0); // external attributes
        put32(c, size(offset)?);
        c.extend_from_slice(name.as_bytes());
        self.count += 1;
        Ok(())
    }

    /// The archive's bytes.
    pub(super) fn finish(mut self) -> std::io::Result<Vec<u8>> {
        let count = u16::try_from(self.count).map_err(|_| too_big())?;
        let start = size(self.out.len())?;
        let central_len = size(self.central.len())?;
        self.out.append(&mut self.central);
        let out = &mut self.out;
        put32(out, END);
        put16(out, 0); // this disk
        put16(out, 0); // disk of the central directory
        put16(out, count);
        put16(out, count);
        put32(out, central_len);
        put32(out, start);
        put16(out, 0); // comment length
        Ok(self.out)
    }
}

fn put16(out: &mut Vec<u8>, v: u16) {
    out.extend_from_slice(&v.to_le_bytes());
}

fn put32(out: &mut Vec<u8>, v: u32) {
    out.extend_from_slice(&v.to_le_bytes());
}

/// A length or offset as the 32-bit field it goes into.
fn size(n: usize) -> std::io::Result<u32> {
    u32::try_from(n).map_err(|_| too_big())
}

fn too_big() -> std::io::Error {
    std::io::Error::other("the document is too large for a ZIP archive without ZIP64")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date() -> Date {
        Date {
            year: 2026,
            month: 12,
            day: 15,
        }
    }

    #[test]
    fn entries_are_stamped_with_the_fixed_date_in_order() {
        let mut zip = Zip::new(date());
        zip.add("a.xml", b"<a/>").unwrap();
        zip.add("b/c.xml", "ПРОЕКТ".as_bytes()).unwrap();
        let bytes = zip.finish().unwrap();
        // The first local header: signature, then the date at offset 12.
        assert_eq!(&bytes[..4], b"PK\x03\x04");
        let dos = u16::from_le_bytes([bytes[12], bytes[13]]);
        assert_eq!(
            (1980 + (dos >> 9), (dos >> 5) & 15, dos & 31),
            (2026, 12, 15)
        );
        assert_eq!(&bytes[30..35], b"a.xml");
        // The end record counts two entries and points at the central directory.
        let end = &bytes[bytes.len() - 22..];
        assert_eq!(&end[..4], b"PK\x05\x06");
        assert_eq!(u16::from_le_bytes([end[10], end[11]]), 2);
        let start = u32::from_le_bytes([end[16], end[17], end[18], end[19]]) as usize;
        assert_eq!(&bytes[start..start + 4], b"PK\x01\x02");
        // The second central record names the second entry.
        assert!(bytes[start..].windows(7).any(|w| w == b"b/c.xml"));
    }

    #[test]
    fn the_same_entries_give_the_same_bytes() {
        let make = || {
            let mut zip = Zip::new(date());
            zip.add("x.xml", &[b'x'; 5000]).unwrap();
            zip.finish().unwrap()
        };
        let first = make();
        assert_eq!(first, make());
        // Deflated: far smaller than the 5000 bytes stored.
        assert!(first.len() < 300, "{}", first.len());
    }

    #[test]
    fn dates_before_1980_are_clamped() {
        let mut zip = Zip::new(Date {
            year: 1970,
            month: 1,
            day: 1,
        });
        zip.add("a", b"").unwrap();
        let bytes = zip.finish().unwrap();
        assert_eq!(u16::from_le_bytes([bytes[12], bytes[13]]) >> 9, 0);
    }
}
