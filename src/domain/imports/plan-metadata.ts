/**
 * Finds a plan's title, issuing body, jurisdiction, year and document number
 * in its text. What cannot be found is inferred from the body and said so in
 * a warning, never silently made up.
 */
import { squash } from './normalize-text.js';

/** What the document says about itself. */
export interface PlanMetadata {
  title: string;
  issuer: string | null;
  /** City or district whose units the plan names: 中山市, 新会区. */
  jurisdiction: string;
  year: number | null;
  docNumber: string | null;
  warnings: string[];
}

const TITLE_END = /(分工方案|工作要点|实施方案|安排方案|工作方案|任务分工|分工)$/;
const PLACE = /^((?:19|20)\d{2}\s*年)?\s*([\u4e00-\u9fa5]{2,4}?(?:市|区|县))/;
const ISSUER = /([\u4e00-\u9fa5]{2,6}(?:市|区|县)(?:人民政府办公室|人民政府办公厅|人民政府|政府办公室|[\u4e00-\u9fa5]{2,10}局))/;
const DOC_NUMBER = /([\u4e00-\u9fa5]{1,8}[〔\[［]\s*((?:19|20)\d{2})\s*[〕\]］]\s*\d+\s*号)/;

function titleCandidates(lines: readonly string[]): string[] {
  const candidates: string[] = [];
  for (const raw of lines.slice(0, 60)) {
    const line = squash(raw).replace(/^标题\s*/, '');
    const quoted = /《([^》]{6,60})》的通知$/.exec(line);
    if (quoted) candidates.push(squash(quoted[1]!).replace(/\s+/g, ''));
    if (line.length >= 6 && line.length <= 60 && TITLE_END.test(line) && !line.includes('|')) candidates.push(line.replace(/\s+/g, ''));
  }
  return candidates;
}

/** Reads the metadata of a plan from its normalised lines. */
export function readPlanMetadata(lines: readonly string[], fileName: string): PlanMetadata {
  const warnings: string[] = [];
  const text = lines.join('\n');
  const docNumberMatch = DOC_NUMBER.exec(text.slice(0, 3000));
  const docNumber = docNumberMatch ? docNumberMatch[1]!.replace(/\s+/g, '') : null;

  let title = titleCandidates(lines).sort((a, b) => Number(PLACE.test(b)) - Number(PLACE.test(a)))[0];
  const issuerLine = lines.slice(0, 40).map((line) => squash(line)).find((line) => /^发文机关|人民政府办公室$|人民政府$/.test(line));
  let issuer = issuerLine ? (ISSUER.exec(issuerLine)?.[1] ?? null) : null;

  let jurisdiction = title ? PLACE.exec(title)?.[2] : undefined;
  if (!jurisdiction) {
    const counts = new Map<string, number>();
    for (const match of text.matchAll(new RegExp(ISSUER.source, 'g'))) {
      const body = match[1]!;
      counts.set(body, (counts.get(body) ?? 0) + 1);
    }
    const [mostNamed] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [];
    if (mostNamed) {
      jurisdiction = /^[\u4e00-\u9fa5]{2,4}?(?:市|区|县)/.exec(mostNamed)?.[0];
      issuer ??= mostNamed;
      warnings.push(`文件中没有写明发文地区，按正文中出现最多的机关“${mostNamed}”推断为${jurisdiction}`);
    }
  }
  if (!jurisdiction) {
    jurisdiction = '未知地区';
    warnings.push('无法判断这份方案属于哪个市或区，单位已记在“未知地区”名下');
  }

  const yearFrom = (value: string | null | undefined) => {
    const match = value ? /((?:19|20)\d{2})\s*年/.exec(value) : null;
    return match ? Number(match[1]) : null;
  };
  let year = yearFrom(title) ?? (docNumberMatch ? Number(docNumberMatch[2]) : null);
  if (year === null) {
    const mentioned = [...text.matchAll(/((?:19|20)\d{2})\s*年\s*政务公开工作要点/g)].map((m) => Number(m[1]));
    year = mentioned.length ? Math.max(...mentioned) : null;
    if (year !== null) warnings.push(`文件中没有写明年度，按正文提到的“${year}年政务公开工作要点”推断为${year}年`);
  }

  if (!title) {
    const body = issuer ?? jurisdiction;
    title = `${body}${year ?? ''}${year ? '年' : ''}工作任务分工`;
    warnings.push(`文件中没有标题，已按内容命名为“${title}”（文件：${fileName}）`);
  }
  return { title, issuer, jurisdiction, year, docNumber, warnings };
}
