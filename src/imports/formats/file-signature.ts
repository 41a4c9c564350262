/**
 * What a file's first bytes say it is, whatever its name says. Offices
 * rename freely: a ".xls" that is really an .xlsx (a zip), a ".doc" saved
 * from WPS as .docx, a ".xls" exported by a web system as an HTML table.
 * Each reader checks the signature so a zip is always read through the zip
 * guards, and a file that is none of what its name claims is called
 * damaged instead of being read as something it is not.
 */

/** An OLE compound file (Word 97 .doc, Excel 97 .xls, WPS .wps/.et): D0 CF 11 E0 A1 B1 1A E1. */
export function isOleFile(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0 && bytes[4] === 0xa1 && bytes[5] === 0xb1 && bytes[6] === 0x1a && bytes[7] === 0xe1;
}

/** A zip archive (.docx, .xlsx, and WPS's newer files under an old name): PK\x03\x04. */
export function isZipFile(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/** A PDF: %PDF- within its first kilobyte (some writers put bytes before it). */
export function isPdfFile(bytes: Uint8Array): boolean {
  return Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 1024)).includes('%PDF-');
}

/** Markup (an HTML table or Excel 2003 XML saved as .xls): starts with "<" after a BOM and blanks. */
export function isMarkupFile(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.buffer, bytes.byteOffset, Math.min(bytes.byteLength, 512)).toString('latin1');
  return /^(\xef\xbb\xbf)?\s*</.test(head);
}
