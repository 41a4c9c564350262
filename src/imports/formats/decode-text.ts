/**
 * Decodes text files as offices save them: UTF-8 (with or without BOM), or
 * GBK/GB18030, which Windows editions of Word and Excel in Chinese still
 * write for .txt and .csv.
 */

/** Decodes bytes as UTF-8, falling back to GB18030 when they are not valid UTF-8. */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('gb18030').decode(bytes);
  }
}
