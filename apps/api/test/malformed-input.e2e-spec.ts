import { SeededApi, seededApi } from './seeded-api';

/**
 * Bad input is the caller's problem, never the server's: malformed ids, bodies of the wrong shape
 * and nonsense query values get a 4xx naming the problem, not a 500. Sent by the IT centre, who
 * passes every guard, so each request reaches the code that reads it.
 */
describe('malformed input never produces a 500', () => {
  let seeded: SeededApi;
  let item: string;
  beforeAll(async () => {
    seeded = await seededApi();
    item = (await seeded.lc.send('POST', '/api/v1/content', { site: 'so-y-te', type: 'news', title: 'Tin thử' }, seeded.admin)).body.id;
  });
  afterAll(() => seeded?.close());

  const NOT_AN_ID = ['x', '00000000-0000-0000-0000-000000000000', '%E2%80%AE', '1e309'];
  const BODIES: unknown[] = [
    [],
    'x',
    0,
    null,
    { title: 123, fields: 'x', parent: ['a'], position: -1, expectedRevision: 'a', version: {}, action: 7 },
  ];
  const ROUTES: [string, string][] = [
    ['PUT', '/api/v1/content/{id}'],
    ['POST', '/api/v1/content/{id}/transitions'],
    ['PUT', '/api/v1/content/{id}/schedule'],
    ['POST', '/api/v1/content/{id}/revisions/{id}/restore'],
    ['GET', '/api/v1/content/{id}/diff?from={id}&to=2'],
    ['GET', '/api/v1/content/{id}/revisions/{id}'],
    ['POST', '/api/v1/notifications/{id}/read'],
    ['GET', '/api/v1/media/{id}'],
    ['GET', '/api/v1/public/media/{id}?width={id}'],
    ['POST', '/api/v1/sites/{id}/sections'],
    ['PATCH', '/api/v1/sites/so-y-te/sections/{id}'],
    ['DELETE', '/api/v1/sites/so-y-te/sections/{id}'],
    ['PUT', '/api/v1/units/{id}/profile'],
    // A real item and a real section, so the body itself is what is read.
    ['PUT', '/api/v1/content/{item}'],
    ['POST', '/api/v1/content/{item}/transitions'],
    ['PUT', '/api/v1/content/{item}/schedule'],
    ['PATCH', '/api/v1/sites/so-y-te/sections/tin-tuc-thong-bao'],
    ['GET', '/api/v1/compliance/results?period={id}&date={id}'],
    ['GET', '/api/v1/compliance/reports/{id}?date={id}&format={id}'],
    ['POST', '/api/v1/compliance/snapshots'],
    ['POST', '/api/v1/compliance/volume-statements'],
    ['GET', '/api/v1/public/search?q={id}&issuedFrom={id}&legalStatus={id}&limit={id}'],
    ['GET', '/api/v1/public/sites/{id}/items?cursor={id}&limit={id}'],
  ];

  it.each(ROUTES)('%s %s', async (method, template) => {
    const outcomes: string[] = [];
    for (const bad of NOT_AN_ID) {
      const path = template.replaceAll('{id}', bad).replaceAll('{item}', item);
      for (const body of method === 'GET' || method === 'DELETE' ? [undefined] : BODIES) {
        const res = await seeded.lc.send(method, path, body, seeded.admin);
        if (res.status >= 500) outcomes.push(`${res.status} ${method} ${path} ${JSON.stringify(body)}: ${res.text.slice(0, 200)}`);
      }
    }
    expect(outcomes).toEqual([]);
  });
});
