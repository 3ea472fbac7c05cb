import { describe, expect, it } from 'vitest';
import { owaSendAction, parseOwaSendRequest } from './send-request';

const create = (disposition: string) =>
  JSON.stringify({
    __type: 'CreateItemJsonRequest:#Exchange',
    Header: { RequestServerVersion: 'V2018_01_08' },
    Body: {
      __type: 'CreateItemRequest:#Exchange',
      MessageDisposition: disposition,
      ComposeOperation: 'newMail',
      Items: [
        {
          __type: 'Message:#Exchange',
          Subject: 'Commercial offer for Rosstal',
          ToRecipients: [{ EmailAddress: 'Ivan.Petrov@Rosstal.ru', Name: 'Ivan Petrov' }, { EmailAddress: 'hans@nordfrost.de', Name: 'Hans Weber' }],
          CcRecipients: [{ EmailAddress: 'olga@rosstal.ru', Name: 'Olga Sidorova' }],
          BccRecipients: [{ EmailAddress: 'not an address', Name: 'Broken' }],
        },
      ],
    },
  });

describe('parseOwaSendRequest', () => {
  it('reads the exact recipients of a CreateItem send, on every Outlook host and URL variant', () => {
    for (const url of [
      'https://outlook.office.com/owa/service.svc?action=CreateItem&app=Mail',
      'https://outlook.office365.com/owa/0/service.svc?action=CreateItem&app=Mail&n=12',
      'https://outlook.live.com/owa/service.svc?action=CreateItem&ID=-1&AC=1',
      'https://outlook.cloud.microsoft/owa/service.svc?action=CreateItem&app=Mail',
    ]) {
      expect(parseOwaSendRequest(url, create('SendAndSaveCopy'))).toEqual({
        action: 'CreateItem',
        itemId: null,
        subject: 'Commercial offer for Rosstal',
        recipients: [
          { email: 'ivan.petrov@rosstal.ru', name: 'Ivan Petrov', role: 'to' },
          { email: 'hans@nordfrost.de', name: 'Hans Weber', role: 'to' },
          { email: 'olga@rosstal.ru', name: 'Olga Sidorova', role: 'cc' },
        ],
      });
    }
  });

  it('reads an UpdateItem send of an autosaved draft (UpdateMessageForComposeSend)', () => {
    const body = JSON.stringify({
      __type: 'UpdateItemJsonRequest:#Exchange',
      Body: {
        __type: 'UpdateItemRequest:#Exchange',
        MessageDisposition: 'SendAndSaveCopy',
        ComposeOperation: 'newMail',
        SendOnNotFoundError: true,
        ItemChanges: [
          {
            ItemId: { Id: 'AAMkADraft1' },
            Updates: [
              { __type: 'SetItemField:#Exchange', Item: { __type: 'Message:#Exchange', Subject: 'Offer' } },
              { __type: 'SetItemField:#Exchange', Item: { __type: 'Message:#Exchange', ToRecipients: [{ EmailAddress: 'hans@nordfrost.de', Name: 'Hans' }] } },
            ],
          },
        ],
      },
    });
    expect(parseOwaSendRequest('https://outlook.office.com/owa/service.svc?action=UpdateItem&app=Mail', body)).toEqual({
      action: 'UpdateItem',
      itemId: 'AAMkADraft1',
      subject: 'Offer',
      recipients: [{ email: 'hans@nordfrost.de', name: 'Hans', role: 'to' }],
    });
  });

  it('ignores draft saves, other actions and bodies that do not parse', () => {
    const url = 'https://outlook.office.com/owa/service.svc?action=CreateItem&app=Mail';
    expect(parseOwaSendRequest(url, create('SaveOnly'))).toBeNull();
    expect(parseOwaSendRequest('https://outlook.office.com/owa/service.svc?action=GetItem&app=Mail', create('SendAndSaveCopy'))).toBeNull();
    expect(parseOwaSendRequest(url, '{not json')).toBeNull();
    expect(parseOwaSendRequest(url, null)).toBeNull();
    expect(parseOwaSendRequest(url, JSON.stringify({ Body: { MessageDisposition: 'SendAndSaveCopy', Items: 'x' } }))).toBeNull();
  });

  it('knows which service.svc actions can send', () => {
    expect(owaSendAction('https://outlook.office.com/owa/service.svc?action=CreateItem&app=Mail')).toBe('CreateItem');
    expect(owaSendAction('https://outlook.office.com/owa/service.svc?app=Mail&action=UpdateItem')).toBe('UpdateItem');
    expect(owaSendAction('https://outlook.office.com/owa/service.svc?action=CreateItemAttachment')).toBeNull();
    expect(owaSendAction('https://outlook.office.com/mail/inbox')).toBeNull();
  });
});
