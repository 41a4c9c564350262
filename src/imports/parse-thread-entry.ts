/**
 * The body of the parse thread: reads and parses each document it is sent,
 * one at a time, and posts back the result or the error's name and message
 * (an answered error keeps its Chinese message; the main thread decides
 * what is shown). Pure: no database, no network.
 */
import { parentPort } from 'node:worker_threads';
import { parseDocumentBytes } from './read-document.js';

parentPort!.on('message', async ({ id, fileName, bytes }: { id: number; fileName: string; bytes: Uint8Array }) => {
  try {
    const result = await parseDocumentBytes(fileName, Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    parentPort!.postMessage({ id, ok: true, result });
  } catch (error) {
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    parentPort!.postMessage({ id, ok: false, name, message, stack });
  }
});
parentPort!.postMessage({ ready: true });
