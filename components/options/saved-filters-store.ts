import { browser } from 'wxt/browser';
import { parseSavedFilters, type SavedFilter } from '@/lib/domain/client-list';

// Saved list filters are a view preference, not client data: they live in extension storage, and
// whatever is stored is re-checked on read (a bad entry is dropped, the rest kept).

const KEY = 'savedClientFilters';

export async function loadSavedFilters(): Promise<SavedFilter[]> {
  const stored = await browser.storage.local.get(KEY);
  return parseSavedFilters(stored[KEY] ?? []);
}

export async function storeSavedFilters(filters: readonly SavedFilter[]): Promise<void> {
  await browser.storage.local.set({ [KEY]: filters });
}
