import { useState, type FormEvent } from 'react';
import { STATUS_LABELS } from '@/lib/domain/format';
import { CLIENT_STATUSES, type Client, type ClientStatus } from '@/lib/domain/types';
import { useAction } from '../use-action';

const toNumber = (value: string): number | null => {
  const cleaned = value.replace(/\s/g, '').replace(',', '.');
  return cleaned === '' ? null : Number(cleaned);
};

/** The card's main fields, saved together; refuses to overwrite a version saved elsewhere meanwhile. */
export function EditClientForm({ client, onDone }: { client: Client; onDone: () => void }) {
  const [name, setName] = useState(client.name);
  const [status, setStatus] = useState<ClientStatus>(client.status);
  const [priceType, setPriceType] = useState(client.priceType);
  const [paymentTerms, setPaymentTerms] = useState(client.contract.paymentTerms);
  const [receivables, setReceivables] = useState(client.receivables.amount?.toString() ?? '');
  const [overdue, setOverdue] = useState(client.receivables.overdueAmount?.toString() ?? '');
  const [domains, setDomains] = useState(client.domains.join(', '));
  const [invalid, setInvalid] = useState<string | null>(null);
  const action = useAction();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const amount = toNumber(receivables);
    const overdueAmount = toNumber(overdue);
    setInvalid(Number.isNaN(amount) || Number.isNaN(overdueAmount) ? 'Receivables must be numbers, such as 12500 or 12 500,50.' : null);
    if (Number.isNaN(amount) || Number.isNaN(overdueAmount)) return;
    void action.run(
      {
        type: 'pageToBackground.updateClient',
        clientId: client.id,
        expectedUpdatedAt: client.updatedAt,
        patch: {
          name,
          status,
          priceType,
          contract: { paymentTerms },
          receivables: { amount, overdueAmount },
          domains: domains.split(/[,;\s]+/).filter(Boolean),
        },
      },
      onDone,
    );
  };

  return (
    <form className="edit-form" onSubmit={submit}>
      <label>
        Company <input value={name} onChange={(e) => setName(e.target.value)} required />
      </label>
      <label>
        Status
        <select value={status} onChange={(e) => setStatus(e.target.value as ClientStatus)}>
          {CLIENT_STATUSES.map((s) => (
            <option key={s} value={s}>
              {STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Price type <input value={priceType} onChange={(e) => setPriceType(e.target.value)} />
      </label>
      <label>
        Payment terms <input value={paymentTerms} onChange={(e) => setPaymentTerms(e.target.value)} />
      </label>
      <label>
        Receivables <input inputMode="decimal" value={receivables} onChange={(e) => setReceivables(e.target.value)} />
      </label>
      <label>
        Overdue <input inputMode="decimal" value={overdue} onChange={(e) => setOverdue(e.target.value)} />
      </label>
      <label>
        Domains <input value={domains} onChange={(e) => setDomains(e.target.value)} placeholder="example.com" />
      </label>
      {(invalid ?? action.error) && <p className="error" role="alert">{invalid ?? action.error}</p>}
      <div className="buttons">
        <button type="submit" disabled={action.busy}>
          Save
        </button>
        <button type="button" className="link" onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}
