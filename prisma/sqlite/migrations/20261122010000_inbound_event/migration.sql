-- DropTable
PRAGMA foreign_keys=off;
DROP TABLE "ProcessedEvent";
PRAGMA foreign_keys=on;

-- CreateTable
CREATE TABLE "InboundEvent" (
    "eventId" TEXT NOT NULL PRIMARY KEY,
    "eventType" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "state" TEXT NOT NULL DEFAULT 'received',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,
    "receivedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "processedAt" DATETIME
);

-- CreateIndex
CREATE INDEX "InboundEvent_state_receivedAt_idx" ON "InboundEvent"("state", "receivedAt");

-- CreateIndex
CREATE INDEX "InboundEvent_receivedAt_idx" ON "InboundEvent"("receivedAt");

