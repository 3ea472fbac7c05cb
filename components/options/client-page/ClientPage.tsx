import { CLIENT_STATUSES, type Client } from '@/lib/domain/types';
import { formatDay, STATUS_LABELS } from '@/lib/domain/format';
import type { ClientListRow } from '@/lib/domain/client-list';
import type { ClientPatch } from '@/lib/messaging/protocol';
import { sendToBackground } from '@/lib/messaging/send';
import { AutoField, parseNumberInput, splitListInput } from './AutoField';
import { ComplaintsSection } from './ComplaintsSection';
import { ContactsEditor } from './ContactsEditor';
import { ContractsSection } from './ContractsSection';
import { MergeDialog } from './MergeDialog';
import { Timeline } from './Timeline';
import { useClientPage, type SaveState } from './use-client-page';

// The client card page: every field of the data model, saved as you go; contacts; the timeline;
// merge with a duplicate; delete. Reached from the list, the sidebar and the popup (#client/<id>).

const STATUS_OPTIONS = CLIENT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }));
const RATING_OPTIONS = [{ value: '', label: '—' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: `${n} of 5` }))];
const text = (v: number | null | undefined) => (v === null || v === undefined ? '' : String(v));
const day = (v: string | null) => v?.slice(0, 10) ?? '';

function SaveIndicator({ state }: { state: SaveState }) {
  if (state.kind === 'saving') return <span className="muted" data-testid="save-state">Saving…</span>;
  if (state.kind === 'saved') return <span className="saved" data-testid="save-state">All changes saved</span>;
  if (state.kind === 'error') return <span className="error" role="alert" data-testid="save-state">{state.message}</span>;
  return <span className="muted" data-testid="save-state">Changes are saved as you go</span>;
}

interface ClientPageProps {
  clientId: string;
  /** The list, to pick a duplicate to merge. */
  rows: readonly ClientListRow[];
  onBack(): void;
  onOpenClient(id: string): void;
}

