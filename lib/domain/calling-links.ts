import type { CallingMethod, CallingSettings, PhoneNumber } from './types';

// The link a click on a phone number opens, by the user's calling method (Options). Pure: the
// sidebar, the popup and the background build the same link.

/**
 * Schemes a custom link may use besides http(s): phone and softphone apps. A link is opened by
 * the browser, so nothing like javascript: or data: may ever come from a setting. Not "3cx:"
 * (the 3CX desktop app's 3cx://call/…): a scheme must begin with a letter, so a browser reads it
 * as a relative path and never reaches the app; 3CX users choose the web client, or tel:.
 */
export const APP_SCHEMES = ['tel', 'callto', 'sip', 'sips', 'skype', 'zoomphone'] as const;

const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
const PLACEHOLDER = /\{(number|digits)\}/;
// A bare hostname: labels of letters, digits and inner hyphens (no scheme, port, path or wildcard).
const HOSTNAME = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*$/i;

/** Whether the method can dial an extension itself (otherwise the user dials it after connecting). */
export function dialsExtension(method: CallingMethod): boolean {
  return method === 'tel' || method === 'custom';
}

/** The PBX's https origin, or null when `url` is not an https address. */
export function httpsOrigin(url: string): string | null {
  try {
    const parsed = new URL(url.trim());
    return parsed.protocol === 'https:' && parsed.hostname ? parsed.origin : null;
  } catch {
    return null;
  }
}

/** Why a custom link template cannot be used, or null when it can. */
export function customUrlError(template: string): string | null {
  const url = template.trim();
  if (!PLACEHOLDER.test(url)) return 'The custom calling link must contain {number} (or {digits}) where the number goes.';
  const scheme = SCHEME.exec(url)?.[1]?.toLowerCase();
  if (scheme === 'http' || scheme === 'https') {
    try {
      if (!new URL(fillTemplate(url, '+10000000000', null)).hostname) throw new Error('no host');
    } catch {
      return `"${url}" is not a web address.`;
    }
    return null;
  }
  if (scheme && (APP_SCHEMES as readonly string[]).includes(scheme)) return null;
  return `The custom calling link must start with http://, https:// or a phone app's scheme (${APP_SCHEMES.map((s) => `${s}:`).join(', ')}).`;
}

/** Why these calling settings cannot place a call, or null when they can. */
export function callingSettingsError(calling: CallingSettings): string | null {
  if (calling.threecxUrl.trim() !== '' && !httpsOrigin(calling.threecxUrl)) {
    return `"${calling.threecxUrl}" is not an https address such as https://pbx.example.com.`;
  }
  if (calling.customUrl.trim() !== '') {
    const error = customUrlError(calling.customUrl);
    if (error) return error;
  }
  if (calling.method === '3cx' && calling.threecxUrl.trim() === '') return 'Enter the address of your 3CX web client (Options → Calling).';
  if (calling.method === 'custom' && calling.customUrl.trim() === '') return 'Enter the custom calling link (Options → Calling).';
  return null;
}

export function isBareHostname(value: string): boolean {
  return HOSTNAME.test(value);
}

function fillTemplate(template: string, e164: string, ext: string | null): string {
  return template
    .replaceAll('{number}', encodeURIComponent(e164))
    .replaceAll('{digits}', e164.replace(/^\+/, ''))
    .replaceAll('{ext}', ext ? encodeURIComponent(ext) : '');
}

/**
 * The link that places a call to `phone`. Throws an Error naming the problem when the settings
 * cannot place calls (Options validates them, so this means they were never completed).
 */
export function callUrl(phone: Pick<PhoneNumber, 'e164' | 'ext'>, calling: CallingSettings): string {
  const error = callingSettingsError(calling);
  if (error) throw new Error(error);
  const encoded = encodeURIComponent(phone.e164);
  switch (calling.method) {
    case 'tel':
      // RFC 3966: tel:+74951234567;ext=123
      return `tel:${phone.e164}${phone.ext ? `;ext=${encodeURIComponent(phone.ext)}` : ''}`;
    case 'google-voice':
      // The deep link Google Voice opens a call dialog from (softphones.md 1.1); it has no extension.
      return `https://voice.google.com/u/0/calls?a=nc,${encoded}`;
    case '3cx':
      // The web client is an Angular app, whose router reads a literal "+" in a query as a space:
      // the + goes encoded, as the one known dialling hook does (softphones.md 2).
      return `${httpsOrigin(calling.threecxUrl)}/webclient/#/call?phone=${encoded}`;
    case 'custom':
      return fillTemplate(calling.customUrl.trim(), phone.e164, phone.ext);
  }
}
