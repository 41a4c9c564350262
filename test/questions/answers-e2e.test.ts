/**
 * Questions asked in chat, end to end: the five seeds imported on first
 * start, each question sent as Lark would (encrypted, signed) to the real
 * webhook route, the answer read back from the card the real SDK sent to
 * the local fake of the Open API. Every expected task list was checked
 * against the seed documents.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DATABASES } from '../support/databases.js';
import { startTestApp, type TestApp } from '../support/app.js';
import { startFakeLark, type Delivery, type FakeLark } from '../support/fake-lark.js';
import { readCard, type ReadCard } from '../support/answer-cards.js';
import { cardActionEvent, postToWebhook, replyTo, webhookEnv, type ConsoleSecrets } from '../support/lark-events.js';
import { waitFor } from '../support/wait.js';

const secrets: ConsoleSecrets = { appId: 'cli_5555666677778888', encryptKey: 'qa-encrypt-key', verificationToken: 'qa-verification-token' };

for (const { provider, available } of DATABASES) {
  describe.skipIf(!available)(`questions in chat, after importing the seeds [${provider}]`, () => {
    let fake: FakeLark;
    let app: TestApp;
    // A chat of its own per test: Lark takes 5 messages a second per chat, so one chat for all made most tests wait for its window.
    let chats = 0;
    let chatId = '';
    beforeEach(() => {
      chatId = `oc_questions_${provider}_${++chats}`;
    });

    beforeAll(async () => {
      fake = await startFakeLark({ appId: secrets.appId, appSecret: 'qa-secret' });
      app = await startTestApp(provider, { ...webhookEnv(secrets, 'qa-secret', fake.url), SEED_ON_EMPTY: '1', BOT_TIMEZONE: 'Asia/Shanghai' });
    }, 60_000);
    afterAll(async () => {
      await app?.close();
      await fake?.close();
    });

    /** Asks in the test chat (one-to-one unless told) and returns the card the bot replied with. */
    async function ask(text: string, options: { chatType?: 'p2p' | 'group'; mention?: boolean } = {}): Promise<ReadCard & { delivery: Delivery }> {
      const delivery = await replyTo(app.url, fake, secrets, {
        text,
        chatId,
        chatType: options.chatType ?? 'p2p',
        ...(options.mention ? { mention: { openId: fake.botOpenId, name: '督办助手' } } : {}),
      });
      expect(delivery.msgType).toBe('interactive');
      return { ...readCard(delivery.content), delivery };
    }

    /** Every task of an answer, saying "还有呢" while the card offers a next page. */
    async function askAll(text: string): Promise<string[]> {
      let answer = await ask(text);
      const tasks = [...answer.tasks];
      const hasNext = (card: ReadCard) => card.buttons.some((value) => value.action === 'answer_page' && (value.question as { page: number }).page > pageOf(card));
      while (hasNext(answer)) {
        answer = await ask('还有呢');
        tasks.push(...answer.tasks);
      }
      return tasks;
    }
    const pageOf = (card: ReadCard & { delivery?: Delivery }) => Number(/第 (\d+)\/\d+ 页/.exec(JSON.stringify(card.delivery?.content ?? ''))?.[1] ?? 1);

    const ZS_FINANCE = ['ZS:第8项', 'ZS:第10项第1条', 'ZS:第10项第2条', 'ZS:第20项第1条', 'ZS:第20项第2条'];
    const LY_FINANCE = ['LY:第6项', 'LY:第7项', 'LY:第8项第1条', 'LY:第8项第2条', 'LY:第11项'];
    const JM_FINANCE = ['JM:第11项', 'JM:第12项', 'JM:第13项', 'JM:第16项'];

    it('市财政局负责什么: each city’s own 市财政局, grouped by plan, over two pages', async () => {
      const first = await ask('市财政局负责什么');
      expect(first.title).toBe('找到 14 项任务');
      expect(first.text).toContain('我的理解：按单位：市财政局（中山市、临沂市、江门市）');
      expect(first.tasks).toEqual([...ZS_FINANCE, ...LY_FINANCE]);
      expect(first.text).toMatch(/牵头：\*\*市财政局\*\*、市发展改革局/);
      const second = await ask('还有呢');
      expect(second.tasks).toEqual(JM_FINANCE);
      // The second page is the last.
      expect((await ask('还有呢')).text).toContain('已经是最后一页了');
    });

    it('财政局负责什么 also finds 新会区’s 区财政局; 财正局 (a typo) finds the same', async () => {
      const expected = [...ZS_FINANCE, ...LY_FINANCE, 'XH:第9项', 'XH:第12项', 'XH:第13项', 'XH:第15项', 'XH:第20项', ...JM_FINANCE];
      expect(await askAll('财政局负责什么')).toEqual(expected);
      const typo = await ask('财正局负责什么');
      expect(typo.text).toContain('按“财正局”近似匹配');
      expect(typo.title).toBe('找到 19 项任务');
    });

    it('by unit, with short forms, synonyms, aliases, traditional characters and roles', async () => {
      expect((await ask('市国税局负责什么')).tasks).toEqual(['ZS:第10项第3条', 'LY:第8项第1条']);
      expect((await ask('区财政局牵头哪些任务')).tasks).toEqual(['XH:第12项', 'XH:第20项']);
      expect((await ask('区物价局有什么任务')).tasks).toEqual(['XH:第5项', 'XH:第8项', 'XH:第9项', 'XH:第15项']);
      // A task is a leaf: (一)'s three measures each carry the work, with (一)'s 科室.
      expect((await ask('产业政策科负责哪些')).tasks).toEqual(['JX:一、（一）第1条', 'JX:一、（一）第2条', 'JX:一、（一）第3条', 'JX:一、（三）', 'JX:三、（一）', 'JX:三、（二）第1条', 'JX:三、（二）第2条', 'JX:四、（二）第1条', 'JX:四、（二）第2条']);
      expect((await ask('市法制局牵头的任务')).tasks).toEqual(['ZS:第21项第5条']);
      const traditional = await ask('發改局負責哪些');
      expect(traditional.title).toBe('找到 16 项任务');
      expect(traditional.tasks.slice(0, 6)).toEqual(['ZS:第3项第1条', 'ZS:第3项第2条', 'ZS:第6项', 'ZS:第7项', 'ZS:第8项', 'ZS:第10项第5条']);
      // 市发改局 is each city's bureau, not 新会区's 区发展改革局 (4 of the 16 above); none is finished.
      expect((await ask('市发改局有哪些任务没完成')).title).toBe('找到 12 项任务');
    });

    it('a unit named with its place is that place’s unit; a place on its own is a filter, never a topic word', async () => {
      const zhongshan = await ask('中山市财政局负责什么');
      expect(zhongshan.tasks).toEqual(ZS_FINANCE);
      expect(zhongshan.text).toContain('我的理解：按单位：市财政局（中山市）');
      expect(await askAll('江门市财政局负责什么')).toEqual(JM_FINANCE);
      expect((await ask('新会区财政局有哪些任务')).tasks).toEqual(['XH:第9项', 'XH:第12项', 'XH:第13项', 'XH:第15项', 'XH:第20项']);
      const elsewhere = await ask('广州市财政局负责什么');
      expect(elsewhere.title).toBe('没有找到相关任务');
      expect(elsewhere.text).toContain('广州市财政局（广州市没有这个单位）');
      // 江门市 holds 新会区: its plans and 新会区's, and nothing of 中山 or 临沂.
      const jiangmen = await askAll('江门的任务');
      expect(jiangmen.every((task) => /^(JM|XH):/.test(task))).toBe(true);
      expect(jiangmen).toEqual(expect.arrayContaining([...JM_FINANCE, 'XH:第9项']));
      const overdue = await askAll('江门哪些任务逾期了');
      expect(overdue.length).toBeGreaterThan(0);
      expect(overdue.every((task) => /^(JM|XH):/.test(task))).toBe(true);
      expect((await ask('在临沂有哪些逾期的')).text).toContain('地区：临沂市');
    });

    it('by topic, and who leads it', async () => {
      const ppp = await ask('PPP项目谁负责');
      expect(ppp.tasks).toEqual(['JM:第13项', 'ZS:第8项', 'LY:第7项']);
      expect(ppp.text).toContain('**PPP项目**');
      // 12.2 is about 扶贫 through its parent's title (推进扶贫工作信息公开); the parent itself is not a task of its own.
      expect((await ask('扶贫相关的任务有哪些')).tasks).toEqual(['ZS:第12项第1条', 'ZS:第12项第3条', 'ZS:第12项第4条', 'LY:第15项', 'XH:第14项', 'JM:第17项', 'ZS:第12项第2条', 'LY:第3项', 'LY:第7项']);
      const budget = await ask('预决算公开由哪个部门牵头');
      // 第20项's work is in its two sub-requirements, which name the units; 经信局's 一、（四） speaks of 财政预决算 and 信息公开 apart.
      expect(budget.tasks).toEqual(['LY:第6项', 'JX:一、（四）', 'ZS:第20项第1条', 'ZS:第20项第2条']);
      expect(budget.text).toMatch(/第20项第1条\*\*[^\n]*\n[^\n]*所属任务：深入推进预决算公开[^\n]*\n牵头：市财政局/);
    });

    it('by status and time, alone and with a unit; in one plan', async () => {
      expect((await ask('市财政局逾期的任务')).tasks).toEqual(['ZS:第10项第2条', 'ZS:第20项第1条', 'ZS:第20项第2条', 'JM:第11项', 'JM:第12项', 'JM:第13项', 'JM:第16项']);
      expect((await ask('哪些任务逾期了')).title).toBe('找到 69 项任务');
      expect((await ask('在临沂的要点里市财政局负责什么')).tasks).toEqual(LY_FINANCE);
      // A period is when tasks fall due; none of the seeds' falls in March 2015.
      const none = await ask('2015年3月到期的任务');
      expect(none.title).toBe('没有找到相关任务');
      expect(none.text).toContain('时间：2015年3月到期（未完成的）');
      // 江门's 从2016年起每年实施 falls due at the end of every year; its 2016 deadlines at theirs.
      const yearEnd = await askAll('2018年底前要完成的');
      expect(yearEnd.length).toBeGreaterThan(0);
      expect(yearEnd.every((task) => task.startsWith('JM:') || task.startsWith('XH:'))).toBe(true);
      // 年年都要搞的: the tasks whose deadline the plan writes as done every year (江门's 从2016年起每年实施), and no other.
      const plans = await app.db.repos.plans.list();
      const everyYear = new Set<number>();
      for (const plan of plans) for (const task of await app.db.repos.tasks.listByPlan(plan.id)) if (task.deadlines.some((deadline) => /每年/.test(deadline.raw))) everyYear.add(task.id);
      expect(everyYear.size).toBeGreaterThan(0);
      const yearly = await ask('年年都要搞的工作有哪些');
      expect(yearly.title).toBe(`找到 ${everyYear.size} 项任务`);
      expect(yearly.text).not.toContain('第11项');
    });

    it('follow-ups: only the leads, then the detail of the second task', async () => {
      await ask('市财政局负责什么');
      const leads = await ask('只看牵头的');
      expect(leads.text).toContain('角色：牵头');
      expect(leads.tasks).toEqual([...ZS_FINANCE, ...LY_FINANCE]);
      const detail = await ask('详细说说第2个');
      expect(detail.title).toMatch(/^第10项第1条 通过市财政局网站公布降费政策文件/);
      expect(detail.text).toContain('收到省级降费政策文件后及时转发');
      expect(detail.text).toContain('还没有人报过进度');
    });

    it('by task: "第10项的第3条" exists in two plans, so it asks which; "#id" shows one', async () => {
      const choice = await ask('第10项的第3条是什么');
      expect(choice.title).toBe('请选择任务');
      expect(choice.text).toContain('《中山市贯彻落实省政府办公厅2016年政务公开工作要点分工方案》第10项第3条');
      const taskId = Number((choice.buttons[0] as { taskId: number }).taskId);
      const detail = await ask(`任务 #${taskId}`);
      expect(detail.title).toMatch(/^第10项第3条/);
      expect(detail.text).toContain('牵头：市国税局');
      // Described after its number in other words (信用临沂那条), the number picks one task.
      const described = await ask('第10项第3条 信用临沂那条');
      expect(described.title).toMatch(/^第10项第3条 加强政府网站与“信用中国”/);
    });

    it('when one task is due ("中山26项第2条啥时候到期"): the day comes first, with the deadline as the plan writes it', async () => {
      const due = await ask('中山26项第2条啥时候到期');
      expect(due.title).toMatch(/^第26项第2条/);
      expect(due.text).toContain('到期时间**：2016年11月30日（原文：2016年11月底前完成）');
      // A task due at two dates gives the first as the day and keeps both in the plan's words.
      const twice = await ask('中山方案第19项第5条截止时间是哪天');
      expect(twice.text).toContain('到期时间**：2016年8月31日（原文：2016年8月和2017年2月完成）');
      // Asked what it says, the card opens on the task as before.
      expect((await ask('中山26项第2条是什么')).text).not.toContain('到期时间');
    });

    it('a part left out (除了中山的, 去掉牵头的, 临沂之外的) is taken from the answer, and the card says so', async () => {
      const all = await askAll('财政局负责什么');
      const withoutZhongshan = await askAll('财政局的活，除了中山的还有哪些');
      expect(all.some((task) => task.startsWith('ZS:'))).toBe(true);
      expect(withoutZhongshan).toEqual(all.filter((task) => !task.startsWith('ZS:')));
      expect((await ask('财政局的活，除了中山的还有哪些')).text).toContain('不含：地区：中山市');
      // Said after the place, and with 之外.
      expect(await askAll('财政局的活里 中山之外的是哪几件')).toEqual(withoutZhongshan);
      // A part alone (牵头的) is that part of the units asked about.
      const law = await askAll('中山法制局负责什么');
      const lead = await askAll('中山法制局牵头哪些');
      expect(lead.length).toBeGreaterThan(0);
      expect(await askAll('中山法制局，除了牵头的那件，还负责哪些')).toEqual(law.filter((task) => !lead.includes(task)));
    });

    it('either of two (两微一端或者政府公报, 本月或者下月到期的, 逾期或者卡着的) is both answers together, and the card says so', async () => {
      const union = async (first: string, second: string) => [...new Set([...(await askAll(first)), ...(await askAll(second))])].sort();
      const topics = await askAll('两微一端或者政府公报相关的任务');
      expect(topics.length).toBeGreaterThan(0);
      expect([...topics].sort()).toEqual(await union('两微一端相关的任务', '政府公报相关的任务'));
      expect((await ask('两微一端或者政府公报相关的任务')).text).toContain('主题：两微一端或政府公报');
      const months = await askAll('本月或者下月到期的');
      expect([...months].sort()).toEqual(await union('本月到期的', '下月到期的'));
      expect((await ask('本月或者下月到期的')).text).toMatch(/时间：[^；]+或[^；]+（未完成的）/);
      const states = await askAll('逾期或者卡着的是哪些');
      expect([...states].sort()).toEqual(await union('逾期的任务', '卡着的任务'));
    });

    it('a plan named by whose it is (经信局那份分工) is that plan; a unit no plan is named after (中山财政局的分工) is the unit’s tasks', async () => {
      const plan = await askAll('经信局那份分工里 还没启动的');
      expect(plan.length).toBeGreaterThan(0);
      expect(plan.every((task) => task.startsWith('JX:'))).toBe(true);
      expect((await ask('经信局那份分工里 还没启动的')).text).toContain('方案：经信局');
      expect(await askAll('中山财政局的分工')).toEqual(ZS_FINANCE);
      // Nothing left once a part is taken away: the whole is offered.
      const nothing = await ask('经信局那份分工 除了还没启动的 还有别的状态的吗');
      expect(nothing.tasks).toEqual([]);
      expect(JSON.stringify(nothing.delivery.content)).toContain('经信局的方案有哪些任务');
    });

    it('a plan said by a nickname (中山那份公开要点, 江门那个进度安排) is that plan, and its items may be numbered in words (二十二项里的第三条, 十七条)', async () => {
      const lead = await askAll('中山那份公开要点里 市政府各部门、各直属机构打头的是哪几件');
      expect(lead.length).toBeGreaterThan(0);
      expect(lead.every((task) => task.startsWith('ZS:'))).toBe(true);
      expect(await askAll('中山的分工方案里 市政府各部门、各直属机构牵头的')).toEqual(lead);
      expect((await ask('中山那份公开要点 二十二项里的第三条 调出来对一下')).title).toMatch(/^第22项第3条/);
      const item = await ask('江门那个进度安排 十七条 扶贫实施方案那条 调一下');
      expect(item.title).toMatch(/^第17项/);
      expect(item.text).toContain('扶贫');
    });

    it('tasks with units in a part, whoever they are (带着协办单位的, 两家单位一起打头的), and the card says so', async () => {
      // Of the four tasks on 预决算公开, only 临沂’s 第6项 names cooperating units (有关部门、各县区政府配合).
      expect(await askAll('预决算公开那几件里 带着协办单位的是哪件')).toEqual(['LY:第6项']);
      expect((await ask('预决算公开那几件里 带着协办单位的是哪件')).text).toContain('有配合单位的');
      // 临沂’s tasks with two leads: 8.2 (市财政局、市物价局分别牵头) is one; 第6项, led by 市财政局 alone, is not.
      const joint = await askAll('临沂的要点里 哪几件是两家单位一起打头的');
      expect(joint).toContain('LY:第8项第2条');
      expect(joint).not.toContain('LY:第6项');
      expect(joint.every((task) => task.startsWith('LY:'))).toBe(true);
    });

    it('plans, greetings, thanks and what it cannot answer all get a useful card', async () => {
      const plans = await ask('有哪些分工方案');
      expect(plans.title).toBe('共有 5 个分工方案');
      for (const greeting of ['你好', '谢谢', '今天天气怎么样']) {
        const reply = await ask(greeting);
        expect(reply.buttons.map((value) => value.text)).toEqual(['市财政局负责什么', 'PPP项目谁负责', '哪些任务逾期了', '有哪些方案']);
      }
      // In a group, a question is answered only when the bot is @-mentioned.
      const inGroup = await ask('市国税局负责什么', { chatType: 'group', mention: true });
      expect(inGroup.tasks).toEqual(['ZS:第10项第3条', 'LY:第8项第1条']);
    });

    it('card buttons: the next page replaces the card; an example question is answered in the chat', async () => {
      const first = await ask('财政局负责什么');
      const next = first.buttons.find((value) => value.action === 'answer_page')!;
      const response = await postToWebhook(app.url, cardActionEvent(secrets, { value: next, chatId }), secrets.encryptKey);
      expect(response.status).toBe(200);
      const replaced = readCard((response.body.card as { data: Record<string, unknown> }).data);
      expect(replaced.tasks).toEqual(['XH:第9项', 'XH:第12项', 'XH:第13项', 'XH:第15项', 'XH:第20项', ...JM_FINANCE]);

      const sentBefore = fake.deliveries.length;
      await postToWebhook(app.url, cardActionEvent(secrets, { value: { action: 'ask', text: 'PPP项目谁负责' }, chatId }), secrets.encryptKey);
      const sent = await waitFor(() => fake.deliveries.slice(sentBefore).find((delivery) => delivery.kind === 'send' && delivery.target === chatId));
      expect(readCard(sent.content).tasks).toEqual(['JM:第13项', 'ZS:第8项', 'LY:第7项']);
    });
  });
}
