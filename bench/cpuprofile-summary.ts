/**
 * Where the time of a V8 .cpuprofile goes: self time summed by module (a
 * package under node_modules, a file of ours, Node's internals, the
 * garbage collector) and by function, per event. Used by
 * bench/profile-event.ts; also runs on its own:
 * `node --import tsx bench/cpuprofile-summary.ts file.cpuprofile [events]`.
 */
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

/** The parts of a V8 CPU profile read here. */
export interface Profile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** The module a script URL belongs to: a package, one of our files, Node's internals. */
export function moduleOf(url: string, functionName: string): string {
  if (!url) return functionName.startsWith('(') ? functionName : '(native)';
  const packaged = /node_modules\/((?:@[^/]+\/)?[^/]+)(?:\/(runtime))?/.exec(url);
  if (packaged) return packaged[1] + (packaged[2] ? `/${packaged[2]}` : '');
  if (url.startsWith('node:')) return url.split('/').slice(0, 2).join('/');
  const ours = /\/(src|commands|bench|test)\/(.*)$/.exec(url);
  if (ours) return ours[1] === 'src' && ours[2]!.startsWith('generated/') ? 'src/generated (prisma client)' : `${ours[1]}/${ours[2]}`;
  return url;
}

/** Self time in ms by module and by function, largest first; the profile's idle time left out. */
export function selfTimes(profile: Profile): { total: number; byModule: [string, number][]; byFunction: [string, number][] } {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const byModule = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, index) => {
    const node = nodes.get(id)!;
    const ms = (profile.timeDeltas[index + 1] ?? profile.timeDeltas[index] ?? 0) / 1000;
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)') return;
    total += ms;
    const module = moduleOf(url, functionName);
    byModule.set(module, (byModule.get(module) ?? 0) + ms);
    const name = `${functionName || '(anonymous)'} ${module}:${lineNumber + 1}`;
    byFunction.set(name, (byFunction.get(name) ?? 0) + ms);
  });
  const sorted = (map: Map<string, number>) => [...map.entries()].sort((a, b) => b[1] - a[1]);
  return { total, byModule: sorted(byModule), byFunction: sorted(byFunction) };
}

/** A printable summary: ms per event (of `events`) by module and by function, the top `top` of each. */
export function summariseProfile(profile: Profile, events: number, top = 15): string {
  const { total, byModule, byFunction } = selfTimes(profile);
  const line = ([name, ms]: [string, number]) => `  ${(ms / events).toFixed(3).padStart(7)} ms  ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${name}`;
  return [`busy ${(total / events).toFixed(2)} ms per event (sampled); self time by module:`, ...byModule.slice(0, top).map(line), 'by function:', ...byFunction.slice(0, top).map(line)].join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const profile = JSON.parse(readFileSync(process.argv[2]!, 'utf8')) as Profile;
  console.log(summariseProfile(profile, Number(process.argv[3] ?? 1), 25));
}
