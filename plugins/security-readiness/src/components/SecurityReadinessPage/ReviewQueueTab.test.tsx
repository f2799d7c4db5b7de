import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { waiver } from '../../__testUtils__/fixtures';
import {
  SR_URL,
  renderWithSecurityReadiness,
} from '../../__testUtils__/renderWithSecurityReadiness';
import { ReviewQueue } from '../../api';
import { ReviewQueueTab } from './ReviewQueueTab';

function queue(overrides: Partial<ReviewQueue> = {}): ReviewQueue {
  return {
    awaitingSignOff: [
      {
        systemRef: 'system:default/tax',
        title: 'Налоговая отчётность',
        stateBodyRef: 'group:default/minfin',
        score: 8.9,
        level: 'ready',
        gatesFailed: [],
        evaluatedAt: '2026-11-20T04:30:00.000Z',
        signedLevel: 'conditional',
      },
      {
        systemRef: 'system:default/e-license',
        stateBodyRef: 'group:default/mti',
        score: 7.1,
        level: 'not-ready',
        gatesFailed: ['personal-data-outside-kazakhstan'],
        evaluatedAt: '2026-11-20T04:30:00.000Z',
      },
    ],
    expiringAttestations: [
      {
        id: 'a-9',
        systemRef: 'system:default/tax',
        checkId: 'restore-and-exercise',
        result: 8,
        evidence: {},
        attestedBy: 'user:default/officer',
        attestedAt: '2025-12-10T06:00:00.000Z',
        expiresAt: '2026-12-10T06:00:00.000Z',
      },
    ],
    pendingWaivers: [waiver()],
    ...overrides,
  };
}

describe('ReviewQueueTab', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it('lists scorecards awaiting sign-off with links to their tabs, and expiring attestations', async () => {
    server.use(
      http.get(`${SR_URL}/review-queue`, () => HttpResponse.json(queue())),
    );
    await renderWithSecurityReadiness(<ReviewQueueTab />);

    const awaiting = await screen.findByRole('table', {
      name: 'Awaiting sign-off',
    });
    expect(
      within(awaiting).getByRole('link', { name: 'Налоговая отчётность' }),
    ).toHaveAttribute('href', '/catalog/default/system/tax/security-readiness');
    const license = within(awaiting)
      .getByRole('link', { name: 'e-license' })
      .closest('tr')!;
    expect(
      within(license).getByText(
        'The system holds personal data and is hosted outside Kazakhstan',
      ),
    ).toBeInTheDocument();
    expect(within(license).getByText('7.1 of 10')).toBeInTheDocument();
    const tax = within(awaiting)
      .getByRole('link', { name: 'Налоговая отчётность' })
      .closest('tr')!;
    expect(within(tax).getByText('Conditionally ready')).toBeInTheDocument();

    const expiring = screen.getByRole('table', {
      name: 'Attestations expiring',
    });
    expect(
      within(expiring).getByText(
        'Restore test and incident exercise within the last 12 months',
      ),
    ).toBeInTheDocument();
    expect(within(expiring).getByText('10.12.2026')).toBeInTheDocument();
    expect(
      within(expiring).getByText(
        'Attested by user:default/officer on 10.12.2025: 8 of 10.',
      ),
    ).toBeInTheDocument();
  }, 30_000);

  it('rejects a waiver only with a comment, and grants one', async () => {
    const user = userEvent.setup({ delay: null });
    const decisions: { id: string; body: unknown }[] = [];
    let pending = [waiver(), waiver({ id: 'w-2', checkId: 'soc-monitoring' })];
    server.use(
      http.get(`${SR_URL}/review-queue`, () =>
        HttpResponse.json(queue({ pendingWaivers: pending })),
      ),
      http.post(
        `${SR_URL}/waivers/:id/decision`,
        async ({ request, params }) => {
          const body = await request.json();
          decisions.push({ id: String(params.id), body });
          pending = pending.filter(w => w.id !== params.id);
          return HttpResponse.json(waiver({ status: 'rejected' }));
        },
      ),
    );
    await renderWithSecurityReadiness(<ReviewQueueTab />);

    const waivers = await screen.findByRole('table', {
      name: 'Waivers to decide',
    });
    expect(
      within(waivers).getAllByText('The scanner migration finishes in March.'),
    ).toHaveLength(2);
    await user.click(
      within(waivers).getByRole('button', {
        name: /^Decide: No overdue security findings .* \(tax\)$/,
      }),
    );
    let dialog = screen.getByRole('dialog', {
      name: /^Waiver of “No overdue security findings/,
    });
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' });
    await user.click(within(dialog).getByRole('radio', { name: 'Reject' }));
    expect(
      within(dialog).getByText('A rejection needs a comment'),
    ).toBeInTheDocument();
    expect(confirm).toBeDisabled();
    await user.click(within(dialog).getByLabelText(/Comment/));
    await user.paste('The scanner already runs; fix the findings.');
    await user.click(confirm);

    expect(
      await screen.findByText('The waiver is rejected.'),
    ).toBeInTheDocument();
    await user.click(
      await screen.findByRole('button', {
        name: /^Decide: Connected to a security operations centre/,
      }),
    );
    dialog = screen.getByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'Grant' }));
    await user.click(within(dialog).getByRole('button', { name: 'Confirm' }));

    expect(
      await screen.findByText('The waiver is granted.'),
    ).toBeInTheDocument();
    expect(decisions).toEqual([
      {
        id: 'w-1',
        body: {
          decision: 'rejected',
          comment: 'The scanner already runs; fix the findings.',
        },
      },
      { id: 'w-2', body: { decision: 'granted' } },
    ]);
    expect(
      await screen.findByText('No waiver waits for a decision'),
    ).toBeInTheDocument();
  }, 30_000);

  it('says when the queue is empty', async () => {
    server.use(
      http.get(`${SR_URL}/review-queue`, () =>
        HttpResponse.json({
          awaitingSignOff: [],
          expiringAttestations: [],
          pendingWaivers: [],
        }),
      ),
    );
    await renderWithSecurityReadiness(<ReviewQueueTab />);

    expect(
      await screen.findByText('No scorecard awaits sign-off'),
    ).toBeInTheDocument();
    expect(screen.getByText('No attestation expires soon')).toBeInTheDocument();
    expect(
      screen.getByText('No waiver waits for a decision'),
    ).toBeInTheDocument();
  }, 30_000);

  it('tells those who are not security officers that the queue is not for them', async () => {
    server.use(
      http.get(`${SR_URL}/review-queue`, () =>
        HttpResponse.json(
          { error: { name: 'NotAllowedError', message: 'Unauthorized' } },
          { status: 403 },
        ),
      ),
    );
    await renderWithSecurityReadiness(<ReviewQueueTab />);

    expect(
      await screen.findByText('Only security officers see the review queue.'),
    ).toBeInTheDocument();
  }, 30_000);
});
