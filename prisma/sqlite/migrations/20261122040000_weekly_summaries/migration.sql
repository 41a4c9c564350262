-- CreateTable
CREATE TABLE "ReminderSnooze" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "openId" TEXT NOT NULL,
    "taskId" INTEGER NOT NULL,
    "until" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- RedefineTables
PRAGMA defer_foreign_keys=ON;
PRAGMA foreign_keys=OFF;
CREATE TABLE "new_ChatSubscription" (
    "id" INTEGER NOT NULL PRIMARY KEY AUTOINCREMENT,
    "chatId" TEXT NOT NULL,
    "weekday" INTEGER NOT NULL DEFAULT 1,
    "time" TEXT NOT NULL DEFAULT '09:00',
    "scope" TEXT NOT NULL DEFAULT '{}',
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdBy" TEXT NOT NULL,
    "createdAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" DATETIME NOT NULL,
    "activeFrom" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);
INSERT INTO "new_ChatSubscription" ("active", "chatId", "createdAt", "createdBy", "id", "scope", "time", "updatedAt", "weekday") SELECT "active", "chatId", "createdAt", "createdBy", "id", "scope", "time", "updatedAt", "weekday" FROM "ChatSubscription";
DROP TABLE "ChatSubscription";
ALTER TABLE "new_ChatSubscription" RENAME TO "ChatSubscription";
CREATE UNIQUE INDEX "ChatSubscription_chatId_key" ON "ChatSubscription"("chatId");
PRAGMA foreign_keys=ON;
PRAGMA defer_foreign_keys=OFF;

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSnooze_openId_taskId_key" ON "ReminderSnooze"("openId", "taskId");

