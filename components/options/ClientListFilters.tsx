import type { ChangeEvent } from 'react';
import {
  isFilterEmpty,
  NOT_CONTACTED_DEFAULT_DAYS,
  type ClientFilter,
  type StatusCounts,
} from '@/lib/domain/client-list';
import { STATUS_LABELS } from '@/lib/domain/format';
import { CLIENT_STATUSES, type ClientStatus } from '@/lib/domain/types';

export interface ClientListFiltersProps {
  filter: ClientFilter;
  onChange(next: ClientFilter): void;
  onClear(): void;
  /** Clients per status among those the other conditions let through. */
  statusCounts: StatusCounts;
  tags: string[];
  priceTypes: string[];
}

// A saved filter may hold several tags or price types; the select shows them as one choice.
const SEVERAL = '__several__';

/** One select over a list-valued filter field: "any", one value, or the several a saved filter had. */
function ListSelect({ label, anyLabel, values, chosen, onChoose }: {
  label: string;
  anyLabel: string;
  values: string[];
  chosen: string[];
  onChoose(next: string[]): void;
}) {
  // A value the filter names but no client has any more stays choosable, so it can be seen and undone.
  const options = [...values, ...chosen.filter((value) => !values.includes(value))];
  const value = chosen.length === 0 ? '' : chosen.length === 1 ? chosen[0]! : SEVERAL;
  return (
    <label className="cl-field">
      {label}
      <select value={value} onChange={(event) => event.target.value !== SEVERAL && onChoose(event.target.value ? [event.target.value] : [])}>
        <option value="">{anyLabel}</option>
        {chosen.length > 1 && <option value={SEVERAL} disabled>{chosen.join(', ')}</option>}
        {options.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </label>
  );
}

/** Search box and filter controls above the client table. Controlled: every change goes up at once. */
export function ClientListFilters({ filter, onChange, onClear, statusCounts, tags, priceTypes }: ClientListFiltersProps) {
  const set = <K extends keyof ClientFilter>(key: K, value: ClientFilter[K]) => onChange({ ...filter, [key]: value });
  const toggleStatus = (status: ClientStatus) => (event: ChangeEvent<HTMLInputElement>) =>
    set('statuses', event.target.checked ? [...filter.statuses, status] : filter.statuses.filter((s) => s !== status));
  const notContactedDays = filter.notContactedDays ?? NOT_CONTACTED_DEFAULT_DAYS;

  return (
    <div className="cl-filters">
      <div className="cl-filter-row">
        <input
          type="search"
          className="cl-search"
          aria-label="Search clients"
          placeholder="Search: company, contact, e-mail, phone, tax id"
          value={filter.query}
          onChange={(event) => set('query', event.target.value)}
          autoComplete="off"
          spellCheck={false}
        />
        <ListSelect label="Tag" anyLabel="Any tag" values={tags} chosen={filter.tags} onChoose={(next) => set('tags', next)} />
        <ListSelect label="Price type" anyLabel="Any price type" values={priceTypes} chosen={filter.priceTypes} onChoose={(next) => set('priceTypes', next)} />
        <button type="button" className="link" onClick={onClear} disabled={isFilterEmpty(filter)}>
          Clear filters
        </button>
      </div>
      <div className="cl-filter-row">
        <fieldset className="cl-statuses">
          <legend>Status</legend>
          {CLIENT_STATUSES.map((status) => (
            <label key={status} className="cl-check-label">
              <input type="checkbox" checked={filter.statuses.includes(status)} onChange={toggleStatus(status)} />
              {STATUS_LABELS[status]} <span className="muted">({statusCounts[status]})</span>
            </label>
          ))}
        </fieldset>
        <fieldset className="cl-flags">
          <legend>Only</legend>
          <label className="cl-check-label">
            <input
              type="checkbox"
              checked={filter.notContactedDays !== null}
              onChange={(event) => set('notContactedDays', event.target.checked ? NOT_CONTACTED_DEFAULT_DAYS : null)}
            />
            Not contacted {notContactedDays}+ days
          </label>
          <label className="cl-check-label">
            <input type="checkbox" checked={filter.nextContactDue} onChange={(event) => set('nextContactDue', event.target.checked)} />
            Next contact due
          </label>
          <label className="cl-check-label">
            <input type="checkbox" checked={filter.receivablesOverdue} onChange={(event) => set('receivablesOverdue', event.target.checked)} />
            Receivables overdue
          </label>
          <label className="cl-check-label">
            <input type="checkbox" checked={filter.vipOnly} onChange={(event) => set('vipOnly', event.target.checked)} />
            VIP only
          </label>
        </fieldset>
      </div>
    </div>
  );
}
