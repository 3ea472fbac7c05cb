import { describe, expect, it } from 'vitest';
import { isThreadRoute, threadIdFromHash } from './route';

describe('threadIdFromHash', () => {
  it.each([
    ['#inbox/FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC', 'FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC'],
    ['#inbox/18a41665ecb473a3', '18a41665ecb473a3'],
    ['#label/Clients/FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC', 'FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC'],
    ['#label/Clients%2FBig/18a41665ecb473a3', '18a41665ecb473a3'],
    ['#search/adam/FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC', 'FMfcgzQXJWbmvdDqNJqZjkRFxKxkTlbC'],
    ['#sent/18a41665ecb473a3?compose=new', '18a41665ecb473a3'],
    ['#category/social/18a41665ecb473a3', '18a41665ecb473a3'],
  ])('%s is a thread route', (hash, id) => {
    expect(threadIdFromHash(hash)).toBe(id);
    expect(isThreadRoute(hash)).toBe(true);
  });

  it.each([
    '',
    '#inbox',
    '#inbox?compose=new',
    '#inbox/p2',
    '#label/deadbeefdeadbeef',
    '#search/invoicesfromrosstal2026',
    '#search/adam/p3',
    '#settings/general',
    '#chat/dm/AAAAaaaaBBBBbbbbCCCCcccc',
  ])('%s is not a thread route', (hash) => {
    expect(threadIdFromHash(hash)).toBeNull();
  });
});
