/**
 * The one-to-one notice to administrators that a year's official holiday
 * schedule is missing: what the bot does meanwhile (weekends only, cards
 * marked 暂按周末计算) and the one step that adds the year. Pure.
 */
import { card, markdown, type CardElement } from './card-parts.js';

/** The marker on cards whose timing was judged by weekends alone. */
export const WEEKENDS_ONLY_MARK = '暂按周末计算';

/** What the notice is about. */
export interface HolidayNoticeView {
  /** The year without a schedule. */
  year: number;
  /** The last day the schedule covers, 'YYYY-MM-DD'; null without any. */
  coveredThrough: string | null;
}

/** The notice card and its text twin. */
export function renderHolidayNotice(view: HolidayNoticeView): { card: CardElement; text: string } {
  const { year } = view;
  const title = `${year}年节假日安排尚未载入`;
  const paragraphs = [
    `督办助手还没有 ${year} 年的法定节假日安排${view.coveredThrough ? `（现有安排截至 ${view.coveredThrough}）` : ''}。载入之前，${year} 年只把周六、周日当作休息日：节假日里也会照常发送周报和提醒，调休上班的周末则不发；这些卡片会标注“${WEEKENDS_ONLY_MARK}”。`,
    `国务院办公厅发布《关于${year}年部分节假日安排的通知》后，请运维人员按通知写好项目根目录下的 holidays/${year}.json（放假日期和调休上班日期，格式见 holidays/README.md），然后重启服务。`,
    '此通知每年只发一次。',
  ];
  return { card: card(title, 'orange', paragraphs.map((paragraph) => markdown(paragraph))), text: [title, ...paragraphs].join('\n') };
}
