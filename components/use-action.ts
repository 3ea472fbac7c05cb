import { useCallback, useState } from 'react';
import type { Message } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';

/** Sends one message at a time and keeps its error to show next to the control. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const run = useCallback(async <T,>(message: Message, onSuccess?: (data: T) => void) => {
    setBusy(true);
    setError(null);
    try {
      // Always send: `onSuccess?.(await …)` would skip the whole call (the send too) when no callback is given.
      const data = await sendToBackground<T>(message);
      onSuccess?.(data);
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, run };
}
