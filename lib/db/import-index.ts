import type { WhereClause } from 'dexie';
import type { Client, Contact } from '@/lib/domain/types';
import type { ClientDeskDb } from './database';
import type { LookupKeys, LookupKind } from './import-fields';

// The import's view of the base inside its one transaction. Records are read in bulk, never one
// query per row: either the whole base once, in pages (a file large next to the base), or before
// each chunk of rows, one index read per key the chunk looks for (a small file into a large base).
// Rows are then matched in memory, against the base AND the rows before them, and the changed
// records are written once per chunk. Only keys the file looks for are indexed here, so memory
// grows with the file, not with the base. A key once read stays complete: every later change
// goes through `saveClient`/`saveContact`, which keep the in-memory keys current.

type ClientKind = Extract<LookupKind, 'taxId' | 'clientEmail' | 'clientPhone' | 'name' | 'domain'>;
type ContactKind = Extract<LookupKind, 'contactEmail' | 'contactPhone' | 'contactName'>;
const CLIENT_KINDS: readonly ClientKind[] = ['taxId', 'clientEmail', 'clientPhone', 'name', 'domain'];
const CONTACT_KINDS: readonly ContactKind[] = ['contactEmail', 'contactPhone', 'contactName'];
const INDEX_OF: Record<LookupKind, string> = {
  taxId: 'taxId', clientEmail: 'emails', clientPhone: 'phoneE164s', name: 'name', domain: 'domains',
  contactEmail: 'emails', contactPhone: 'phoneE164s', contactName: 'name',
};
const PAGE = 5000;

export type LookupKeySets = Record<LookupKind, Set<string>>;

export function keySets(rows: readonly LookupKeys[]): LookupKeySets {
  const sets = Object.fromEntries([...CLIENT_KINDS, ...CONTACT_KINDS].map((kind) => [kind, new Set<string>()])) as LookupKeySets;
  for (const keys of rows) for (const kind of [...CLIENT_KINDS, ...CONTACT_KINDS]) for (const key of keys[kind]) sets[kind].add(key);
  return sets;
}

function clientKeys(c: Client): [ClientKind, readonly string[]][] {
  return [['taxId', c.taxId ? [c.taxId] : []], ['clientEmail', c.emails], ['clientPhone', c.phoneE164s], ['name', c.name ? [c.name.toLowerCase()] : []], ['domain', c.domains]];
}

function contactKeys(c: Contact): [ContactKind, readonly string[]][] {
  return [['contactEmail', c.emails], ['contactPhone', c.phoneE164s], ['contactName', c.name ? [c.name.toLowerCase()] : []]];
}

/** One index read per key: parallel key ranges (a name is a case-insensitive range). */
function readByKeys<T, TInsert>(where: (index: string) => WhereClause<T, string, TInsert>, kind: LookupKind, keys: readonly string[]): Promise<T[][]> {
  const ignoreCase = kind === 'name' || kind === 'contactName';
  return Promise.all(keys.map((key) => (ignoreCase ? where(INDEX_OF[kind]).equalsIgnoreCase(key) : where(INDEX_OF[kind]).equals(key)).toArray()));
}

/** Visits a whole table in pages by primary key: each page one getAll, one page in memory at a time. */
async function scanPages<T extends { id: string }>(pageAfter: (id: string) => Promise<T[]>, visit: (record: T) => unknown): Promise<void> {
  for (let last = ''; ; ) {
    const page = await pageAfter(last);
    page.forEach(visit);
    if (page.length < PAGE) return;
    last = page[page.length - 1]!.id;
  }
}

const cardAndName = (clientId: string, name: string) => `${clientId}\u0000${name}`;

/**
 * Key → ids in the order they became known. Most keys belong to one record: those keep the bare id
 * (a Set per key would add ~150 MB at 100,000 rows into a base of 100,000); a key shared by many
 * (a name thousands of contacts bear) gets a Set, so adding and removing never scan the others.
 */
