// Which import field each column of a file feeds. Known headers are mapped automatically: our own
// export, Google Contacts (old and 2023+ CSV), Outlook, HubSpot, Bitrix24 (Russian and English)
// and the Russian words managers write in their own sheets. The rest is left to the user.
import { IMPORT_FIELDS, type ImportField } from './import-row';

/** Fields that hold a list: several columns mapped to one of them are joined, not overwritten. */
export const LIST_FIELDS: ReadonlySet<ImportField> = new Set<ImportField>(['email', 'phone', 'company_email', 'company_phone', 'tags', 'domains']);

export function isListField(field: ImportField): boolean {
  return LIST_FIELDS.has(field);
}

/** Short English labels for the mapping screen. */
export const IMPORT_FIELD_LABELS: Readonly<Record<ImportField, string>> = {
  company: 'Company',
  legal_name: 'Legal name',
  tax_id: 'Tax ID',
  status: 'Status',
  domains: 'Domains / website',
  company_email: 'Company e-mail',
  company_phone: 'Company phone',
  industry: 'Industry',
  source: 'Source',
  price_type: 'Price type',
  payment_terms: 'Payment terms',
  deferral_days: 'Deferral, days',
  discount_pct: 'Discount, %',
  credit_limit: 'Credit limit',
  receivables: 'Receivables',
  overdue_amount: 'Overdue amount',
  due_date: 'Due date',
  rating: 'Rating (1–5)',
  reliability_note: 'Reliability note',
  needs: 'Needs',
  tags: 'Tags',
  notes: 'Notes',
  holiday_date: 'Professional holiday',
  next_contact: 'Next contact',
  contact: 'Contact name',
  first_name: 'First name',
  middle_name: 'Middle name',
  last_name: 'Last name',
  position: 'Position',
  email: 'E-mail',
  phone: 'Phone',
  birthday: 'Birthday',
  decision_maker: 'Decision maker',
};

export function importFieldLabel(field: ImportField): string {
  return IMPORT_FIELD_LABELS[field];
}

// Known headers besides the field names themselves. Compared after normalizeHeader, so case,
// spaces, "-", "_", "." and "ё/е" do not matter. "Name" and "Title" are left out on purpose:
// "Name" is a person in Google Contacts but a company in HubSpot's company export, and Outlook's
// "Title" is "Mr."/"Ms.", not the job title. HubSpot's "Lead Status" ("Attempted to contact"…) is no client status.
const KNOWN_HEADERS: Readonly<Record<ImportField, readonly string[]>> = {
  company: ['Company', 'Company Name', 'Organization', 'Organisation', 'Organization Name', 'Account Name', 'Client',
    'Компания', 'Название компании', 'Наименование', 'Организация', 'Клиент', 'Контрагент'],
  legal_name: ['Legal Name', 'Юридическое название', 'Юридическое наименование', 'Полное наименование', 'Юрлицо', 'Юр лицо'],
  tax_id: ['Tax ID', 'TIN', 'VAT Number', 'VAT ID', 'INN', 'ИНН'],
  status: ['Lifecycle Stage', 'Статус', 'Статус клиента'],
  domains: ['Domain', 'Company Domain Name', 'Website', 'Website URL', 'Web Page', 'Web Site', 'Corporate Website', 'URL',
    'Домен', 'Домены', 'Сайт', 'Корпоративный сайт', 'Веб-сайт'],
  company_email: ['Company Email', 'Company E-mail', 'E-mail компании', 'Email компании', 'Общий e-mail'],
  company_phone: ['Company Main Phone', 'Company Phone', 'Main Phone', 'Телефон компании', 'Основной телефон'],
  industry: ['Industry', 'Отрасль', 'Сфера деятельности'],
  source: ['Source', 'Lead Source', 'Original Source', 'Источник'],
  price_type: ['Price List', 'Тип цены', 'Вид цены', 'Прайс', 'Прайс-лист'],
  payment_terms: ['Payment Terms', 'Условия оплаты'],
  deferral_days: ['Deferral', 'Deferral Days', 'Payment Deferral', 'Отсрочка', 'Отсрочка дней', 'Отсрочка, дней', 'Отсрочка (дней)'],
  discount_pct: ['Discount', 'Discount %', 'Скидка', 'Скидка %', 'Скидка, %'],
  credit_limit: ['Credit Limit', 'Кредитный лимит', 'Лимит'],
  receivables: ['Receivables', 'Дебиторка', 'Дебиторская задолженность', 'Задолженность', 'Долг'],
  overdue_amount: ['Overdue', 'Overdue Amount', 'Просрочка', 'Просроченная задолженность'],
  due_date: ['Due Date', 'Payment Due', 'Срок оплаты', 'Дата оплаты'],
  rating: ['Reliability Rating', 'Рейтинг', 'Оценка'],
  reliability_note: ['Reliability', 'Solvency', 'Надежность', 'Платежеспособность'],
  needs: ['Потребности', 'Потребность'],
  tags: ['Labels', 'Group Membership', 'Categories', 'Теги', 'Метки', 'Категории'],
  notes: ['Note', 'Comment', 'Comments', 'Description', 'Комментарий', 'Комментарии', 'Примечание', 'Примечания', 'Заметки', 'Описание'],
  holiday_date: ['Holiday', 'Professional Holiday', 'Профессиональный праздник', 'Праздник'],
  next_contact: ['Next Contact Date', 'Next Activity Date', 'Следующий контакт', 'Дата следующего контакта'],
  contact: ['Contact Name', 'Full Name', 'Display Name', 'Контакт', 'Контактное лицо', 'ФИО'],
  first_name: ['First Name', 'Given Name', 'Имя'],
  middle_name: ['Middle Name', 'Additional Name', 'Second Name', 'Отчество'],
  last_name: ['Last Name', 'Family Name', 'Surname', 'Фамилия'],
  position: ['Job Title', 'Organization Title', 'Должность'],
  email: ['E-mail Address', 'Email Address', 'E-mail 2 Address', 'E-mail 3 Address', 'Additional Email Addresses',
    'Work Email', 'Work E-mail', 'Personal Email', 'Private E-mail', 'Home Email', 'Other Email', 'Mailing E-mail',
    'Рабочий e-mail', 'Частный e-mail', 'Личный e-mail', 'Другой e-mail', 'E-mail для рассылок', 'Почта', 'Эл почта', 'Электронная почта'],
  phone: ['Phone Number', 'Mobile Phone Number', 'Mobile Phone', 'Mobile', 'Business Phone', 'Business Phone 2', 'Home Phone',
    'Home Phone 2', 'Other Phone', 'Primary Phone', 'Car Phone', 'Work Phone', 'Personal Phone', 'Телефон', 'Рабочий телефон',
    'Мобильный телефон', 'Мобильный', 'Домашний телефон', 'Другой телефон', 'Телефон для рассылок', 'Тел'],
  birthday: ['Birthdate', 'Date of Birth', 'Birth Date', 'Дата рождения', 'День рождения'],
  decision_maker: ['Decision Maker', 'ЛПР', 'Лицо принимающее решение'],
};

