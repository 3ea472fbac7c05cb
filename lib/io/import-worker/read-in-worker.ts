// Reads a file to import in a worker, so the page keeps answering while a big file is parsed; the
// page can stop it (Cancel, leaving the page) and the worker is ended at once.
import type { TextEncodingName } from '../decode-text';
import { fileTooLargeMessage, IMPORT_MAX_BYTES } from '../import-limits';
import { detectImportFileKind, type ImportFileRead } from '../read-import-file';
import { fatalTable } from '../table';
import type { ImportWorkerRequest, ImportWorkerResponse } from './messages';

export interface ImportFileReading {
  /** Rejects with an AbortError when cancelled, with an Error when the worker failed. */
  result: Promise<ImportFileRead>;
  cancel(): void;
}

const WORKER_FAILED = 'The file could not be read: the reader stopped (the file may be too large for this computer\'s memory)';

export function readImportFileInWorker(file: File, encoding?: TextEncodingName): ImportFileReading {
  // Checked here, before the worker loads the whole file into memory.
  if (file.size > IMPORT_MAX_BYTES) {
    const read: ImportFileRead = { kind: detectImportFileKind(file.name, new Uint8Array(0)), table: fatalTable(fileTooLargeMessage(file.size)), encoding: null, sourceColumns: [], fileColumns: 0 };
    return { result: Promise.resolve(read), cancel: () => undefined };
  }
  const worker = new Worker(new URL('./read-import-file.worker.ts', import.meta.url), { type: 'module' });
  let settle: { resolve(read: ImportFileRead): void; reject(error: Error): void } | null = null;
  const result = new Promise<ImportFileRead>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (outcome: ImportFileRead | Error) => {
    worker.terminate();
    const pending = settle;
    settle = null;
    if (outcome instanceof Error) pending?.reject(outcome);
    else pending?.resolve(outcome);
  };
  worker.addEventListener('message', (event: MessageEvent<ImportWorkerResponse>) => {
    const response = event.data;
    finish(response.ok ? response.read : new Error(`The file could not be read: ${response.error}`));
  });
  worker.addEventListener('error', (event) => {
    event.preventDefault();
    finish(new Error(event.message ? `The file could not be read: ${event.message}` : WORKER_FAILED));
  });
  worker.addEventListener('messageerror', () => finish(new Error(WORKER_FAILED)));
  const request: ImportWorkerRequest = encoding ? { file, encoding } : { file };
  worker.postMessage(request);
  return { result, cancel: () => finish(new DOMException('The file was not read', 'AbortError') as Error) };
}
