import { renderMessage } from './messages';

describe('renderMessage', () => {
  it('speaks Russian, Kazakh and English', () => {
    const message = {
      kind: 'transition',
      number: 'EX-2026-0001',
      to: 'approved-with-conditions',
    } as const;
    expect(renderMessage(message, 'ru').title).toBe(
      'Заявка EX-2026-0001: одобрена с условиями',
    );
    expect(renderMessage(message, 'kk').title).toBe(
      'EX-2026-0001 өтініші: шарттармен мақұлданды',
    );
    expect(renderMessage(message, 'en').title).toBe(
      'Request EX-2026-0001: approved with conditions',
    );
  });

  it('names the stage or condition of a deadline', () => {
    expect(
      renderMessage(
        {
          kind: 'deadline-reminder',
          number: 'EX-2026-0002',
          subject: 'platform-review',
          dueDate: '2026-03-10',
        },
        'ru',
      ).description,
    ).toBe(
      'Срок этапа «на экспертизе платформы» по заявке EX-2026-0002 истекает 2026-03-10.',
    );
    expect(
      renderMessage(
        {
          kind: 'deadline-missed',
          number: 'EX-2026-0002',
          subject: 'condition:c1',
          dueDate: '2026-03-10',
        },
        'en',
      ).description,
    ).toBe(
      'The deadline of "a condition of the decision" for request EX-2026-0002 passed on 2026-03-10.',
    );
  });

  it('says why a request closed when its system left the catalog', () => {
    const withdrawn = {
      kind: 'system-left-catalog',
      number: 'EX-2026-0003',
      systemRef: 'system:default/e-licensing',
      to: 'withdrawn',
    } as const;
    expect(renderMessage(withdrawn, 'ru')).toEqual({
      title: 'Заявка EX-2026-0003: система выбыла из каталога',
      description:
        'Системы system:default/e-licensing больше нет в каталоге, поэтому заявка на исключение из моратория EX-2026-0003 закрыта как отозванная.',
    });
    expect(renderMessage(withdrawn, 'kk').title).toBe(
      'EX-2026-0003 өтініші: жүйе каталогтан шығарылды',
    );
    expect(renderMessage({ ...withdrawn, to: 'revoked' }, 'en')).toEqual({
      title: 'Request EX-2026-0003: the system left the catalog',
      description:
        "The system system:default/e-licensing is no longer in the catalog, so the moratorium exemption of request EX-2026-0003 was revoked. The commission's decision stays in the register of decisions.",
    });
  });
});
