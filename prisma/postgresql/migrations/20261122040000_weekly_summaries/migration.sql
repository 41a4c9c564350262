-- AlterTable
ALTER TABLE "ChatSubscription" ADD COLUMN     "activeFrom" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- CreateTable
CREATE TABLE "ReminderSnooze" (
    "id" SERIAL NOT NULL,
    "openId" TEXT NOT NULL,
    "taskId" INTEGER NOT NULL,
    "until" TEXT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ReminderSnooze_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ReminderSnooze_openId_taskId_key" ON "ReminderSnooze"("openId", "taskId");

