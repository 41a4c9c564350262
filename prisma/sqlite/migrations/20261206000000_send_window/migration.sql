-- CreateTable
CREATE TABLE "SendWindow" (
    "key" TEXT NOT NULL PRIMARY KEY,
    "slots" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" DATETIME NOT NULL DEFAULT CURRENT_TIMESTAMP
);

-- CreateIndex
CREATE INDEX "SendWindow_updatedAt_idx" ON "SendWindow"("updatedAt");

