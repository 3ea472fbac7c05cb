import { sendToBackground } from '@/lib/messaging/send';

/**
 * The region of the softphone on this page (a 3CX PBX's region setting), asked of the background,
 * which answers for the host the browser says the message came from. null when it cannot answer:
 * the background then reads the numbers in the user's default region.
 */
export async function askSoftphoneRegion(): Promise<string | null> {
  try {
    return (await sendToBackground<{ region: string }>({ type: 'contentToBackground.softphoneRegion' })).region;
  } catch {
    return null;
  }
}
