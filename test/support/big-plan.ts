/**
 * Generated task tables of any size, as a real 分工方案 sheet looks: a title
 * row, a header (序号 / 工作任务 / 具体要求 / 牵头单位 / 配合单位 /
 * 完成时限) and one numbered task per row, with units and deadlines drawn
 * from a fixed list. For the import benchmark (10,000 rows) and the tests
 * of big plans (5,000 tasks); the same count always gives the same file.
 */
import ExcelJS from 'exceljs';

const UNITS = ['市发展改革局', '市财政局', '市教育局', '市科技局', '市工业和信息化局', '市公安局', '市民政局', '市司法局', '市人力资源社会保障局', '市自然资源局', '市生态环境局', '市住房城乡建设局', '市交通运输局', '市水务局', '市农业农村局', '市商务局', '市文化广电旅游体育局', '市卫生健康局', '市应急管理局', '市市场监督管理局'];
const DEADLINES = ['2027年6月底前', '2027年12月底前', '长期坚持', '每季度', '2027年9月30日前'];
const TOPICS = ['营商环境', '数字政府', '乡村振兴', '城市更新', '民生保障', '生态保护', '安全生产', '科技创新'];

/** The title row's text: a city and a year the metadata reader understands. */
export const BIG_PLAN_TITLE = '中山市2027年重点工作任务分工方案';

/** The header and `tasks` numbered rows, as cell texts. */
export function bigPlanRows(tasks: number): string[][] {
  const rows = [['序号', '工作任务', '具体要求', '牵头单位', '配合单位', '完成时限']];
  for (let n = 1; n <= tasks; n++) {
    const topic = TOPICS[n % TOPICS.length]!;
    rows.push([
      String(n),
      `推进${topic}第${n}项工作`,
      `围绕${topic}制定第${n}项具体措施，按季度报送进展情况。`,
      UNITS[n % UNITS.length]!,
      `${UNITS[(n * 7 + 3) % UNITS.length]!}、${UNITS[(n * 11 + 5) % UNITS.length]!}`,
      DEADLINES[n % DEADLINES.length]!,
    ]);
  }
  return rows;
}

/** The plan as a workbook: the title in the first row, then the table. */
export async function bigPlanXlsx(tasks: number): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('任务分工');
  sheet.addRow([BIG_PLAN_TITLE]);
  for (const row of bigPlanRows(tasks)) sheet.addRow(row);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The plan as CSV (UTF-8), the title on the first line. */
export function bigPlanCsv(tasks: number): Buffer {
  const quote = (cell: string) => (/[",\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);
  return Buffer.from([BIG_PLAN_TITLE, ...bigPlanRows(tasks).map((row) => row.map(quote).join(','))].join('\n'), 'utf8');
}

/** The plan as text: one cell per line ending in " |", as seed 003 is published. */
export function bigPlanPipeCells(tasks: number): string {
  return [BIG_PLAN_TITLE, '', ...bigPlanRows(tasks).flatMap((row) => row.map((cell) => `${cell} |`))].join('\n');
}

/** The plan as text: tab-indented Word table rows, one cell per line, a blank line between rows (seed 000). */
export function bigPlanTabTable(tasks: number): string {
  return [BIG_PLAN_TITLE, '', ...bigPlanRows(tasks).flatMap((row) => [...row.map((cell) => `\t${cell}`), ''])].join('\n');
}

/** The plan as text: one row per line, cells between pipes. */
export function bigPlanPipeRows(tasks: number): string {
  return [BIG_PLAN_TITLE, '', ...bigPlanRows(tasks).map((row) => `| ${row.join(' | ')} |`)].join('\n');
}
