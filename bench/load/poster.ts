/**
 * Posts requests one at a time for bench/profile-event.ts, in a process of
 * its own so that the HTTP client's CPU is not counted as the service's:
 * reads the requests from the JSON file named in argv[2] ({ url, requests:
 * [{ body, headers }] }), then posts the next one for each line on stdin
 * and answers with its status on a line of stdout.
 */
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';

const { url, requests } = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as { url: string; requests: { body: string; headers: Record<string, string> }[] };
let next = 0;
for await (const _line of createInterface({ input: process.stdin })) {
  const request = requests[next++]!;
  const response = await fetch(url, { method: 'POST', headers: request.headers, body: request.body });
  await response.text();
  process.stdout.write(`${response.status}\n`);
}
