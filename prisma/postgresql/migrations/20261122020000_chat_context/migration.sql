-- AlterTable
ALTER TABLE "OutboxMessage" ADD COLUMN     "fallbackText" TEXT;

-- CreateTable
CREATE TABLE "ChatContext" (
    "chatId" TEXT NOT NULL,
    "question" TEXT NOT NULL,
    "shownIds" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ChatContext_pkey" PRIMARY KEY ("chatId")
);

