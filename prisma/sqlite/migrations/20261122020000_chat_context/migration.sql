-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN "fallbackText" TEXT;

-- CreateTable
CREATE TABLE "ChatContext" (
    "chatId" TEXT NOT NULL PRIMARY KEY,
    "question" TEXT NOT NULL,
    "shownIds" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL
);

