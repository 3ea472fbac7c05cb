// What a failed download means for the user (issue 12.9: a failure is shown in Options). The
// reasons are the browser's InterruptReason values (developer.chrome.com/docs/extensions/reference/api/downloads#type-InterruptReason). Pure.

const REASONS: Record<string, string> = {
  FILE_NO_SPACE: 'the disk is full',
  FILE_ACCESS_DENIED: 'the browser may not write to the Downloads folder',
  FILE_NAME_TOO_LONG: 'the path of the Downloads folder is too long',
  FILE_TOO_LARGE: 'the file is too large for the disk',
  FILE_BLOCKED: 'the browser or the system blocked the file',
  FILE_TRANSIENT_ERROR: 'the disk was busy',
  FILE_FAILED: 'the file could not be written',
  USER_CANCELED: 'the download was cancelled',
  USER_SHUTDOWN: 'the browser was closed during the download',
  CRASH: 'the browser stopped during the download',
};

export function downloadFailure(reason: string | undefined): string {
  const why = (reason && REASONS[reason]) ?? `the browser stopped the download${reason ? ` (${reason})` : ''}`;
  return `The backup file was not saved: ${why}.`;
}
