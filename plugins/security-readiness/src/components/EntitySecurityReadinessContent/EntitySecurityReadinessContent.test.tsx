import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import {
  SYSTEM_REF,
  scorecardView,
  waiver,
} from '../../__testUtils__/fixtures';
import {
  SR_URL,
  renderWithSecurityReadiness,
} from '../../__testUtils__/renderWithSecurityReadiness';
import { ScorecardView } from '../../api';
import { endOfDay, monthsFromToday } from '../shared';
import { EntitySecurityReadinessContent } from './EntitySecurityReadinessContent';

const tax: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'tax', namespace: 'default' },
  spec: { type: 'state-information-system', owner: 'group:default/minfin' },
};

const SCORECARD = `${SR_URL}/scorecards/default/tax`;

function renderTab() {
  return renderWithSecurityReadiness(
    <EntityProvider entity={tax}>
      <EntitySecurityReadinessContent />
    </EntityProvider>,
  );
}

const errorBody = (name: string, message: string, statusCode: number) =>
  HttpResponse.json(
    { error: { name, message }, response: { statusCode } },
    { status: statusCode },
  );

describe('EntitySecurityReadinessContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  /** Serves the scorecard (counting the reads) and an empty history. */
  function serve(view: ScorecardView | (() => ScorecardView)) {
    const reads = { count: 0 };
    server.use(
      http.get(SCORECARD, () => {
        reads.count += 1;
        return HttpResponse.json(typeof view === 'function' ? view() : view);
      }),
      http.get(`${SCORECARD}/history`, () => HttpResponse.json({ items: [] })),
    );
    return reads;
  }

  it('shows the level, the failed gate, the checks by area with their reasons, evidence and waiver', async () => {
    server.use(
      http.get(SCORECARD, () => HttpResponse.json(scorecardView())),
      http.get(`${SCORECARD}/history`, () =>
        HttpResponse.json({
          items: [
            {
              evaluatedAt: '2026-11-20T04:30:00.000Z',
              score: 5.4,
              level: 'not-ready',
              gatesFailed: ['operating-without-test-act'],
              changedChecks: [
                {
                  checkId: 'test-act',
                  from: { status: 'pass', score: 10 },
                  to: { status: 'fail', score: 0 },
                },
              ],
            },
          ],
        }),
      ),
    );
    await renderTab();

    expect(await screen.findByText('Score: 5.4 of 10')).toBeInTheDocument();
    expect(screen.getAllByText('Not ready').length).toBeGreaterThan(0);
    const gates = screen.getByRole('alert');
    expect(gates).toHaveTextContent(
      'Hard gates failed: the system is not ready whatever its score',
    );
    expect(gates).toHaveTextContent(
      'The system is in operation without a security test act covering the deployed version',
    );

    // Checks are grouped under their areas.
    const assurance = screen.getByRole('region', { name: 'Assurance' });
    const testAct = within(assurance).getByRole('article', {
      name: 'Valid security test act covering the deployed version',
    });
    expect(within(testAct).getByText('Fail')).toBeInTheDocument();
    expect(within(testAct).getByText('Hard gate failed')).toBeInTheDocument();
    expect(
      within(testAct).getByText(
        'Test act No. ГТС-2025/118 covers version 3.11.0, but version 3.12.5 is deployed.',
      ),
    ).toBeInTheDocument();
    // A failing check says what to do.
    expect(
      within(testAct).getByText(
        /^Have the deployed version tested by the State Technical Service/,
      ),
    ).toBeInTheDocument();
    expect(within(testAct).getByText('Weight: 22.5')).toBeInTheDocument();

    const findings = within(assurance).getByRole('article', {
      name: /^No overdue security findings/,
    });
    expect(
      within(findings).getByText(
        '2 of 7 open findings are overdue: critical 0, high 1, medium 1, low 0.',
      ),
    ).toBeInTheDocument();
    expect(
      within(findings).getByText('“findings” from scanner:trivy, 19.11.2026'),
    ).toBeInTheDocument();

    const hosting = within(
      screen.getByRole('region', { name: 'Hosting and data' }),
    ).getByRole('article', { name: /^Hosted on the platform/ });
    expect(
      within(hosting).getByText(
        'Attested by user:default/officer on 10.02.2026: pass.',
      ),
    ).toBeInTheDocument();
    expect(
      within(hosting).getByRole('link', { name: /^Evidence document/ }),
    ).toHaveAttribute('href', 'https://docs.example.kz/dc-approval.pdf');
    expect(
      within(hosting).getByText(`SHA-256 ${'a'.repeat(64)}`),
    ).toBeInTheDocument();
    expect(
      within(hosting).getByText('Valid until 10.02.2027'),
    ).toBeInTheDocument();
    expect(
      within(hosting).getByText('Approved by order No. 41.'),
    ).toBeInTheDocument();
    // A passing check does not lecture.
    expect(within(hosting).queryByText('What to do')).not.toBeInTheDocument();

    const waived = screen.getByRole('article', {
      name: 'Branch protection and mandatory code review',
    });
    expect(within(waived).getByText('Waived')).toBeInTheDocument();
    expect(
      within(waived).getByText('Waived until 31.01.2027'),
    ).toBeInTheDocument();

    expect(
      within(screen.getByRole('region', { name: 'Privacy' })).getByText(
        'Does not apply',
      ),
    ).toBeInTheDocument();

    // History and sign-off.
    const history = await screen.findByRole('table', { name: 'History' });
    expect(
      within(history).getByText(
        'Valid security test act covering the deployed version: Pass (10) → Fail (0)',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('Nobody has signed off this scorecard yet'),
    ).toBeInTheDocument();

    // Without allowed actions there are no buttons to act with.
    expect(
      screen.queryByRole('button', { name: /^Attest/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Request a waiver/ }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Sign off' }),
    ).not.toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Evaluate now' }),
    ).not.toBeInTheDocument();
  }, 30_000);

  it('lets an officer attest a check with a score, evidence and expiry', async () => {
    const user = userEvent.setup({ delay: null });
    const reads = serve(scorecardView({ allowedActions: ['attest'] }));
    let body: unknown;
    server.use(
      http.post(`${SR_URL}/attestations`, async ({ request }) => {
        body = await request.json();
        return HttpResponse.json({ id: 'a-2' }, { status: 201 });
      }),
    );
    await renderTab();

    await user.click(
      await screen.findByRole('button', {
        name: 'Attest: Security officer named, security documents approved',
      }),
    );
    const dialog = screen.getByRole('dialog', {
      name: 'Attest: Security officer named, security documents approved',
    });
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' });
    await user.click(
      within(dialog).getByRole('radio', { name: 'A score from 0 to 10' }),
    );
    await user.type(within(dialog).getByLabelText(/Score \(0–10\)/), '11');
    expect(
      within(dialog).getByText('Enter a number from 0 to 10'),
    ).toBeInTheDocument();
    await user.clear(within(dialog).getByLabelText(/Score \(0–10\)/));
    await user.type(within(dialog).getByLabelText(/Score \(0–10\)/), '7.5');
    await user.click(within(dialog).getByLabelText('Link to the evidence'));
    await user.paste('https://docs.example.kz/order-41.pdf');
    await user.type(
      within(dialog).getByLabelText('SHA-256 of the evidence document'),
      'abc',
    );
    expect(
      within(dialog).getByText('SHA-256 is 64 hexadecimal characters'),
    ).toBeInTheDocument();
    expect(confirm).toBeDisabled();
    await user.clear(
      within(dialog).getByLabelText('SHA-256 of the evidence document'),
    );
    await user.click(
      within(dialog).getByLabelText('SHA-256 of the evidence document'),
    );
    await user.paste('B'.repeat(64));
    await user.click(within(dialog).getByLabelText('Notes'));
    await user.paste('Order No. 41 of 2026-10-01');
    fireEvent.change(
      within(dialog).getByLabelText('Date the activity was performed'),
      {
        target: { value: '2026-10-01' },
      },
    );
    const until = monthsFromToday(6);
    fireEvent.change(within(dialog).getByLabelText('Valid until'), {
      target: { value: until },
    });
    await user.click(confirm);

    expect(
      await screen.findByText(
        'The attestation is recorded and the system re-evaluated.',
      ),
    ).toBeInTheDocument();
    expect(body).toEqual({
      systemRef: SYSTEM_REF,
      checkId: 'security-governance',
      result: 7.5,
      evidence: {
        url: 'https://docs.example.kz/order-41.pdf',
        sha256: 'b'.repeat(64),
        notes: 'Order No. 41 of 2026-10-01',
        performedOn: '2026-10-01',
      },
      expiresAt: endOfDay(until),
    });
    await waitFor(() => expect(reads.count).toBe(2));
    // Only checks an officer can attest offer the button.
    expect(
      screen.queryByRole('button', {
        name: 'Attest: Valid security test act covering the deployed version',
      }),
    ).not.toBeInTheDocument();
  }, 30_000);

  it('lets the owner request a waiver of a failing check, and shows it as requested', async () => {
    const user = userEvent.setup({ delay: null });
    let requested = false;
    serve(() =>
      scorecardView({
        allowedActions: ['request-waiver'],
        waivers: requested ? [waiver()] : [],
      }),
    );
    let body: unknown;
    server.use(
      http.post(`${SR_URL}/waivers`, async ({ request }) => {
        body = await request.json();
        requested = true;
        return HttpResponse.json(waiver(), { status: 201 });
      }),
    );
    await renderTab();

    await user.click(
      await screen.findByRole('button', {
        name: /^Request a waiver: No overdue security findings/,
      }),
    );
    const dialog = screen.getByRole('dialog');
    const confirm = within(dialog).getByRole('button', { name: 'Confirm' });
    await user.click(within(dialog).getByLabelText(/Justification/));
    await user.paste('The scanner migration finishes in March.');
    expect(confirm).toBeDisabled();
    fireEvent.change(within(dialog).getByLabelText(/Waiver until/), {
      target: { value: monthsFromToday(13) },
    });
    expect(confirm).toBeDisabled();
    const until = monthsFromToday(3);
    fireEvent.change(within(dialog).getByLabelText(/Waiver until/), {
      target: { value: until },
    });
    await user.click(confirm);

    expect(
      await screen.findByText(
        'The waiver request is sent to the security officers.',
      ),
    ).toBeInTheDocument();
    expect(body).toEqual({
      systemRef: SYSTEM_REF,
      checkId: 'overdue-findings',
      justification: 'The scanner migration finishes in March.',
      expiresAt: endOfDay(until),
    });
    expect(
      await screen.findByText('Waiver requested until 31.03.2027'),
    ).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: /^Request a waiver: No overdue/ }),
    ).not.toBeInTheDocument();
  }, 30_000);

  it('signs off with the inputs hash, and asks to reload when the scorecard changed', async () => {
    const user = userEvent.setup({ delay: null });
    const reads = serve(
      scorecardView({ allowedActions: ['sign-off', 'evaluate'] }),
    );
    let body: unknown;
    server.use(
      http.post(`${SR_URL}/signoffs`, async ({ request }) => {
        body = await request.json();
        return errorBody('ConflictError', 'evidenceHash is stale', 409);
      }),
    );
    await renderTab();

    await user.click(await screen.findByRole('button', { name: 'Sign off' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Sign off the scorecard',
    });
    expect(dialog).toHaveTextContent(
      'You sign off the scorecard as it is now: Not ready, score 5.4 of 10.',
    );
    await user.click(within(dialog).getByLabelText('Comment'));
    await user.paste('Reviewed with the owner');
    await user.click(within(dialog).getByRole('button', { name: 'Sign off' }));

    expect(
      await within(dialog).findByText(
        'The scorecard has changed since you opened it. Reload it and review the current result before signing off.',
      ),
    ).toBeInTheDocument();
    expect(body).toEqual({
      systemRef: SYSTEM_REF,
      evidenceHash: 'hash-of-inputs-1',
      comment: 'Reviewed with the owner',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Reload' }));
    await waitFor(() => expect(reads.count).toBe(2));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  }, 30_000);

  it('shows a refused sign-off with the conflict the backend names', async () => {
    const user = userEvent.setup({ delay: null });
    serve(scorecardView({ allowedActions: ['sign-off'] }));
    const conflict =
      'Separation of duties: you attested security-governance of system:default/tax; someone who attested none of its checks must sign off the result';
    server.use(
      http.post(`${SR_URL}/signoffs`, () =>
        errorBody('NotAllowedError', conflict, 403),
      ),
    );
    await renderTab();

    await user.click(await screen.findByRole('button', { name: 'Sign off' }));
    const dialog = screen.getByRole('dialog', {
      name: 'Sign off the scorecard',
    });
    await user.click(within(dialog).getByRole('button', { name: 'Sign off' }));
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      conflict,
    );
  }, 30_000);

  it('says who may see the evidence when the caller may not', async () => {
    serve(
      scorecardView({ evidenceHidden: true, waivers: [], attestations: [] }),
    );
    await renderTab();
    expect(
      await screen.findByText(
        'The evidence behind the checks (facts, attestations, waivers) is shown to the owning body, security officers and auditors only.',
      ),
    ).toBeInTheDocument();
  });

  it('shows the latest sign-off and a drop below it', async () => {
    serve(
      scorecardView({
        signOff: {
          id: 's-1',
          systemRef: SYSTEM_REF,
          level: 'conditional',
          score: 6.8,
          signedBy: 'user:default/officer',
          signedAt: '2026-10-01T06:00:00.000Z',
          comment: 'Pilot operation only',
          evidenceHash: 'older-hash',
          results: [],
        },
      }),
    );
    await renderTab();

    expect(await screen.findByText('Pilot operation only')).toBeInTheDocument();
    expect(screen.getByText('01.10.2026 11:00')).toBeInTheDocument();
    expect(
      screen.getByText(
        'The level has dropped below the signed-off level (Conditionally ready).',
      ),
    ).toBeInTheDocument();
  }, 30_000);

  it('says when the system has not been evaluated and evaluates it on request', async () => {
    const user = userEvent.setup({ delay: null });
    let evaluated = false;
    let body: unknown;
    server.use(
      http.get(SCORECARD, () =>
        evaluated
          ? HttpResponse.json(scorecardView())
          : errorBody(
              'NotFoundError',
              'no scorecard for system:default/tax',
              404,
            ),
      ),
      http.get(`${SCORECARD}/history`, () => HttpResponse.json({ items: [] })),
      http.post(`${SR_URL}/evaluate`, async ({ request }) => {
        body = await request.json();
        evaluated = true;
        return HttpResponse.json(
          { id: 'run-1', status: 'succeeded', total: 1, done: 1, changed: 1 },
          { status: 202 },
        );
      }),
    );
    await renderTab();

    expect(
      await screen.findByText('This system has not been evaluated yet'),
    ).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Evaluate now' }));

    expect(await screen.findByText('Score: 5.4 of 10')).toBeInTheDocument();
    expect(body).toEqual({ systemRef: SYSTEM_REF });
  }, 30_000);

  it('shows what went wrong when the backend fails', async () => {
    server.use(
      http.get(SCORECARD, () =>
        errorBody('Error', 'database unavailable', 500),
      ),
      http.get(`${SCORECARD}/history`, () => HttpResponse.json({ items: [] })),
    );
    await renderTab();

    expect(await screen.findByText(/database unavailable/)).toBeInTheDocument();
  });
});
