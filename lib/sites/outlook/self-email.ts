// The signed-in user's own address, without depending on the UI language: the folder tree's mailbox
// root carries it in `data-folder-name` or `title` (Mailvelope `getUserInfo`, outlook-2026 3).

import { emailsInText, normalizeEmail } from '@/lib/domain/address';
import { queryAllFirst } from './selectors';

export function readSelfEmail(doc: Document): string | null {
  for (const root of queryAllFirst(doc, 'selfFolderRoot')) {
    for (const value of [root.getAttribute('data-folder-name'), root.getAttribute('title')]) {
      const email = normalizeEmail(value) ?? emailsInText(value ?? '')[0];
      if (email) return email;
    }
  }
  return null;
}
