/**
 * HTML forms (application/x-www-form-urlencoded), for the few routes a plain page posts to (the
 * portal's forms work with JavaScript off). Everywhere else such a body is a 415 as before: a form
 * on another site must not be able to post to the JSON API as if it were JSON.
 */
export class FormBodyNotAcceptedError extends Error {
  readonly code = 'FST_ERR_CTP_INVALID_MEDIA_TYPE';
  readonly statusCode = 415;
  constructor() {
    super('Form bodies are accepted on form routes only');
  }
}

export function formBodyParser(formRoutes: readonly string[]) {
  return (request: { url?: string }, body: string, done: (error: Error | null, value?: unknown) => void): void => {
    const path = (request.url ?? '').split('?', 1)[0];
    if (!formRoutes.includes(path)) return done(new FormBodyNotAcceptedError());
    // A name sent once is a string; sent more than once (checkboxes of one group), an array.
    const fields: Record<string, string | string[]> = {};
    for (const [name, value] of new URLSearchParams(body)) {
      const seen = fields[name];
      fields[name] = seen === undefined ? value : Array.isArray(seen) ? [...seen, value] : [seen, value];
    }
    done(null, fields);
  };
}
