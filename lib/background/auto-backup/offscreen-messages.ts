// What the service worker asks the offscreen document (Chrome only) and what it answers. Both ends
// are ClientDesk's own; the offscreen end checks the sender (backup-offscreen.ts).

export interface MakeBackupFileRequest {
  type: 'backgroundToOffscreen.makeBackupFile';
}

export type MakeBackupFileReply = { ok: true; url: string; createdAt: string; encrypted: boolean; bytes: number } | { ok: false; error: string };

export const OFFSCREEN_PATH = 'backup-offscreen.html';