class IdsByKey {
  private readonly map = new Map<string, string | Set<string>>();

  add(key: string, id: string): void {
    const ids = this.map.get(key);
    if (ids === undefined) this.map.set(key, id);
    else if (typeof ids === 'string') {
      if (ids !== id) this.map.set(key, new Set([ids, id]));
    } else ids.add(id);
  }

  delete(key: string, id: string): void {
    const ids = this.map.get(key);
    if (ids === id) this.map.delete(key);
    else if (typeof ids === 'object') ids.delete(id);
  }

  get(key: string): Iterable<string> {
    const ids = this.map.get(key);
    return ids === undefined ? [] : typeof ids === 'string' ? [ids] : ids;
  }
}

export class ImportIndex {
  private readonly clients = new Map<string, Client>();
  private readonly contacts = new Map<string, Contact>();
  /** Per kind: key → ids of the alive records that have it, in the order they became known. */
  private readonly ids = Object.fromEntries(Object.keys(INDEX_OF).map((kind) => [kind, new IdsByKey()])) as Record<LookupKind, IdsByKey>;
  /** Card id + lower-case name → ids of its contacts of that name: "same name on the same card" without
   *  visiting every namesake in the base. */
  private readonly contactsByCardAndName = new IdsByKey();
  private readonly read = new Set<string>();
  private wholeBaseRead = false;
  private readonly dirtyClients = new Set<string>();
  private readonly dirtyContacts = new Set<string>();

  constructor(
    private readonly db: ClientDeskDb,
    private readonly needed: LookupKeySets,
  ) {}

  /** Reads the whole base once, in pages, keeping the records the file may match. */
  async readWholeBase(): Promise<void> {
    const { clients, contacts } = this.db;
    await scanPages((id) => clients.where(':id').above(id).limit(PAGE).toArray(), (c) => this.adoptClient(c));
    const owners = new Set<string>();
    await scanPages((id) => contacts.where(':id').above(id).limit(PAGE).toArray(), (c) => this.adoptContact(c) && owners.add(c.clientId));
    await this.readOwners(owners);
    this.wholeBaseRead = true;
  }

  /** Before a chunk: reads the records having a key the chunk looks for that was not read yet. */
  async prefetch(rows: readonly LookupKeys[]): Promise<void> {
    if (this.wholeBaseRead) return;
    const unread = (kind: LookupKind) => [...new Set(rows.flatMap((keys) => keys[kind]))].filter((key) => !this.read.has(`${kind}\u0000${key}`));
    const clientReads = CLIENT_KINDS.map((kind) => [kind, unread(kind)] as const);
    const contactReads = CONTACT_KINDS.map((kind) => [kind, unread(kind)] as const);
    const [clients, contacts] = await Promise.all([
      Promise.all(clientReads.map(([kind, keys]) => readByKeys((index) => this.db.clients.where(index), kind, keys))),
      Promise.all(contactReads.map(([kind, keys]) => readByKeys((index) => this.db.contacts.where(index), kind, keys))),
    ]);
    for (const [kind, keys] of [...clientReads, ...contactReads]) for (const key of keys) this.read.add(`${kind}\u0000${key}`);
    for (const client of clients.flat(2)) this.adoptClient(client);
    const owners = new Set<string>();
    for (const contact of contacts.flat(2)) if (this.adoptContact(contact)) owners.add(contact.clientId);
    await this.readOwners(owners);
  }

  /** The cards of the contacts read, which a row may update. */
  private async readOwners(ids: ReadonlySet<string>): Promise<void> {
    const missing = [...ids].filter((id) => !this.clients.has(id));
    if (!missing.length) return;
    for (const owner of await this.db.clients.bulkGet(missing)) if (owner) this.adoptClient(owner, true);
  }

  /** An alive client by id, as it stands in this import. */
  client(id: string): Client | undefined {
    return this.clients.get(id);
  }

