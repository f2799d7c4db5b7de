import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import type { ExemptionRequest } from '@qaztech/plugin-moratorium-common';
import { errorBody, request } from '../../__testUtils__/fixtures';
import {
  MORATORIUM_URL,
  renderWithMoratorium,
} from '../../__testUtils__/renderWithMoratorium';
import { RequestPage } from './RequestPage';

const SECRETARY = {
  userEntityRef: 'user:default/secretary',
  ownershipEntityRefs: ['user:default/secretary', 'group:default/commission'],
};

async function fill(field: HTMLElement, value: string) {
  await userEvent.click(field);
  await userEvent.paste(value);
}

function renderRequest(identity = SECRETARY) {
  return renderWithMoratorium(<RequestPage />, {
    mountPath: '/moratorium/requests/:id',
    path: '/moratorium/requests/r1',
    identity,
  });
}

describe('RequestPage', () => {
  const server = setupServer();
  registerMswTestHooks(server);
  jest.setTimeout(20_000);

  function serve(
    current: () => ExemptionRequest,
    transition?: (body: any) => Response | Promise<Response>,
  ) {
    const transitions: any[] = [];
    let gets = 0;
    server.use(
      http.get(`${MORATORIUM_URL}/requests/r1`, () => {
        gets += 1;
        return HttpResponse.json(current());
      }),
      http.post(
        `${MORATORIUM_URL}/requests/r1/transitions`,
        async ({ request: r }) => {
          const body = await r.json();
          transitions.push(body);
          return transition ? transition(body) : HttpResponse.json(current());
        },
      ),
    );
    return { transitions, gets: () => gets };
  }

  it('shows the dossier, opinions, votes and tally, and only the actions the caller has', async () => {
    serve(() => request({ allowedActions: ['decide'] }));
    await renderRequest();

    expect(
      await screen.findByRole('heading', { name: 'Request EX-2026-0001' }),
    ).toBeInTheDocument();
    expect(screen.getByText('On the agenda')).toBeInTheDocument();
    expect(
      screen.getByText('Учёт бюджетных платежей казначейства'),
    ).toBeInTheDocument();
    expect(screen.getByText('Treasury system (planned)')).toBeInTheDocument();
    expect(
      screen.getByText('Processing of classified data'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Бюджетная система' }),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Platform architect: The platform cannot serve'),
    ).toBeInTheDocument();
    expect(screen.getByText('Quorum reached')).toBeInTheDocument();
    expect(
      screen.getByText('Quorum: 2 of 2 needed, 3 eligible'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('link', { name: 'Sitting of 02.03.2026' }),
    ).toHaveAttribute('href', '/moratorium/sittings/s1');
    expect(screen.getByText('Justified')).toBeInTheDocument();

    const actions = screen.getByRole('region', { name: 'Actions' });
    expect(
      within(actions).getByRole('button', { name: 'Record the decision' }),
    ).toBeInTheDocument();
    expect(within(actions).getAllByRole('button')).toHaveLength(1);
    expect(
      screen.queryByRole('button', { name: 'Withdraw' }),
    ).not.toBeInTheDocument();
  });

  it('puts a draft decision to the vote, then records exactly that draft', async () => {
    let current = request({
      allowedActions: ['propose-decision', 'decide'],
      draftDecision: undefined,
      ballot: undefined,
      tally: undefined,
      votes: [],
    });
    const { transitions } = serve(
      () => current,
      body => {
        if (body.action === 'propose-decision') {
          current = request({
            allowedActions: ['propose-decision', 'decide'],
            tally: undefined,
            votes: [],
            ballot: { round: 1, votesCast: 0, eligible: 3, secret: true },
            draftDecision: {
              outcome: body.outcome,
              expiresAt: body.expiresAt,
              conditions: body.conditions,
              round: 1,
              proposedBy: 'user:default/secretary',
              proposedAt: '2026-03-02T09:00:00.000Z',
            },
          });
          return HttpResponse.json(current);
        }
        const draft = current.draftDecision!;
        current = request({
          state: 'approved-with-conditions',
          version: 9,
          allowedActions: ['propose-revocation', 'mark-condition'],
          decision: {
            requestId: 'r1',
            outcome: body.outcome,
            protocolNumber: body.protocolNumber,
            sittingDate: body.sittingDate,
            expiresAt: draft.expiresAt,
            conditions: draft.conditions.map((c: any, i: number) => ({
              id: `c${i}`,
              ...c,
              status: 'open',
            })),
            recordedBy: 'user:default/secretary',
            recordedAt: '2026-03-02T10:00:00.000Z',
          },
        });
        return HttpResponse.json(current);
      },
    );
    await renderRequest();

    // The secretary drafts the terms.
    await userEvent.click(
      await screen.findByRole('button', {
        name: 'Put a draft decision to the vote',
      }),
    );
    const draftDialog = await screen.findByRole('dialog', {
      name: 'Put a draft decision to the vote',
    });
    const draftOutcome = within(draftDialog).getByLabelText(/^Outcome/);
    expect(
      within(draftOutcome)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['', 'Approved', 'Approved with conditions', 'Rejected']);
    await userEvent.selectOptions(draftOutcome, 'approved-with-conditions');
    await fill(
      within(draftDialog).getByLabelText(/^Valid until/),
      '2027-12-31',
    );
    await fill(
      within(draftDialog).getByLabelText(/^Condition 1/),
      'Connect to the security operations centre',
    );
    await fill(
      within(draftDialog).getByLabelText(/^Due date of condition 1/),
      '2026-06-30',
    );
    await userEvent.click(
      within(draftDialog).getByRole('button', { name: 'Confirm' }),
    );
    expect(
      await screen.findByText('Draft decision (round 1)'),
    ).toBeInTheDocument();

    // The decision offers the voted draft or a deferral, nothing else.
    await userEvent.click(
      await screen.findByRole('button', { name: 'Record the decision' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Record the decision',
    });
    const outcome = within(dialog).getByLabelText(/^Outcome/);
    expect(
      within(outcome)
        .getAllByRole('option')
        .map(o => o.textContent),
    ).toEqual(['', 'Approved with conditions', 'Deferred']);
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' });
    expect(confirm).toBeDisabled();
    await userEvent.selectOptions(outcome, 'approved-with-conditions');
    expect(
      within(dialog).getByText(
        'The members voted on these terms; the decision records them as they are.',
      ),
    ).toBeInTheDocument();
    expect(within(dialog).queryByLabelText(/^Valid until/)).toBeNull();
    await fill(within(dialog).getByLabelText(/^Protocol number/), 'КЦ-2026/14');
    await userEvent.click(confirm);

    expect(
      await screen.findByText('Record the decision: done'),
    ).toBeInTheDocument();
    expect(transitions).toEqual([
      {
        action: 'propose-decision',
        outcome: 'approved-with-conditions',
        expiresAt: '2027-12-31',
        conditions: [
          {
            text: 'Connect to the security operations centre',
            dueDate: '2026-06-30',
          },
        ],
        version: 7,
      },
      {
        action: 'decide',
        outcome: 'approved-with-conditions',
        protocolNumber: 'КЦ-2026/14',
        sittingDate: '2026-03-02',
        version: 7,
      },
    ]);
    expect(
      screen.getByText('Protocol No. КЦ-2026/14 of 02.03.2026'),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Propose revoking the exemption' }),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Record the decision' }),
    ).not.toBeInTheDocument();
  });

  it('says in the history when the moratorium closed the request because its system left the catalog', async () => {
    const base = request();
    serve(() =>
      request({
        state: 'withdrawn',
        allowedActions: [],
        history: [
          ...base.history,
          {
            action: 'withdraw',
            from: 'on-agenda',
            to: 'withdrawn',
            actor: 'system:moratorium',
            at: '2026-02-20T05:00:00.000Z',
            details: {
              systemLeftCatalog: 'system:default/treasury',
              missingSince: '2026-02-19T04:50:00.000Z',
            },
          },
        ],
      }),
    );
    await renderRequest();

    const history = await screen.findByRole('list', { name: 'History' });
    expect(
      within(history).getByText(
        '20.02.2026 10:00 · Moratorium (automatically)',
      ),
    ).toBeInTheDocument();
    expect(
      within(history).getByText(
        'The system system:default/treasury is no longer in the catalog',
      ),
    ).toBeInTheDocument();
    expect(
      within(history).getByText(
        'Missing from the catalog since 19.02.2026 09:50',
      ),
    ).toBeInTheDocument();
    // The scheduled task is no catalog entity to link to.
    expect(
      within(history).queryByRole('link', { name: /moratorium/ }),
    ).not.toBeInTheDocument();
  });

  it('reloads and says so when someone else changed the request meanwhile', async () => {
    let current = request({ allowedActions: ['decide'] });
    const { gets } = serve(
      () => current,
      () => {
        current = request({
          state: 'deferred',
          version: 8,
          allowedActions: ['set-agenda'],
        });
        return HttpResponse.json(
          errorBody('ConflictError', 'request r1 changed', 409),
          { status: 409 },
        );
      },
    );
    await renderRequest();

    await userEvent.click(
      await screen.findByRole('button', { name: 'Record the decision' }),
    );
    const dialog = await screen.findByRole('dialog');
    await userEvent.selectOptions(
      within(dialog).getByLabelText(/^Outcome/),
      'deferred',
    );
    await fill(within(dialog).getByLabelText(/^Protocol number/), 'КЦ-1');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    );

    expect(
      await screen.findByText('Someone changed this request; reloaded'),
    ).toBeInTheDocument();
    expect(gets()).toBe(2);
    // The state chip shows the fresh state.
    expect(screen.queryByText('On the agenda')).not.toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Put on the agenda' }),
    ).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });

  it('keeps the dialog open with the server message when it refuses', async () => {
    serve(
      () =>
        request({ state: 'submitted', allowedActions: ['accept', 'return'] }),
      () =>
        HttpResponse.json(
          errorBody(
            'InputError',
            'reason must name the missing documents',
            400,
          ),
          { status: 400 },
        ),
    );
    await renderRequest();

    expect(
      await screen.findByRole('button', { name: 'Accept for review' }),
    ).toBeInTheDocument();
    await userEvent.click(
      screen.getByRole('button', { name: 'Return to the applicant' }),
    );
    const dialog = await screen.findByRole('dialog', {
      name: 'Return to the applicant',
    });
    await fill(within(dialog).getByLabelText(/^Reason/), 'incomplete');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    );

    expect(
      await within(dialog).findByText('reason must name the missing documents'),
    ).toBeInTheDocument();
  });

  it('marks an overdue condition met with evidence', async () => {
    const approved = (status: 'open' | 'met') =>
      request({
        state: 'approved-with-conditions',
        allowedActions: ['mark-condition', 'revoke'],
        decision: {
          requestId: 'r1',
          outcome: 'approved-with-conditions',
          protocolNumber: 'КЦ-2026/14',
          sittingDate: '2026-03-02',
          expiresAt: '2027-12-31',
          conditions: [
            {
              id: 'c1',
              text: 'Connect to the SOC',
              dueDate: '2020-01-10',
              status,
              ...(status === 'met' ? { evidence: 'Act No. 5' } : {}),
            },
          ],
          recordedBy: 'user:default/secretary',
          recordedAt: '2026-03-02T10:00:00.000Z',
        },
      });
    let current = approved('open');
    const { transitions } = serve(
      () => current,
      () => {
        current = approved('met');
        return HttpResponse.json(current);
      },
    );
    await renderRequest();

    const row = (await screen.findByText('Connect to the SOC')).closest('tr')!;
    expect(within(row).getByText('Overdue')).toBeInTheDocument();
    expect(within(row).getByText(/overdue by \d+ days/)).toBeInTheDocument();
    expect(within(row).getByText('Open')).toBeInTheDocument();

    await userEvent.click(
      within(row).getByRole('button', {
        name: 'Mark condition met: Connect to the SOC',
      }),
    );
    const dialog = await screen.findByRole('dialog');
    await fill(within(dialog).getByLabelText(/^Evidence/), 'Act No. 5');
    await userEvent.click(
      within(dialog).getByRole('button', { name: 'Confirm' }),
    );

    await waitFor(() =>
      expect(transitions).toEqual([
        {
          action: 'mark-condition',
          conditionId: 'c1',
          status: 'met',
          evidence: 'Act No. 5',
          version: 7,
        },
      ]),
    );
    const metRow = (await screen.findByText('Act No. 5')).closest('tr')!;
    expect(within(metRow).getByText('Met')).toBeInTheDocument();
    expect(within(metRow).queryByText('Overdue')).not.toBeInTheDocument();
  });
});
