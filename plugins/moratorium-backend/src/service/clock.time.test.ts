import { TestDatabases } from '@backstage/backend-test-utils';
import {
  endOfCalendarDate,
  toCalendarDate,
} from '@qaztech/plugin-moratorium-common';
import {
  Exemption,
  RegistryRecord,
  evaluateMoratorium,
} from '@qaztech/plugin-registry-common';
import { Knex } from 'knex';
import { DateTime } from 'luxon';
import request from 'supertest';
import {
  USERS,
  as,
  startMoratoriumBackend,
} from '../__testUtils__/startMoratoriumBackend';

// The application's clock (Date, luxon) and the database's clock can be
// minutes apart. Every deadline, expiry and retention decision of the
// moratorium must follow one clock: the application's, which writes every
// timestamp the decisions compare with. These tests move the application's
// clock (jest fakes only Date; timers and I/O stay real) minutes away from
// the database's and check that the API and the stored state agree.

jest.setTimeout(120_000);

type Backend = Awaited<ReturnType<typeof startMoratoriumBackend>>;

const MINUTE = 60_000;
const ZONE = 'Asia/Almaty';

/** Fake only Date (and so luxon's clock), starting at `now`, ticking in real time. */
function setAppClock(now: Date) {
  jest.useFakeTimers({
    now,
    advanceTimers: true,
    doNotFake: [
      'hrtime',
      'nextTick',
      'performance',
      'queueMicrotask',
      'requestAnimationFrame',
      'cancelAnimationFrame',
      'requestIdleCallback',
      'cancelIdleCallback',
      'setImmediate',
      'clearImmediate',
      'setInterval',
      'clearInterval',
      'setTimeout',
      'clearTimeout',
    ],
  });
}

/** The database server's own clock. */
async function databaseNow(knex: Knex): Promise<Date> {
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw('select now() as now');
    return new Date(rows[0].now);
  }
  const [row] = await knex.raw(
    "select strftime('%Y-%m-%dT%H:%M:%fZ', 'now') as now",
  );
  return new Date(row.now);
}

/** Column defaults of the plugin's tables, by `table.column`. */
async function columnDefaults(knex: Knex): Promise<Record<string, string>> {
  const defaults: Record<string, string> = {};
  if (knex.client.config.client === 'pg') {
    const { rows } = await knex.raw(
      `select table_name, column_name, column_default
         from information_schema.columns
        where table_schema = current_schema()
          and table_name like 'moratorium%'
          and column_default is not null`,
    );
    for (const row of rows) {
      defaults[`${row.table_name}.${row.column_name}`] = row.column_default;
    }
    return defaults;
  }
  const tables: { name: string }[] = await knex.raw(
    "select name from sqlite_master where type = 'table' and name like 'moratorium%'",
  );
  for (const { name } of tables) {
    const columns: { name: string; dflt_value: string | null }[] =
      await knex.raw(`pragma table_info(${JSON.stringify(name)})`);
    for (const column of columns) {
      if (column.dflt_value !== null) {
        defaults[`${name}.${column.name}`] = column.dflt_value;
      }
    }
  }
  return defaults;
}

const COMPLETE = {
  system: {
    kind: 'planned',
    entityRef: 'system:default/clock-test',
    title: { ru: 'Проверка часов', kk: 'Сағатты тексеру' },
  },
  purpose: 'Учёт показаний часов',
  capabilityGaps: [
    { capability: 'Обработка секретных данных', reason: 'Не аттестована.' },
  ],
  cost: { amountKzt: 1_000_000, budgetProgramme: '001 «Цифровизация»' },
  dataCategories: ['personal'],
  hosting: { kind: 'state-operator-dc', country: 'KZ' },
  securityPlan: 'План обеспечения ИБ согласован с ГТС.',
  exitPlan: 'Переход на платформу к 2028 году.',
};