  /** The first alive client having one of the keys. */
  findClient(kind: ClientKind, keys: readonly string[]): Client | undefined {
    return this.first(kind, keys, this.clients);
  }

  findContact(kind: ContactKind, keys: readonly string[], where: (c: Contact) => boolean = () => true): Contact | undefined {
    return this.first(kind, keys, this.contacts, where);
  }

  /** The first contact on card `clientId` named one of `names` (lower case). */
  findContactOnCard(clientId: string, names: readonly string[]): Contact | undefined {
    for (const name of names) {
      for (const id of this.contactsByCardAndName.get(cardAndName(clientId, name))) {
        const contact = this.contacts.get(id);
        if (contact) return contact;
      }
    }
    return undefined;
  }

  private first<T>(kind: LookupKind, keys: readonly string[], records: Map<string, T>, where: (r: T) => boolean = () => true): T | undefined {
    for (const key of keys) {
      for (const id of this.ids[kind].get(key)) {
        const record = records.get(id);
        if (record && where(record)) return record;
      }
    }
    return undefined;
  }

  /** Records a new or changed client; written at the next flush. */
  saveClient(next: Client): void {
    const previous = this.clients.get(next.id);
    if (previous) this.unlink(clientKeys(previous), next.id);
    this.clients.set(next.id, next);
    this.link(clientKeys(next), next.id);
    this.dirtyClients.add(next.id);
  }

  saveContact(next: Contact): void {
    const previous = this.contacts.get(next.id);
    if (previous) {
      this.unlink(contactKeys(previous), next.id);
      this.contactsByCardAndName.delete(cardAndName(previous.clientId, previous.name.toLowerCase()), next.id);
    }
    this.contacts.set(next.id, next);
    this.link(contactKeys(next), next.id);
    this.linkToCard(next);
    this.dirtyContacts.add(next.id);
  }

  /** Writes the records changed since the last flush. */
  async flush(): Promise<void> {
    const clients = [...this.dirtyClients].map((id) => this.clients.get(id)!);
    const contacts = [...this.dirtyContacts].map((id) => this.contacts.get(id)!);
    this.dirtyClients.clear();
    this.dirtyContacts.clear();
    await Promise.all([clients.length ? this.db.clients.bulkPut(clients) : null, contacts.length ? this.db.contacts.bulkPut(contacts) : null]);
  }

  /**
   * Keeps a record read from the database when the file may match it (or, `always`, when a
   * matched contact needs it); the in-memory version wins when it is already known.
   */
  private adoptClient(client: Client, always = false): boolean {
    if (client.deletedAt || this.clients.has(client.id)) return false;
    if (!this.link(clientKeys(client), client.id) && !always) return false;
    this.clients.set(client.id, client);
    return true;
  }

  private adoptContact(contact: Contact): boolean {
    if (contact.deletedAt || this.contacts.has(contact.id) || !this.link(contactKeys(contact), contact.id)) return false;
    this.contacts.set(contact.id, contact);
    this.linkToCard(contact);
    return true;
  }

  private linkToCard(contact: Contact): void {
    const name = contact.name.toLowerCase();
    if (!name || !this.needed.contactName.has(name)) return;
    this.contactsByCardAndName.add(cardAndName(contact.clientId, name), contact.id);
  }

  /** Indexes the keys the file looks for; false when the record has none of them. */
  private link(keys: [LookupKind, readonly string[]][], id: string): boolean {
    let linked = false;
    for (const [kind, values] of keys) {
      for (const key of values) {
        if (!this.needed[kind].has(key)) continue;
        this.ids[kind].add(key, id);
        linked = true;
      }
    }
    return linked;
  }

  private unlink(keys: [LookupKind, readonly string[]][], id: string): void {
    for (const [kind, values] of keys) {
      for (const key of values) this.ids[kind].delete(key, id);
    }
  }
}
