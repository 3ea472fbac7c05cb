// Which of ClientDesk's own automatic backup files to remove, keeping the newest N (issue 12.9). Pure.

/** A file ClientDesk itself downloaded (its download id was stored when it started it). */
export interface BackupFileRecord {
  downloadId: number;
  fileName: string;
  /** ISO time the backup was made. */
  at: string;
}

/** What the browser says about a download now (downloads.search). */
export interface DownloadFacts {
  state: 'in_progress' | 'interrupted' | 'complete';
  exists: boolean;
}

export interface RetentionPlan {
  /** Complete files beyond the newest `keep`: remove from disk, then from the download list. */
  remove: BackupFileRecord[];
  /** Records to forget without touching disk: the file is gone (deleted by the user) or its download failed. */
  forget: BackupFileRecord[];
  /** What stays on record. */
  kept: BackupFileRecord[];
}

/**
 * Keeps the newest `keep` complete files. A download still in progress is neither counted nor
 * removed (it may be the one just started). `facts` has no entry for a download the browser no
 * longer knows: that record is forgotten, and never removed, since we cannot tell what it is now.
 */
export function planRetention(records: readonly BackupFileRecord[], facts: ReadonlyMap<number, DownloadFacts>, keep: number): RetentionPlan {
  const plan: RetentionPlan = { remove: [], forget: [], kept: [] };
  const complete: BackupFileRecord[] = [];
  for (const record of records) {
    const fact = facts.get(record.downloadId);
    if (!fact || fact.state === 'interrupted' || (fact.state === 'complete' && !fact.exists)) plan.forget.push(record);
    else if (fact.state === 'in_progress') plan.kept.push(record);
    else complete.push(record);
  }
  complete.sort((a, b) => (a.at < b.at ? 1 : a.at > b.at ? -1 : b.downloadId - a.downloadId));
  plan.kept.push(...complete.slice(0, Math.max(keep, 1)));
  plan.remove.push(...complete.slice(Math.max(keep, 1)));
  return plan;
}
