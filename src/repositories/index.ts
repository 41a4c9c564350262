/**
 * The repositories bundled for one Prisma handle, so that a unit of work
 * gets every repository bound to the same transaction.
 */
import { AuditRepository } from './audit-repository.js';
import { ChatContextRepository } from './chat-context-repository.js';
import { ImportJobRepository } from './import-job-repository.js';
import type { Db } from './client.js';
import { OutboxRepository } from './outbox-repository.js';
import { PersonRepository } from './person-repository.js';
import { PlanRepository } from './plan-repository.js';
import { InboundEventRepository } from './inbound-event-repository.js';
import { ProgressRepository } from './progress-repository.js';
import { ReminderSnoozeRepository } from './reminder-snooze-repository.js';
import { RetentionRepository } from './retention-repository.js';
import { SearchRepository } from './search-repository.js';
import { SendWindowRepository } from './send-window-repository.js';
import { SentSummaryRepository } from './sent-summary-repository.js';
import { SubscriptionRepository } from './subscription-repository.js';
import { TaskRepository } from './task-repository.js';
import { UnitRepository } from './unit-repository.js';
import { INDEXED_WRITES, announceWrites } from './write-announcer.js';

/** Every repository, bound to one client or transaction. */
export interface Repositories {
  plans: PlanRepository;
  tasks: TaskRepository;
  units: UnitRepository;
  progress: ProgressRepository;
  people: PersonRepository;
  subscriptions: SubscriptionRepository;
  sentSummaries: SentSummaryRepository;
  events: InboundEventRepository;
  outbox: OutboxRepository;
  audit: AuditRepository;
  search: SearchRepository;
  chatContexts: ChatContextRepository;
  importJobs: ImportJobRepository;
  snoozes: ReminderSnoozeRepository;
  sendWindows: SendWindowRepository;
  retention: RetentionRepository;
}

/**
 * Binds every repository to a Prisma client or transaction client;
 * `indexedDataChanged` is called after each write to plans, tasks or units.
 */
export function createRepositories(db: Db, indexedDataChanged: () => void = () => undefined): Repositories {
  return {
    plans: announceWrites(new PlanRepository(db), INDEXED_WRITES.plans, indexedDataChanged),
    importJobs: new ImportJobRepository(db),
    tasks: announceWrites(new TaskRepository(db), INDEXED_WRITES.tasks, indexedDataChanged),
    units: announceWrites(new UnitRepository(db), INDEXED_WRITES.units, indexedDataChanged),
    progress: new ProgressRepository(db),
    people: new PersonRepository(db),
    subscriptions: new SubscriptionRepository(db),
    sentSummaries: new SentSummaryRepository(db),
    events: new InboundEventRepository(db),
    outbox: new OutboxRepository(db),
    audit: new AuditRepository(db),
    search: new SearchRepository(db),
    chatContexts: new ChatContextRepository(db),
    snoozes: new ReminderSnoozeRepository(db),
    sendWindows: new SendWindowRepository(db),
    retention: new RetentionRepository(db),
  };
}
