import { useId, useState, type FormEvent } from 'react';
import { dayKey } from '@/lib/domain/day-key';
import { formatDay, formatMoney } from '@/lib/domain/format';
import { CONTRACT_STATUSES, OBLIGATION_KINDS, SIGNED_CONTRACT_STATUSES, type Contract, type ContractStatus, type ObligationKind } from '@/lib/domain/types';
import type { ContractFieldsInput } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';
import { parseNumberInput } from './AutoField';

// The client's contracts (issue 7): number, date, amount, status, the "first contract (new client)"
// mark that counts toward the monthly quota, and the deliveries and payments each one promises.
// An obligation's done box saves at once; the rest through the contract form.

type Write = <T>(run: () => Promise<T>, what: string) => Promise<T | null>;

export const CONTRACT_STATUS_LABELS: Record<ContractStatus, string> = {
  draft: 'Draft',
  negotiation: 'Negotiation',
  signed: 'Signed',
  fulfilled: 'Fulfilled',
  cancelled: 'Cancelled',
};
const KIND_LABELS: Record<ObligationKind, string> = { delivery: 'Delivery', payment: 'Payment', other: 'Other' };
const CURRENCIES = ['RUB', 'EUR', 'USD', 'CNY', 'KZT', 'BYN'];

// Layout without a stylesheet of its own (options.css belongs to the workspace): the obligations span the form's grid.
const WIDE = { gridColumn: '1 / -1' } as const;
const ROW = { display: 'flex', gap: 6, alignItems: 'center', flexWrap: 'wrap', margin: '4px 0' } as const;

const contractName = (contract: Pick<Contract, 'number'>) => (contract.number.trim() ? `contract ${contract.number.trim()}` : 'contract without a number');

interface ObligationDraft {
  /** React's key: the stored id, or a new one for a row added here. */
  key: string;
  id?: string;
  kind: ObligationKind;
  title: string;
  dueDate: string;
  done: boolean;
}

interface ContractFormProps {
  contract: Contract | null;
  /** The first-contract box of a new contract: checked when no other contract is signed. */
  defaultFirst: boolean;
  onSubmit(fields: ContractFieldsInput): void;
  onCancel(): void;
}

