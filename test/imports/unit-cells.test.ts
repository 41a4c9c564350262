/**
 * The ways real plans write who does a task inside one cell or sentence,
 * each read as the units and their parts a user sees on the task card:
 * a role after each unit in brackets, role labels, "为牵头单位", 负总责,
 * 按职责分工 tails, and the verbs the seeds use.
 */
import { describe, expect, it } from 'vitest';
import { parseUnitCell } from '../../src/domain/imports/unit-list-parser.js';

const read = (text: string) => parseUnitCell(text, { defaultRole: 'responsible' }).map((unit) => `${unit.name}:${unit.role}`);

describe('units and their parts in a cell', () => {
  it('a bureau written with its own place (宁波市税务局) keeps its name among the city’s 市-bureaus; a bare one (经信局) is the city’s', () => {
    expect(read('市住建局、市自然资源规划局,宁波海关,宁波市税务局、经信局')).toEqual(['市住建局:responsible', '市自然资源规划局:responsible', '宁波海关:responsible', '宁波市税务局:responsible', '市经信局:responsible']);
    // …or with its place's short name (无锡工商局); a bureau whose own name starts like a county (公安局: 公安县) is the city's.
    expect(read('无锡工商局、市经贸委、公安局')).toEqual(['无锡工商局:responsible', '市经贸委:responsible', '市公安局:responsible']);
  });

  it('a slash parts two names, and a list’s numbers (1. 2., （1）, ①②) are no part of them', () => {
    expect(read('市发改委/市财政局')).toEqual(['市发改委:responsible', '市财政局:responsible']);
    expect(read('1.市发改委 2.市财政局')).toEqual(['市发改委:responsible', '市财政局:responsible']);
    expect(read('（1）市发改委；（2）市财政局')).toEqual(['市发改委:responsible', '市财政局:responsible']);
    expect(read('①市发改委②市财政局')).toEqual(['市发改委:responsible', '市财政局:responsible']);
  });

  it('in a lead column, a list opened by a collective goes on leading after its comma (各县(市、区)政府，市财政局、市教育局); after a named unit the rest is the others (市编委办，各镇区)', () => {
    const lead = (text: string) => parseUnitCell(text, { defaultRole: 'lead' }).map((unit) => `${unit.name}:${unit.role}`);
    expect(lead('各县（市、区）政府，市财政局、市教育局')).toEqual(['各县（市、区）政府:lead', '市财政局:lead', '市教育局:lead']);
    expect(lead('市编委办，各镇区')).toEqual(['市编委办:lead', '各镇区:responsible']);
    expect(lead('各县（市、区）政府，市直有关部门')).toEqual(['各县（市、区）政府:lead', '市直有关部门:responsible']);
  });

  it('具体 before the verb that closes a list (各科室、局属各单位具体落实) is the verb’s, not part of the last name', () => {
    expect(read('办公室牵头,各科室、局属各单位具体落实')).toEqual(['办公室:lead', '各科室:responsible', '局属各单位:responsible']);
    expect(read('县住建局具体负责')).toEqual(['县住建局:responsible']);
    // The work the verb goes on to name (负责起草, 配合研究) is no part of a name either.
    expect(read('市法制局牵头,具体职能部门负责起草')).toEqual(['市法制局:lead', '具体职能部门:responsible']);
  });

  it('a list closed by 等部门单位 (a national plan’s 等部门单位参与) names the units before it, not a unit called 中国科协等部门单位', () => {
    expect(read('国家卫生健康委牵头，中央宣传部、中国科协等部门单位参与')).toEqual(['国家卫生健康委:lead', '中央宣传部:cooperating', '中国科协:cooperating']);
  });

  it('a list written with ， between a lead and the verb that closes it (市发改委牵头，市财政局，市自然资源局配合): the middle ones help too', () => {
    expect(read('市发改委牵头，市财政局，市自然资源局配合')).toEqual(['市发改委:lead', '市财政局:cooperating', '市自然资源局:cooperating']);
    expect(read('市发改委牵头，市财政局，市自然资源局负责')).toEqual(['市发改委:lead', '市财政局:responsible', '市自然资源局:responsible']);
  });

  it.each([
    ['市财政局（牵头）、市税务局', ['市财政局:lead', '市税务局:responsible']],
    ['市财政局(牵头),市税务局(配合)', ['市财政局:lead', '市税务局:cooperating']],
    ['牵头：市财政局 配合：市税务局、市人社局', ['市财政局:lead', '市税务局:cooperating', '市人社局:cooperating']],
    ['牵头单位：市发改委；责任单位：各县区政府', ['市发改委:lead', '各县区政府:responsible']],
    ['市财政局为牵头单位，市税务局为配合单位', ['市财政局:lead', '市税务局:cooperating']],
    ['市财政局负总责', ['市财政局:lead']],
    // Names a page ran together: cut where the next starts with its place level, or between two stations; one bureau's office stays whole.
    ['市财政局、各县（市）、区人民政府', ['市财政局:responsible', '各县（市）、区人民政府:responsible']],
    ['各乡镇（县经开区）落实属地管理责任', ['各乡镇（县经开区）:responsible']],
    ['市生态环境局、各县、区人民政府(管委会)', ['市生态环境局:responsible', '各县、区人民政府:responsible']],
    ['市海洋渔业局市农业农村局', ['市海洋渔业局:responsible', '市农业农村局:responsible']],
    ['城关街道办事处县域工业集中区', ['城关街道办事处:responsible', '县域工业集中区:responsible']],
    ['文化站 派出所工商质监所', ['文化站:responsible', '派出所:responsible', '工商质监所:responsible']],
    ['市公安局交通管理局', ['市公安局交通管理局:responsible']],
    // 市场 after a bureau is no level: the bureau's 市场综合执法大队 is one unit with it.
    ['市文旅局市场综合执法大队、市市场监管局消费网监股', ['市文旅局市场综合执法大队:responsible', '市市场监管局消费网监股:responsible']],
    ['县农业农村局所属各站所', ['县农业农村局所属各站所:responsible']],
    ['市场监督管理局', ['市场监督管理局:responsible']],
    // 市场 is no level: a town's 政法办 beside its 市场监督管理所 stays the town's.
    ['政法(应急)办、派出所、市场监督管理所', ['政法（应急）办:responsible', '派出所:responsible', '市场监督管理所:responsible']],
    // 由 says who: it is no part of the first name.
    ['由市发展改革委、统计局负责', ['市发展改革委:responsible', '市统计局:responsible']],
    // A person after a unit (牵头单位及主要负责人) is apart from it.
    ['市民政局 伍泽国', ['市民政局:responsible', '伍泽国:responsible']],
    ['省商务厅、财政厅等相关部门按职责分工', ['省商务厅:responsible', '财政厅:responsible']],
    ['省发展改革委、能源局等省有关部门按职责分工', ['省发展改革委:responsible', '能源局:responsible']],
    ['市发改委、市财政局按职责分工负责', ['市发改委:responsible', '市财政局:responsible']],
    ['市财政局牵头，市税务局、市人社局配合', ['市财政局:lead', '市税务局:cooperating', '市人社局:cooperating']],
    // A flattened table's cell with one unit a line: towns, a name after a parenthesis, a name after which the column put its verb.
    ['城南街道\n青山镇\n白沙乡\n区发改局', ['城南街道:responsible', '青山镇:responsible', '白沙乡:responsible', '区发改局:responsible']],
    ['各乡镇(街道)\n区教育局', ['各乡镇:responsible', '区教育局:responsible']],
    ['区总工会\n团区委配合', ['区总工会:cooperating', '团区委:cooperating']],
    // 主办 / 协办 are 牵头 / 配合 (黑龙江 2013); a verb closing a name ends its clause though a 、 follows.
    ['省财政厅主办，省国税局、地税局协办', ['省财政厅:lead', '省国税局:cooperating', '地税局:cooperating']],
    ['市财政局牵头、市税务局配合', ['市财政局:lead', '市税务局:cooperating']],
    ['省工信委主办、省发改委协办', ['省工信委:lead', '省发改委:cooperating']],
    // A name a line broke after 城乡 is one name.
    ['市住房城乡\n建设局', ['市住房城乡建设局:responsible']],
  ])('%s', (text, expected) => {
    expect(read(text)).toEqual(expected);
  });
});
