import { useCallback, useEffect, useRef } from 'react';
import type { TextEncodingName } from '@/lib/io/decode-text';
import { readImportFileInWorker, type ImportFileReading } from '@/lib/io/import-worker/read-in-worker';
import type { ImportFileRead } from '@/lib/io/read-import-file';

/** Reads import files in a worker, one at a time: a new read, cancel() or leaving the page ends
 *  the one running (its promise rejects with an AbortError). */
export function useFileReader(): { read(file: File, encoding?: TextEncodingName): Promise<ImportFileRead>; cancel(): void } {
  const running = useRef<ImportFileReading | null>(null);
  const cancel = useCallback(() => {
    running.current?.cancel();
    running.current = null;
  }, []);
  useEffect(() => cancel, [cancel]);
  const read = useCallback(async (file: File, encoding?: TextEncodingName) => {
    running.current?.cancel();
    const reading = readImportFileInWorker(file, encoding);
    running.current = reading;
    try {
      return await reading.result;
    } finally {
      if (running.current === reading) running.current = null;
    }
  }, []);
  return { read, cancel };
}

export const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