function ContractForm({ contract, defaultFirst, onSubmit, onCancel }: ContractFormProps) {
  const id = useId();
  const [rows, setRows] = useState<ObligationDraft[]>(() =>
    (contract?.obligations ?? []).map((o) => ({ key: o.id, id: o.id, kind: o.kind, title: o.title, dueDate: o.dueDate ?? '', done: o.done })),
  );
  const [error, setError] = useState<string | null>(null);
  const setRow = (key: string, patch: Partial<ObligationDraft>) => setRows((all) => all.map((r) => (r.key === key ? { ...r, ...patch } : r)));
  const addRow = () => setRows((all) => [...all, { key: crypto.randomUUID(), kind: 'delivery', title: '', dueDate: '', done: false }]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const value = (name: string) => String(form.get(name) ?? '').trim();
    const amount = parseNumberInput(value('amount'));
    const currency = value('currency').toUpperCase();
    if (Number.isNaN(amount) || (amount !== null && amount < 0)) return setError(`"${value('amount')}" is not an amount: enter a number such as 120 000 or 1500.50`);
    if (!/^[A-Z]{3}$/.test(currency)) return setError('The currency is a three-letter code such as RUB, EUR or USD');
    setError(null);
    onSubmit({
      number: value('number'),
      date: value('date') || null,
      amount,
      currency,
      status: value('status') as ContractStatus,
      firstContract: form.get('firstContract') === 'on',
      notes: value('notes'),
      // A row left blank (no title, no date) is dropped rather than saved as an empty promise.
      obligations: rows.filter((r) => r.title.trim() || r.dueDate).map((r) => ({ ...(r.id ? { id: r.id } : {}), kind: r.kind, title: r.title.trim(), dueDate: r.dueDate || null, done: r.done })),
    });
  };

  return (
    <form className="contact-form grid contract-form" onSubmit={submit} aria-label="Contract">
      <label htmlFor={`${id}-number`}>Contract number</label>
      <input id={`${id}-number`} name="number" defaultValue={contract?.number ?? ''} autoFocus placeholder="12/26" />
      <label htmlFor={`${id}-date`}>Contract date</label>
      <input id={`${id}-date`} name="date" type="date" defaultValue={contract?.date ?? ''} />
      <label htmlFor={`${id}-amount`}>Amount</label>
      <input id={`${id}-amount`} name="amount" inputMode="decimal" defaultValue={contract?.amount ?? ''} placeholder="120 000" />
      <label htmlFor={`${id}-currency`}>Currency</label>
      <input id={`${id}-currency`} name="currency" list={`${id}-currencies`} maxLength={3} defaultValue={contract?.currency ?? 'RUB'} />
      <datalist id={`${id}-currencies`}>
        {CURRENCIES.map((c) => (
          <option key={c} value={c} />
        ))}
      </datalist>
      <label htmlFor={`${id}-status`}>Status</label>
      <select id={`${id}-status`} name="status" defaultValue={contract?.status ?? 'draft'}>
        {CONTRACT_STATUSES.map((s) => (
          <option key={s} value={s}>
            {CONTRACT_STATUS_LABELS[s]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-first`}>First contract with this client</label>
      <span>
        <input id={`${id}-first`} name="firstContract" type="checkbox" defaultChecked={contract?.firstContract ?? defaultFirst} aria-describedby={`${id}-first-hint`} />{' '}
        <span id={`${id}-first-hint`} className="muted small">A new client: counts toward the monthly quota of contracts when signed</span>
      </span>
      <label htmlFor={`${id}-notes`}>Contract notes</label>
      <textarea id={`${id}-notes`} name="notes" rows={2} defaultValue={contract?.notes ?? ''} />
      <fieldset className="obligations-editor" style={WIDE}>
        <legend>Obligations (deliveries, payments)</legend>
        {rows.length === 0 && <p className="muted small">None.</p>}
        {rows.map((row, i) => {
          const n = i + 1;
          return (
            <div key={row.key} className="obligation-row" data-testid="obligation-row" style={ROW}>
              <select aria-label={`Obligation ${n} kind`} value={row.kind} onChange={(e) => setRow(row.key, { kind: e.target.value as ObligationKind })}>
                {OBLIGATION_KINDS.map((k) => (
                  <option key={k} value={k}>
                    {KIND_LABELS[k]}
                  </option>
                ))}
              </select>
              <input aria-label={`Obligation ${n} title`} value={row.title} placeholder="Deliver 20 t of pipe" onChange={(e) => setRow(row.key, { title: e.target.value })} />
              <input aria-label={`Obligation ${n} due date`} type="date" value={row.dueDate} onChange={(e) => setRow(row.key, { dueDate: e.target.value })} />
              <label className="checkbox">
                <input type="checkbox" aria-label={`Obligation ${n} done`} checked={row.done} onChange={(e) => setRow(row.key, { done: e.target.checked })} /> done
              </label>
              <button type="button" className="link" aria-label={`Remove obligation ${n}`} onClick={() => setRows((all) => all.filter((r) => r.key !== row.key))}>
                Remove
              </button>
            </div>
          );
        })}
        <button type="button" className="secondary" onClick={addRow}>Add obligation</button>
      </fieldset>
      {error && (
        <p className="error" role="alert" style={WIDE}>
          {error}
        </p>
      )}
      <span />
      <span className="buttons">
        <button type="submit">Save contract</button>
        <button type="button" className="link" onClick={onCancel}>Cancel</button>
      </span>
    </form>
  );
}

interface ContractsSectionProps {
  clientId: string;
  contracts: Contract[];
  write: Write;
}

export function ContractsSection({ clientId, contracts, write }: ContractsSectionProps) {
  // The contract being edited, 'new' for a new one, or null.
  const [editing, setEditing] = useState<string | null>(null);
  // Done boxes just clicked, shown at once while the save (and the reload after it) runs.
  const [pending, setPending] = useState<Record<string, boolean>>({});
  const today = dayKey(new Date());
  const noneSigned = !contracts.some((c) => SIGNED_CONTRACT_STATUSES.includes(c.status));

  const save = (contract: Contract | null, fields: ContractFieldsInput) =>
    void write(
      () => sendToBackground<Contract>({ type: 'pageToBackground.saveContract', clientId, contractId: contract?.id ?? null, fields, expectedUpdatedAt: contract?.updatedAt }),
      contract ? `The ${contractName(contract)}` : 'The new contract',
    ).then((saved) => saved && setEditing(null));

  const setDone = (contract: Contract, obligationId: string, done: boolean) => {
    setPending((p) => ({ ...p, [obligationId]: done }));
    void write(
      () => sendToBackground<Contract>({ type: 'pageToBackground.setObligationDone', contractId: contract.id, obligationId, done }),
      `The obligation under the ${contractName(contract)}`,
    ).then(() =>
      setPending((p) => {
        const { [obligationId]: _, ...rest } = p;
        return rest;
      }),
    );
  };

  const remove = (contract: Contract) => {
    if (!confirm(`Remove the ${contractName(contract)}? Its signing stays on the timeline.`)) return;
    void write(() => sendToBackground({ type: 'pageToBackground.deleteContract', contractId: contract.id }), 'Removing the contract');
  };

  return (
    <section aria-label="Contracts">
      <h3>Contracts ({contracts.length})</h3>
      {contracts.length === 0 && editing !== 'new' && <p className="muted">No contracts yet.</p>}
      <ul className="contact-list contract-list">
        {contracts.map((contract) =>
          editing === contract.id ? (
            <li key={contract.id}>
              {/* Keyed by version: a refused stale edit reloads the contract and shows the latest one. */}
              <ContractForm key={contract.updatedAt} contract={contract} defaultFirst={contract.firstContract} onSubmit={(f) => save(contract, f)} onCancel={() => setEditing(null)} />
            </li>
          ) : (
            <li key={contract.id} data-testid="contract" data-status={contract.status}>
              <strong>Contract {contract.number || '(no number)'}</strong>
              {contract.date && <span className="muted"> of {formatDay(contract.date)}</span>}
              {contract.amount !== null && (
                <span>
                  {' · '}
                  {formatMoney(contract.amount)} {contract.currency}
                </span>
              )}{' '}
              <span className={`status contract-status-${contract.status}`}>{CONTRACT_STATUS_LABELS[contract.status]}</span>
              {contract.firstContract && <span className="status first-contract"> first contract (new client)</span>}
              {contract.signedAt && <div className="small muted">Signed {formatDay(contract.signedAt)}</div>}
              {contract.notes && <div className="small summary">{contract.notes}</div>}
              {contract.obligations.length > 0 && (
                <ul className="obligations" style={{ margin: '4px 0', paddingLeft: 18 }} aria-label={`Obligations under ${contractName(contract)}`}>
                  {contract.obligations.map((o) => {
                    const done = pending[o.id] ?? o.done;
                    const overdue = !done && o.dueDate !== null && o.dueDate < today;
                    return (
                      <li key={o.id} data-testid="obligation" data-done={done}>
                        <label className="checkbox">
                          <input type="checkbox" checked={done} onChange={(e) => setDone(contract, o.id, e.target.checked)} /> {KIND_LABELS[o.kind]}
                          {o.title && `: ${o.title}`}
                        </label>
                        <span className={overdue ? 'warning small' : 'muted small'}>
                          {o.dueDate ? ` · due ${formatDay(o.dueDate)}` : ' · no due date'}
                          {overdue && ' (overdue)'}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
              <span className="buttons">
                <button type="button" className="link" aria-label={`Edit ${contractName(contract)}`} onClick={() => setEditing(contract.id)}>Edit</button>
                <button type="button" className="link" aria-label={`Remove ${contractName(contract)}`} onClick={() => remove(contract)}>Remove</button>
              </span>
            </li>
          ),
        )}
      </ul>
      {editing === 'new' ? (
        <ContractForm contract={null} defaultFirst={noneSigned} onSubmit={(f) => save(null, f)} onCancel={() => setEditing(null)} />
      ) : (
        <button type="button" onClick={() => setEditing('new')}>Add contract</button>
      )}
    </section>
  );
}
