// The import's file reader as a dedicated worker of the Options (and welcome) page: parsing a big
// or wide file takes seconds, and on the page's own thread it froze the page (issue 12.12). Wiring
// only; the reading is readImportFile. Loaded from the extension's own files, so the pages' CSP
// (script-src 'self') allows it.
import { readImportFile } from '../read-import-file';
import type { ImportWorkerRequest, ImportWorkerResponse } from './messages';

addEventListener('message', (event: MessageEvent<ImportWorkerRequest>) => {
  void answer(event.data).then((response) => postMessage(response));
});

async function answer({ file, encoding }: ImportWorkerRequest): Promise<ImportWorkerResponse> {
  try {
    const bytes = new Uint8Array(await file.arrayBuffer());
    return { ok: true, read: readImportFile(file.name, bytes, encoding ? { encoding } : {}) };
  } catch (error) {
    return { ok: false, error: error instanceof Error ? error.message : String(error) };
  }
}
