// Saves data as a file the browser downloads (no downloads permission needed from a page).

export function downloadFile(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.append(link);
  link.click();
  link.remove();
  // The download has started once click() returns; the URL may go after the current task.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "2026-11-27" in local time, for file names. */
export function todayForFileName(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}