function api(backend: Backend) {
  const call = (
    method: 'get' | 'post',
    path: string,
    user: string,
    body?: object,
  ) => {
    const req = request(backend.server)
      [method](`/api/moratorium${path}`)
      .set('Authorization', as(user));
    return body ? req.send(body) : req;
  };
  const ok = async (res: Promise<request.Response>, status = 200) => {
    const r = await res;
    if (r.status !== status) {
      throw new Error(`Expected ${status}, got ${r.status}: ${r.text}`);
    }
    return r.body;
  };
  return {
    async submitted(system: string) {
      const created = await ok(
        call('post', '/requests', USERS.applicant, {
          content: {
            ...COMPLETE,
            system: { ...COMPLETE.system, entityRef: system },
          },
        }),
        201,
      );
      return ok(
        call('post', `/requests/${created.id}/transitions`, USERS.applicant, {
          action: 'submit',
        }),
      );
    },
    act(id: string, user: string, body: object) {
      return ok(call('post', `/requests/${id}/transitions`, user, body));
    },
    vote(id: string, user: string) {
      return ok(call('post', `/requests/${id}/votes`, user, { choice: 'for' }));
    },
    get(id: string) {
      return ok(call('get', `/requests/${id}`, USERS.secretary));
    },
    async exemptions(system: string): Promise<Exemption[]> {
      return (
        await ok(
          request(backend.server)
            .get('/api/moratorium/exemptions')
            .query({ system })
            .set('Authorization', as(USERS.auditor)),
        )
      ).items;
    },
  };
}

/** An off-platform system created under the moratorium, as the register holds it. */
const RECORD = {
  createdAt: '2026-02-01',
  platform: { onPlatform: false },
  lifecycle: { stage: 'creation', history: [] },
} as unknown as RegistryRecord;

const databases = TestDatabases.create({ ids: ['SQLITE_3', 'POSTGRES_15'] });

