import { isRemovedClient, sameContent, scrubCutoff, scrubbedActivity, scrubbedClient, scrubbedComplaint, scrubbedContact, scrubbedContract } from './tombstone-scrub';
import type { SyncedRecord } from '@/lib/domain/types';
import type { ClientDeskDb } from './database';
import { laterThan } from './records';

// The daily scrub of tombstones past the undo period (issue 12.9; the rule: tombstone-scrub.ts).
// A scrubbed client, contact, contract or complaint gets a new updatedAt, so a later replication
// carries the scrub to the team's copy too. Activities keep theirs: they are append-only facts
// (team-sync.md 3: the server refuses an update of one), so the scrub of their text is local.

export interface ScrubCounts {
  clients: number;
  contacts: number;
  contracts: number;
  complaints: number;
  activities: number;
}

/** Scrubs what was removed before the undo period; a record already scrubbed is left alone. One transaction. */
export async function scrubExpiredTombstones(db: ClientDeskDb, now = new Date()): Promise<ScrubCounts> {
  const cutoff = scrubCutoff(now);
  const expired = (row: SyncedRecord) => row.deletedAt !== null && row.deletedAt < cutoff;
  const rescrub = <T extends SyncedRecord>(rows: T[], scrub: (row: T) => T, bump = true): T[] =>
    rows.flatMap((row) => {
      const scrubbed = scrub(row);
      return sameContent(scrubbed, row) ? [] : [bump ? { ...scrubbed, updatedAt: laterThan(row.updatedAt, now.toISOString()) } : scrubbed];
    });
  return db.transaction('rw', [db.clients, db.contacts, db.contracts, db.complaints, db.activities], async () => {
    // The deletedAt index holds only tombstones (IndexedDB leaves null out): this reads only them.
    const clients = await db.clients.where('deletedAt').below(cutoff).toArray();
    const removedIds = clients.filter(isRemovedClient).map((c) => c.id);
    // Contacts, contracts and complaints have no deletedAt index; the daily scan reads them once.
    const [contacts, contracts, complaints, activities] = await Promise.all([
      db.contacts.filter(expired).toArray(),
      db.contracts.filter(expired).toArray(),
      db.complaints.filter(expired).toArray(),
      Promise.all(removedIds.map((id) => db.activities.where('[clientId+at]').between([id, ''], [id, '\uffff']).toArray())).then((rows) => rows.flat()),
    ]);
    const writes = {
      clients: rescrub(clients, scrubbedClient),
      contacts: rescrub(contacts, scrubbedContact),
      contracts: rescrub(contracts, scrubbedContract),
      complaints: rescrub(complaints, scrubbedComplaint),
      activities: rescrub(activities, scrubbedActivity, false),
    };
    await Promise.all([
      db.clients.bulkPut(writes.clients),
      db.contacts.bulkPut(writes.contacts),
      db.contracts.bulkPut(writes.contracts),
      db.complaints.bulkPut(writes.complaints),
      db.activities.bulkPut(writes.activities),
    ]);
    return {
      clients: writes.clients.length,
      contacts: writes.contacts.length,
      contracts: writes.contracts.length,
      complaints: writes.complaints.length,
      activities: writes.activities.length,
    };
  });
}
