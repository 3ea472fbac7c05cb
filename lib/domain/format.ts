import type { Activity, ClientStatus } from './types';

// How values read in the UI. Pure, so the sidebar, popup and options agree.

export const STATUS_LABELS: Record<ClientStatus, string> = {
  prospect: 'Prospect',
  active: 'Active',
  vip: 'VIP',
  inactive: 'Inactive',
  lost: 'Lost',
};

export const ACTIVITY_LABELS: Record<Activity['type'], string> = {
  email: 'E-mail',
  email_offer: 'Offer by e-mail',
  call: 'Call',
  phone_offer: 'Offer by phone',
  meeting: 'Meeting',
  contract: 'Contract',
  complaint: 'Complaint',
  greeting: 'Greeting',
  note: 'Note',
  retraction: 'Retracted',
  merge: 'Merged',
};

export function formatMoney(value: number | null): string {
  return value === null ? '—' : value.toLocaleString(undefined, { maximumFractionDigits: 2 });
}

/** "27 Nov 2026" for an ISO timestamp or a YYYY-MM-DD day; "—" for none. */
export function formatDay(value: string | null): string {
  if (!value) return '—';
  const date = /^\d{4}-\d{2}-\d{2}$/.test(value) ? new Date(`${value}T12:00:00`) : new Date(value);
  return Number.isNaN(date.getTime()) ? value : date.toLocaleDateString(undefined, { day: 'numeric', month: 'short', year: 'numeric' });
}
