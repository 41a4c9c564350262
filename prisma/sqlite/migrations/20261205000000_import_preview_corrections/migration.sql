-- AlterTable
ALTER TABLE "Plan" ADD COLUMN "documentFields" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN "documentFields" TEXT;
ALTER TABLE "Task" ADD COLUMN "leaders" TEXT;

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ImportJob" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "messageId" TEXT NOT NULL,
    "fileKey" TEXT NOT NULL,
    "fileName" TEXT NOT NULL,
    "chatId" TEXT NOT NULL,
    "requestedBy" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'pending',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "leaseUntil" DATETIME,
    "lastError" TEXT,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" DATETIME,
    "stage" TEXT NOT NULL DEFAULT 'import',
    "options" TEXT
);
INSERT INTO "new_ImportJob" ("attempts", "chatId", "createdAt", "fileKey", "fileName", "finishedAt", "id", "lastError", "leaseUntil", "messageId", "requestedBy", "state") SELECT "attempts", "chatId", "createdAt", "fileKey", "fileName", "finishedAt", "id", "lastError", "leaseUntil", "messageId", "requestedBy", "state" FROM "ImportJob";
DROP TABLE "ImportJob";
ALTER TABLE "new_ImportJob" RENAME TO "ImportJob";
CREATE INDEX "ImportJob_state_idx" ON "ImportJob"("state");
CREATE UNIQUE INDEX "ImportJob_messageId_fileKey_key" ON "ImportJob"("messageId", "fileKey");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

