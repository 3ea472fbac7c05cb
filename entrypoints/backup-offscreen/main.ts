import { serveBackupFiles } from '@/lib/background/auto-backup/backup-offscreen';

serveBackupFiles();
