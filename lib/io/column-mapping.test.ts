import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { IMPORT_FIELD_LABELS, autoMapColumns, fieldForHeader, isListField, unmappedColumnWarnings } from './column-mapping';
import { decodeTextFile } from './decode-text';
import { IMPORT_FIELDS, type ImportField } from './import-row';
import { readCsvTable } from './table';

const headerOf = (name: string): string[] => readCsvTable(decodeTextFile(readFileSync(new URL(`../../tests/fixtures/import/${name}`, import.meta.url)))).header;

/** header → field, for the mapped columns only. */
function mapped(header: string[]): Record<string, ImportField> {
  const mapping = autoMapColumns(header);
  return Object.fromEntries(header.flatMap((name, i) => (mapping[i] ? [[name, mapping[i]]] : [])));
}

describe('autoMapColumns', () => {
  it('maps our own field names however they are written', () => {
    for (const field of IMPORT_FIELDS) expect(fieldForHeader(field)).toBe(field);
    expect(autoMapColumns(['price_type', 'Price Type', 'price-type', 'PRICE TYPE', ' Price_Type '])).toEqual(Array(5).fill('price_type'));
    expect(autoMapColumns(['E-mail', 'EMAIL', 'Дебиторка', 'Тип цены', 'Скидка, %', 'Отсрочка (дней)'])).toEqual(
      ['email', 'email', 'receivables', 'price_type', 'discount_pct', 'deferral_days'],
    );
  });

  it('maps the 2023+ Google Contacts CSV', () => {
    expect(mapped(headerOf('google-contacts.csv'))).toEqual({
      'First Name': 'first_name', 'Middle Name': 'middle_name', 'Last Name': 'last_name', 'Organization Name': 'company',
      'Organization Title': 'position', Birthday: 'birthday', Notes: 'notes', Labels: 'tags', 'E-mail 1 - Value': 'email',
      'E-mail 2 - Value': 'email', 'Phone 1 - Value': 'phone', 'Phone 2 - Value': 'phone', 'Website 1 - Value': 'domains',
    });
  });

  it('maps the old Google Contacts CSV, leaving the ambiguous "Name" to the user', () => {
    expect(mapped(headerOf('google-contacts-old.csv'))).toEqual({
      'Given Name': 'first_name', 'Additional Name': 'middle_name', 'Family Name': 'last_name', Birthday: 'birthday', Notes: 'notes',
      'Group Membership': 'tags', 'E-mail 1 - Value': 'email', 'Phone 1 - Value': 'phone', 'Phone 2 - Value': 'phone',
      'Organization 1 - Name': 'company', 'Organization 1 - Title': 'position', 'Website 1 - Value': 'domains',
    });
  });

  it('maps the Outlook CSV; its "Title" is Mr./Ms. and stays unmapped, faxes too', () => {
    expect(mapped(headerOf('outlook.csv'))).toEqual({
      'First Name': 'first_name', 'Middle Name': 'middle_name', 'Last Name': 'last_name', Company: 'company', 'Job Title': 'position',
      'Business Phone': 'phone', 'Business Phone 2': 'phone', 'Company Main Phone': 'company_phone', 'Home Phone': 'phone',
      'Mobile Phone': 'phone', 'Other Phone': 'phone', Birthday: 'birthday', Categories: 'tags', 'E-mail Address': 'email',
      'E-mail 2 Address': 'email', 'E-mail 3 Address': 'email', Notes: 'notes', 'Web Page': 'domains',
    });
  });

  it('maps the HubSpot export; Lead Status and Record ID stay unmapped', () => {
    expect(mapped(headerOf('hubspot.csv'))).toEqual({
      'First Name': 'first_name', 'Last Name': 'last_name', Email: 'email', 'Phone Number': 'phone', 'Mobile Phone Number': 'phone',
      'Company Name': 'company', 'Job Title': 'position', 'Lifecycle Stage': 'status', 'Website URL': 'domains',
    });
  });

  it('maps the Bitrix24 contacts export (Russian)', () => {
    expect(mapped(headerOf('bitrix24-contacts-cp1251.csv'))).toEqual({
      Имя: 'first_name', Отчество: 'middle_name', Фамилия: 'last_name', 'Дата рождения': 'birthday', Должность: 'position',
      Компания: 'company', 'Рабочий телефон': 'phone', 'Мобильный телефон': 'phone', 'Рабочий e-mail': 'email',
      'Частный e-mail': 'email', Источник: 'source', Комментарий: 'notes',
    });
  });

  it('maps the Bitrix24 companies export and its English headers', () => {
    expect(autoMapColumns(['Название компании', 'Сфера деятельности', 'ИНН', 'Корпоративный сайт', 'Тип компании'])).toEqual(
      ['company', 'industry', 'tax_id', 'domains', null],
    );
    expect(autoMapColumns(['First name', 'Second name', 'Last name', 'Work phone', 'Mobile', 'Work E-mail', 'Birthdate', 'Comment'])).toEqual(
      ['first_name', 'middle_name', 'last_name', 'phone', 'phone', 'email', 'birthday', 'notes'],
    );
  });

  it('maps the words our users write, ё or е', () => {
    expect(autoMapColumns(['Компания', 'Контакт', 'Телефон', 'Статус', 'Тип цены', 'Дебиторка', 'ЛПР', 'Теги', 'Заметки', 'Контактное лицо', 'ФИО', 'Надёжность'])).toEqual(
      ['company', 'contact', 'phone', 'status', 'price_type', 'receivables', 'decision_maker', 'tags', 'notes', 'contact', 'contact', 'reliability_note'],
    );
  });

  it('leaves unknown and empty headers to the user', () => {
    expect(autoMapColumns(['Name', 'Title', 'Manager', '', '  ', 'Record ID', 'Lead Status'])).toEqual(Array(7).fill(null));
  });
});

describe('mapping helpers', () => {
  it('has a short label for every field', () => {
    for (const field of IMPORT_FIELDS) expect(IMPORT_FIELD_LABELS[field]).toMatch(/^\S.{0,24}$/);
  });

  it('knows the list fields', () => {
    expect(IMPORT_FIELDS.filter(isListField)).toEqual(['domains', 'company_email', 'company_phone', 'tags', 'email', 'phone']);
  });

  it('words the unmapped columns in one warning', () => {
    expect(unmappedColumnWarnings(['company', 'Manager', ''], ['company', null, null])).toEqual(['Unknown column "Manager" ignored']);
    expect(unmappedColumnWarnings(['A', 'B', 'email'], [null, null, 'email'])).toEqual(['Unknown columns "A", "B" ignored']);
    expect(unmappedColumnWarnings(['company'], ['company'])).toEqual([]);
  });
});
