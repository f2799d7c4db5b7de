import request from 'supertest';
import { databases, dropDatabases } from '../authz/__testUtils__/demoBackend';
import { Fixtures } from '../authz/__testUtils__/fixtures';
import { OTHER_BODY, PEOPLE } from '../authz/__testUtils__/matrix';
import {
  SuiteBackend,
  startSuiteBackend,
} from '../authz/__testUtils__/suiteBackend';

// Issue 16, item 6: each person reads notifications in the language they
// picked in Settings. With the real notifications backend and real sign-in
// tokens: two members of the commission, one Russian- and one
// Kazakh-speaking, each find the same notice in their own language; and
// nobody can set another person's language.

jest.setTimeout(300_000);

/** Commission members of the demo data (examples/org/people.yaml). */
const RUSSIAN_MEMBER = PEOPLE.commissionMember.user; // saule.zhaksybekova
const KAZAKH_MEMBER = 'kairat.sadvakasov';
const ENGLISH_MEMBER = 'marat.utepov';

describe.each(databases('qaztech_insider_languages_'))(
  'notifications in the reader’s language, on %s',
  (_name, database) => {
    let backend: SuiteBackend;
    let fixtures: Fixtures;

    beforeAll(async () => {
      backend = await startSuiteBackend(database);
      fixtures = new Fixtures(backend.server);
    });

    afterAll(async () => {
      await backend?.stop();
      await dropDatabases(database);
    });

    async function as(user: string) {
      return `Bearer ${await fixtures.token(user)}`;
    }

    async function myLanguage(user: string) {
      const res = await request(backend.server)
        .get('/api/registry/me/language')
        .set('authorization', await as(user));
      expect(res.status).toBe(200);
      return res.body;
    }

    async function setMyLanguage(user: string, body: object) {
      return request(backend.server)
        .put('/api/registry/me/language')
        .set('authorization', await as(user))
        .send(body);
    }

    /** The titles of a user's notifications about moratorium requests. */
    async function titles(user: string): Promise<string[]> {
      const res = await request(backend.server)
        .get('/api/notifications/notifications?topic=moratorium')
        .set('authorization', await as(user));
      expect(res.status).toBe(200);
      return res.body.notifications.map(
        (n: { payload: { title: string } }) => n.payload.title,
      );
    }

    it('writes to each member of a group in the language they picked', async () => {
      expect(await myLanguage(KAZAKH_MEMBER)).toEqual({
        language: 'ru',
        picked: false,
      });
      for (const [user, language] of [
        [KAZAKH_MEMBER, 'kk'],
        [ENGLISH_MEMBER, 'en'],
      ]) {
        const res = await setMyLanguage(user, { language });
        expect(res.status).toBe(200);
        expect(res.body).toEqual({ language, picked: true });
      }
      expect(await myLanguage(KAZAKH_MEMBER)).toEqual({
        language: 'kk',
        picked: true,
      });

      // The secretary puts a request on the agenda: the commission's
      // members (a group) are told.
      const { id } = await fixtures.onAgenda(OTHER_BODY);
      const { body: dossier } = await request(backend.server)
        .get(`/api/moratorium/requests/${id}`)
        .set('authorization', await as(RUSSIAN_MEMBER));
      const number = dossier.number as string;
      expect(number).toMatch(/^EX-\d{4}-\d{4}$/);

      const about = (list: string[]) => list.filter(t => t.includes(number));
      expect(about(await titles(RUSSIAN_MEMBER))).toEqual([
        expect.stringMatching(new RegExp(`^Заявка ${number} в повестке `)),
      ]);
      expect(about(await titles(KAZAKH_MEMBER))).toEqual([
        expect.stringMatching(
          new RegExp(`^${number} өтініші .* күн тәртібінде$`),
        ),
      ]);
      expect(about(await titles(ENGLISH_MEMBER))).toEqual([
        expect.stringMatching(
          new RegExp(`^Request ${number} on the agenda of `),
        ),
      ]);
    });

    it('lets nobody set or read another person’s language', async () => {
      await setMyLanguage(KAZAKH_MEMBER, { language: 'kk' });

      // The API has no way to name someone else: the user is the one in
      // the token, and any other field is refused.
      const other = await setMyLanguage(RUSSIAN_MEMBER, {
        language: 'en',
        userRef: `user:default/${KAZAKH_MEMBER}`,
      });
      expect(other.status).toBe(400);
      expect(other.body.error.message).toMatch(
        /must NOT have additional properties/,
      );

      const bad = await setMyLanguage(RUSSIAN_MEMBER, { language: 'de' });
      expect(bad.status).toBe(400);
      expect(bad.body.error.message).toMatch(/language/);

      // The lookup other plugins use is closed to people.
      const lookup = await request(backend.server)
        .post('/api/registry/user-languages')
        .set('authorization', await as(RUSSIAN_MEMBER))
        .send({ userRefs: [`user:default/${KAZAKH_MEMBER}`] });
      expect(lookup.status).toBe(403);
      expect(JSON.stringify(lookup.body)).not.toContain('"kk"');

      const anonymous = await request(backend.server)
        .put('/api/registry/me/language')
        .send({ language: 'en' });
      expect(anonymous.status).toBe(401);

      expect(await myLanguage(KAZAKH_MEMBER)).toEqual({
        language: 'kk',
        picked: true,
      });
      expect(await myLanguage(RUSSIAN_MEMBER)).toEqual({
        language: 'ru',
        picked: false,
      });
    });
  },
);
