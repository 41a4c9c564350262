-- AlterTable
ALTER TABLE "Plan" ADD COLUMN     "documentFields" TEXT;

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "documentFields" TEXT,
ADD COLUMN     "leaders" TEXT;

-- AlterTable
ALTER TABLE "ImportJob" ADD COLUMN     "options" TEXT,
ADD COLUMN     "stage" TEXT NOT NULL DEFAULT 'import';

