-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "demo" BOOLEAN NOT NULL DEFAULT false;