// Google numbers its repeated columns: "E-mail 1 - Value", "Phone 2 - Value", "Organization 1 - Name".
const NUMBERED_HEADERS: readonly (readonly [RegExp, ImportField])[] = [
  [/^email\d+value$/, 'email'],
  [/^phone\d+value$/, 'phone'],
  [/^website\d+value$/, 'domains'],
  [/^organization\d+name$/, 'company'],
  [/^organization\d+title$/, 'position'],
];

/** "Price Type", "price-type", "PRICE_TYPE" → "pricetype"; "Отсрочка, дней" → "отсрочкадней". */
export function normalizeHeader(header: string): string {
  return header.normalize('NFKC').toLowerCase().replace(/ё/g, 'е').replace(/[^\p{L}\p{N}%]+/gu, '');
}

const HEADER_FIELDS: ReadonlyMap<string, ImportField> = buildHeaderFields();

function buildHeaderFields(): Map<string, ImportField> {
  const byHeader = new Map<string, ImportField>();
  for (const field of IMPORT_FIELDS) byHeader.set(normalizeHeader(field), field);
  for (const field of IMPORT_FIELDS) {
    for (const header of KNOWN_HEADERS[field]) {
      const key = normalizeHeader(header);
      if (!byHeader.has(key)) byHeader.set(key, field);
    }
  }
  return byHeader;
}

/** The field one header names, or null when it is unknown (the user maps it). */
export function fieldForHeader(header: string): ImportField | null {
  const key = normalizeHeader(header);
  if (key === '') return null;
  const known = HEADER_FIELDS.get(key) ?? HEADER_FIELDS.get(key.replace(/%$/, ''));
  if (known) return known;
  return NUMBERED_HEADERS.find(([pattern]) => pattern.test(key))?.[1] ?? null;
}

/** One entry per column: the field it feeds, or null. */
export function autoMapColumns(header: readonly string[]): (ImportField | null)[] {
  return header.map(fieldForHeader);
}

/** Fields that name a client or a person: without a column for one of them a file is not a client list. */
export const IDENTIFYING_FIELDS: readonly ImportField[] = ['company', 'legal_name', 'contact', 'first_name', 'last_name', 'email', 'phone'];

/** For the mapping screen and the import report: "Unknown column "Manager" ignored". */
export function unmappedColumnWarnings(header: readonly string[], mapping: readonly (ImportField | null)[]): string[] {
  const unknown = header
    .map((name, index) => ({ name: name.trim(), field: mapping[index] ?? null }))
    .filter(({ name, field }) => name !== '' && field === null)
    .map(({ name }) => `"${name}"`);
  if (unknown.length === 0) return [];
  return [unknown.length === 1 ? `Unknown column ${unknown[0]} ignored` : `Unknown columns ${unknown.join(', ')} ignored`];
}
