-- CreateTable
CREATE TABLE "SendWindow" (
    "key" TEXT NOT NULL,
    "slots" TEXT NOT NULL DEFAULT '[]',
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SendWindow_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "SendWindow_updatedAt_idx" ON "SendWindow"("updatedAt");

