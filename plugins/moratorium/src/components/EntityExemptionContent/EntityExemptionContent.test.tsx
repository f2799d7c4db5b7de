import { Entity } from '@backstage/catalog-model';
import { registerMswTestHooks } from '@backstage/frontend-test-utils';
import { EntityProvider } from '@backstage/plugin-catalog-react';
import { screen, within } from '@testing-library/react';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { summary } from '../../__testUtils__/fixtures';
import {
  MORATORIUM_URL,
  renderWithMoratorium,
} from '../../__testUtils__/renderWithMoratorium';
import { EntityExemptionContent } from './EntityExemptionContent';

const tax: Entity = {
  apiVersion: 'backstage.io/v1alpha1',
  kind: 'System',
  metadata: { name: 'tax', namespace: 'default' },
  spec: { type: 'state-information-system', owner: 'group:default/minfin' },
};

function renderTab() {
  return renderWithMoratorium(
    <EntityProvider entity={tax}>
      <EntityExemptionContent />
    </EntityProvider>,
  );
}

describe('EntityExemptionContent', () => {
  const server = setupServer();
  registerMswTestHooks(server);

  it("lists the system's exemptions and exemption requests", async () => {
    const asked: string[] = [];
    server.use(
      http.get(`${MORATORIUM_URL}/requests`, ({ request }) => {
        asked.push(
          `requests ${new URL(request.url).searchParams.get('system')}`,
        );
        return HttpResponse.json({
          items: [summary('4', { state: 'approved' })],
          totalCount: 1,
        });
      }),
      http.get(`${MORATORIUM_URL}/exemptions`, ({ request }) => {
        asked.push(
          `exemptions ${new URL(request.url).searchParams.get('system')}`,
        );
        return HttpResponse.json({
          items: [
            {
              decisionNumber: 'КЦ-2026/14',
              decisionDate: '2026-03-02',
              expiresAt: '2027-12-31',
              status: 'approved',
              source: 'moratorium',
            },
          ],
        });
      }),
    );
    await renderTab();

    const decision = await screen.findByText('No. КЦ-2026/14 of 02.03.2026');
    const row = decision.closest('tr')!;
    expect(within(row).getByText('31.12.2027')).toBeInTheDocument();
    expect(within(row).getByText('In force')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'EX-2026-0004' })).toHaveAttribute(
      'href',
      '/moratorium/requests/4',
    );
    expect(
      screen.getByRole('button', { name: 'Request an exemption' }),
    ).toHaveAttribute(
      'href',
      `/moratorium/new?system=${encodeURIComponent('system:default/tax')}`,
    );
    expect(asked.sort()).toEqual([
      'exemptions system:default/tax',
      'requests system:default/tax',
    ]);
  });

  it('says so when the system has neither', async () => {
    server.use(
      http.get(`${MORATORIUM_URL}/requests`, () =>
        HttpResponse.json({ items: [], totalCount: 0 }),
      ),
      http.get(`${MORATORIUM_URL}/exemptions`, () =>
        HttpResponse.json({ items: [] }),
      ),
    );
    await renderTab();

    expect(
      await screen.findByText(
        'The commission has not granted this system an exemption',
      ),
    ).toBeInTheDocument();
    expect(
      screen.getByText('There are no exemption requests for this system'),
    ).toBeInTheDocument();
  });
});