export function ClientPage({ clientId, rows, onBack, onOpenClient }: ClientPageProps) {
  const { data, version, saveState, saveClient, write, reportError } = useClientPage(clientId);
  if (data === undefined) return <p className="muted">Loading…</p>;
  if (data === null) {
    return (
      <section>
        <p className="error">This client card does not exist (it may have been removed or merged).</p>
        <button type="button" className="link" onClick={onBack}>← All clients</button>
      </section>
    );
  }
  const { client, contacts, activities, contracts, complaints } = data;
  if (client.deletedAt) {
    return (
      <section>
        <p className="warning">This card was {client.mergedIntoId ? 'merged into another card' : 'removed'}.</p>
        {client.mergedIntoId && <button type="button" onClick={() => onOpenClient(client.mergedIntoId!)}>Open the card it was merged into</button>}
        <button type="button" className="link" onClick={onBack}>← All clients</button>
      </section>
    );
  }

  const save = (patch: ClientPatch, what: string) => void saveClient(patch, what);
  const saveNumber = (what: string, raw: string, toPatch: (n: number | null) => ClientPatch) => {
    const n = parseNumberInput(raw);
    if (Number.isNaN(n)) return reportError(`${what} was not saved: "${raw}" is not a number`);
    save(toPatch(n), what);
  };
  const field = (label: string, key: keyof Client & keyof ClientPatch, kind: 'text' | 'textarea' = 'text') => (
    <AutoField label={label} kind={kind} value={String(client[key] ?? '')} onSave={(v) => save({ [key]: v } as ClientPatch, label)} />
  );

  const remove = () => {
    if (!confirm(`Remove "${client.name}" and its contacts? Its activities stay in the reports.`)) return;
    void write(() => sendToBackground({ type: 'optionsToBackground.deleteClient', clientId }), 'Removing the client').then(onBack);
  };

  return (
    <article className="client-page" aria-label={`Client ${client.name}`}>
      <header className="client-page-header">
        <button type="button" className="link" onClick={onBack}>← All clients</button>
        <h2>{client.name}</h2>
        <SaveIndicator state={saveState} />
      </header>

      <section aria-label="Company" key={`company-${version}`}>
        <h3>Company</h3>
        <div className="grid">
          <AutoField label="Name" value={client.name} onSave={(v) => save({ name: v }, 'Name')} />
          {field('Legal name', 'legalName')}
          {field('Tax id', 'taxId')}
          <AutoField label="Status" kind="select" options={STATUS_OPTIONS} value={client.status} onSave={(v) => save({ status: v as Client['status'] }, 'Status')} />
          {field('Industry', 'industry')}
          {field('Source', 'source')}
          <AutoField label="Tags" value={client.tags.join(', ')} hint="Separated by commas" onSave={(v) => save({ tags: splitListInput(v) }, 'Tags')} />
          <AutoField label="E-mail domains" value={client.domains.join(', ')} hint="Mail from these domains shows this card" onSave={(v) => save({ domains: splitListInput(v) }, 'E-mail domains')} />
          <AutoField label="Company e-mails" value={client.emails.join(', ')} onSave={(v) => save({ emails: splitListInput(v) }, 'Company e-mails')} />
          <AutoField label="Company phones" kind="textarea" value={client.phones.map((p) => p.raw).join('\n')} hint="One per line" onSave={(v) => save({ phones: splitListInput(v, /[;\n]+/) }, 'Company phones')} />
        </div>
      </section>

      <section aria-label="Terms" key={`terms-${version}`}>
        <h3>Contract terms and receivables</h3>
        <div className="grid">
          {field('Price type', 'priceType')}
          <AutoField label="Payment terms" value={client.contract.paymentTerms} onSave={(v) => save({ contract: { paymentTerms: v } }, 'Payment terms')} />
          <AutoField label="Deferral (days)" kind="number" value={text(client.contract.deferralDays)} onSave={(v) => saveNumber('Deferral', v, (n) => ({ contract: { deferralDays: n === null ? null : Math.round(n) } }))} />
          <AutoField label="Discount %" kind="number" value={text(client.contract.discountPct)} onSave={(v) => saveNumber('Discount', v, (n) => ({ contract: { discountPct: n } }))} />
          <AutoField label="Credit limit" kind="number" value={text(client.contract.creditLimit)} onSave={(v) => saveNumber('Credit limit', v, (n) => ({ contract: { creditLimit: n } }))} />
          <AutoField label="Receivables" kind="number" value={text(client.receivables.amount)} onSave={(v) => saveNumber('Receivables', v, (n) => ({ receivables: { amount: n } }))} />
          <AutoField label="Of which overdue" kind="number" value={text(client.receivables.overdueAmount)} onSave={(v) => saveNumber('Overdue', v, (n) => ({ receivables: { overdueAmount: n } }))} />
          <AutoField label="Payment due" kind="date" value={day(client.receivables.dueDate)} onSave={(v) => save({ receivables: { dueDate: v || null } }, 'Payment due')} />
          <AutoField label="Reliability rating" kind="select" options={RATING_OPTIONS} value={text(client.reliabilityRating)} onSave={(v) => save({ reliabilityRating: v ? Number(v) : null }, 'Reliability rating')} />
          {field('Reliability / solvency note', 'reliabilityNote', 'textarea')}
        </div>
      </section>

      <section aria-label="Relationship" key={`relationship-${version}`}>
        <h3>Relationship</h3>
        <div className="grid">
          {field('Needs', 'needs', 'textarea')}
          {field('Notes', 'notes', 'textarea')}
          <AutoField label="Professional holiday" kind="date" value={day(client.holidayDate)} onSave={(v) => save({ holidayDate: v || null }, 'Professional holiday')} />
          <AutoField label="Next contact" kind="date" value={day(client.nextContactAt)} onSave={(v) => save({ nextContactAt: v || null }, 'Next contact')} />
          <span>Last contact</span>
          <span>{formatDay(client.lastContactAt)}</span>
        </div>
      </section>

      <ContactsEditor clientId={clientId} contacts={contacts} write={write} />
      <ContractsSection clientId={clientId} contracts={contracts} write={write} />
      <ComplaintsSection clientId={clientId} complaints={complaints} write={write} />
      <Timeline clientId={clientId} activities={activities} contacts={contacts} write={write} />

      <section aria-label="Duplicates and removal">
        <h3>Duplicates</h3>
        <MergeDialog client={client} rows={rows} write={write} />
        <p>
          <button type="button" className="danger" onClick={remove}>Remove this client…</button>
        </p>
      </section>
    </article>
  );
}
