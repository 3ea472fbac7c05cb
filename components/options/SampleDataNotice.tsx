import { useEffect, useState } from 'react';
import { sampleClientIds } from '@/lib/db/sample-data';
import { getDb } from '@/lib/db/database';
import type { ClientListRow } from '@/lib/domain/client-list';
import { useAction } from '../use-action';

// While the sample clients of the welcome page are in the base, say so, with a one-click removal.

export function SampleDataNotice({ rows, onChanged }: { rows: readonly ClientListRow[]; onChanged(): void }) {
  const [count, setCount] = useState(0);
  const action = useAction();
  useEffect(() => {
    void sampleClientIds(getDb()).then((ids) => setCount(ids.length));
  }, [rows]);
  if (count === 0) return null;
  return (
    <p className="notice" data-testid="sample-notice">
      Your list includes {count} sample clients (named “Sample: …”).{' '}
      <button type="button" disabled={action.busy} onClick={() => void action.run<number>({ type: 'optionsToBackground.removeSampleData' }, () => { setCount(0); onChanged(); })}>
        Remove sample data
      </button>
      {action.error && <span className="error"> {action.error}</span>}
    </p>
  );
}
