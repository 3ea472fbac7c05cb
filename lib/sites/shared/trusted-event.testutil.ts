// The user's own input, for unit tests: the browser marks it `isTrusted`; a page script's
// dispatchEvent cannot (the property is unforgeable). happy-dom leaves it undefined, so tests set it.

export function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}
