/**
 * Reads a multipart/form-data body into its parts by name, as bytes. The
 * Lark SDK uploads files this way (with a file part that has no filename),
 * and the console's Open API and the test fake both take those uploads.
 */

/** The parts of a multipart/form-data body by name. */
export function parseMultipart(raw: Buffer, contentType: string): Map<string, Buffer> {
  const parts = new Map<string, Buffer>();
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return parts;
  const delimiter = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  let start = raw.indexOf(delimiter);
  while (start >= 0) {
    const next = raw.indexOf(delimiter, start + delimiter.length);
    if (next < 0) break;
    const part = raw.subarray(start + delimiter.length + 2, next - 2);
    const split = part.indexOf('\r\n\r\n');
    const headers = part.subarray(0, split).toString('utf8');
    const name = /name="([^"]*)"/.exec(headers)?.[1];
    if (name !== undefined) parts.set(name, Buffer.from(part.subarray(split + 4)));
    start = next;
  }
  return parts;
}
