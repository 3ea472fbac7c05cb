// What the page and its import worker say to each other. Not extension messaging (nothing crosses
// to the background or arrives from a site), so not in lib/messaging/protocol.ts: a worker the
// page itself started from the extension's files is as trusted as the page.
import type { TextEncodingName } from '../decode-text';
import type { ImportFileRead } from '../read-import-file';

export interface ImportWorkerRequest {
  file: File;
  encoding?: TextEncodingName;
}

export type ImportWorkerResponse = { ok: true; read: ImportFileRead } | { ok: false; error: string };
