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
    const fields: Record<string, string> = {};
    // A field sent twice keeps its first value (a checkbox and a hidden input of the same name).
    for (const [name, value] of new URLSearchParams(body)) if (!(name in fields)) fields[name] = value;
    done(null, fields);
  };
}
