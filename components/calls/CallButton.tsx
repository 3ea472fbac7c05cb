import { useState } from 'react';
import type { PhoneNumber } from '@/lib/domain/types';
import { sendToBackground } from '@/lib/messaging/send';

// Click-to-call (issue 6): a phone on a card is a call action. The background logs the attempt at
// once and gives the link of the calling method chosen in Options (tel:, Google Voice, 3CX, a
// custom URL); the caller then shows the outcome form for that attempt.

export interface StartedCall {
  callId: string;
  number: string;
  clientId: string;
  contactId: string | null;
}

interface CallButtonProps {
  phone: PhoneNumber;
  clientId: string;
  contactId: string | null;
  onStarted(call: StartedCall): void;
}

export function CallButton({ phone, clientId, contactId, onStarted }: CallButtonProps) {
  const [error, setError] = useState<string | null>(null);
  const call = async () => {
    setError(null);
    try {
      const { callId, url } = await sendToBackground<{ callId: string; url: string }>({ type: 'pageToBackground.startCall', number: phone.raw, clientId, contactId });
      // Still within the click's user activation: the browser lets the page open the link.
      window.open(url, '_blank', 'noopener');
      onStarted({ callId, number: phone.raw, clientId, contactId });
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <span className="call-action">
      <button type="button" className="link phone" data-phone={phone.e164} title={`Call ${phone.raw}`} onClick={() => void call()}>
        {phone.raw}
      </button>
      {error && <span className="error" role="alert"> {error}</span>}
    </span>
  );
}