describe.each(databases.eachSupportedId())(
  'the moratorium clock on %s',
  databaseId => {
    let backend: Backend;
    let a: ReturnType<typeof api>;

    beforeAll(async () => {
      backend = await startMoratoriumBackend({
        knex: await databases.init(databaseId),
      });
      a = api(backend);
    });

    afterEach(() => {
      jest.useRealTimers();
    });

    afterAll(async () => {
      await backend?.stop();
    });

    it('takes no value from the database clock: no column defaults to it', async () => {
      const tables = await backend.knex('moratorium_deadlines').columnInfo();
      expect(Object.keys(tables)).toEqual(
        expect.arrayContaining(['due_at', 'missed_notified_at']),
      );
      const defaults = await columnDefaults(backend.knex);
      const clocked = Object.entries(defaults).filter(([, value]) =>
        /now|current_|localtime|clock|strftime|datetime/i.test(value),
      );
      expect(clocked).toEqual([]);
    });

    it('judges a deadline by the application clock when it runs 5 minutes ahead of the database', async () => {
      const dbNow = await databaseNow(backend.knex);
      const appNow = new Date(dbNow.getTime() + 5 * MINUTE);
      setAppClock(appNow);
      const submitted = await a.submitted('system:default/clock-ahead');
      // Stored times come from the application clock.
      expect(
        Math.abs(Date.parse(submitted.submittedAt) - appNow.getTime()),
      ).toBeLessThan(MINUTE);
      // Due between the two clocks: passed for the application only.
      const dueAt = new Date(dbNow.getTime() + 2.5 * MINUTE).toISOString();
      await backend
        .knex('moratorium_deadlines')
        .where({ request_id: submitted.id, subject: 'submitted' })
        .update({ due_at: dueAt });

      expect((await a.get(submitted.id)).deadlines).toEqual([
        expect.objectContaining({ subject: 'submitted', dueAt, overdue: true }),
      ]);
      await backend.runTask();
      const row = await backend
        .knex('moratorium_deadlines')
        .where({ request_id: submitted.id, subject: 'submitted' })
        .first();
      expect(row.missed_notified_at).not.toBeNull();
      expect(Date.parse(row.missed_notified_at)).toBeGreaterThan(
        Date.parse(dueAt),
      );
      expect(backend.sent.map(n => n.payload.title)).toContain(
        `Срок по заявке ${submitted.number} пропущен`,
      );
    });

    it('judges a deadline by the application clock when it runs 5 minutes behind the database', async () => {
      const dbNow = await databaseNow(backend.knex);
      setAppClock(new Date(dbNow.getTime() - 5 * MINUTE));
      const submitted = await a.submitted('system:default/clock-behind');
      // Due between the two clocks: passed for the database only.
      const dueAt = new Date(dbNow.getTime() - 2.5 * MINUTE).toISOString();
      await backend
        .knex('moratorium_deadlines')
        .where({ request_id: submitted.id, subject: 'submitted' })
        .update({ due_at: dueAt });

      expect((await a.get(submitted.id)).deadlines).toEqual([
        expect.objectContaining({
          subject: 'submitted',
          dueAt,
          overdue: false,
        }),
      ]);
      await backend.runTask();
      const row = await backend
        .knex('moratorium_deadlines')
        .where({ request_id: submitted.id, subject: 'submitted' })
        .first();
      expect(row.missed_notified_at).toBeNull();
      expect(backend.sent.map(n => n.payload.title)).not.toContain(
        `Срок по заявке ${submitted.number} пропущен`,
      );
    });

    it('expires an approval and serves its exemption the same way, minutes either side of the end of its last Almaty day', async () => {
      const system = 'system:default/clock-expiry';
      const dbNow = await databaseNow(backend.knex);
      setAppClock(new Date(dbNow.getTime() + 5 * MINUTE));
      const today = toCalendarDate(new Date());
      const lastDay = DateTime.fromISO(today, { zone: ZONE })
        .plus({ days: 1 })
        .toISODate()!;

      const { id } = await a.submitted(system);
      await a.act(id, USERS.secretary, { action: 'accept' });
      await a.act(id, USERS.architect, {
        action: 'complete-platform-review',
        finding: 'platform-cannot-serve',
        text: 'Платформа не обрабатывает секретные данные.',
      });
      await a.act(id, USERS.secretary, {
        action: 'set-agenda',
        sittingDate: today,
        ministryOpinion: { recommendation: 'approve', text: 'Поддерживаем.' },
      });
      await a.act(id, USERS.secretary, {
        action: 'propose-decision',
        outcome: 'approved',
        expiresAt: lastDay,
      });
      await a.vote(id, USERS.member1);
      await a.vote(id, USERS.member2);
      await a.act(id, USERS.secretary, {
        action: 'decide',
        outcome: 'approved',
        protocolNumber: 'П-clock',
        sittingDate: today,
        expiresAt: lastDay,
      });

      /** What the register would compute now from the API, and the stored state. */
      const observe = async () => {
        const exemptions = await a.exemptions(system);
        return {
          register: evaluateMoratorium({
            record: RECORD,
            exemptions,
            at: new Date(),
          }).status,
          served: exemptions.map(e => e.status),
          state: (await a.get(id)).state,
        };
      };

      const end = endOfCalendarDate(lastDay).getTime();
      // 23:55 on the last day in Almaty: still exempted, and the task agrees.
      jest.setSystemTime(end - 5 * MINUTE);
      await backend.runTask();
      expect(await observe()).toEqual({
        register: 'exempted',
        served: ['approved'],
        state: 'approved',
      });

      // 00:05 the next day: the register already sees it expired from the
      // date alone, and the task expires the approval the same way.
      jest.setSystemTime(end + 5 * MINUTE);
      expect((await observe()).register).toBe('violation');
      await backend.runTask();
      expect(await observe()).toEqual({
        register: 'violation',
        served: ['expired'],
        state: 'expired',
      });
    });
  },
);
